/*
 * int8 dot products shared by the kernels whose inner loop is "one input vector against consecutive weight
 * rows": fully connected (whole and per band) and the in-place 1x1 convolution (one pixel at a time).
 * Four inputs per step: one 4-byte load widened into its even and odd int16 pairs, times each row's four
 * weights widened the same way (tl_dsp.h: SXTB16 and SMLAD where the core has them). Sums are mod 2^32, so
 * the order differs from the plain loops but the results are identical.
 */
#ifndef TINYLITE_TL_DOT_S8_H
#define TINYLITE_TL_DOT_S8_H

#include <stdint.h>
#include "tl_dsp.h"

/**
 * Adds to acc[0..3] the dot products of the @p n values at @p x with the four weight rows at @p w,
 * @p w + @p row, @p w + 2 * @p row, @p w + 3 * @p row (each @p n long). Wrapping uint32 sums.
 */
static inline void tl_dot4_s8(const int8_t *x, const int8_t *w, int32_t n, int32_t row, uint32_t acc[4])
{
    uint32_t a0 = acc[0];
    uint32_t a1 = acc[1];
    uint32_t a2 = acc[2];
    uint32_t a3 = acc[3];
    int32_t i = 0;
    for (; i + 4 <= n; i += 4)
    {
        const uint32_t xv = tl_dsp_load4(x + i);
        const uint32_t xe = tl_dsp_sxtb16(xv);
        const uint32_t xo = tl_dsp_sxtb16_odd(xv);
        const int8_t *f = w + i;
        uint32_t wv = tl_dsp_load4(f);
        a0 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, a0);
        a0 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, a0);
        wv = tl_dsp_load4(f + row);
        a1 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, a1);
        a1 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, a1);
        wv = tl_dsp_load4(f + 2 * row);
        a2 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, a2);
        a2 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, a2);
        wv = tl_dsp_load4(f + 3 * row);
        a3 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, a3);
        a3 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, a3);
    }
    for (; i < n; i++)
    {
        const int32_t xv = x[i];
        a0 += (uint32_t)(w[i] * xv);
        a1 += (uint32_t)(w[row + i] * xv);
        a2 += (uint32_t)(w[2 * row + i] * xv);
        a3 += (uint32_t)(w[3 * row + i] * xv);
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/** @p acc plus the dot product of the @p n values at @p x and at @p w, mod 2^32. */
static inline uint32_t tl_dot1_s8(const int8_t *x, const int8_t *w, int32_t n, uint32_t acc)
{
    int32_t i = 0;
    for (; i + 4 <= n; i += 4)
    {
        const uint32_t xv = tl_dsp_load4(x + i);
        const uint32_t wv = tl_dsp_load4(w + i);
        acc = tl_dsp_smlad(tl_dsp_sxtb16(wv), tl_dsp_sxtb16(xv), acc);
        acc = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), tl_dsp_sxtb16_odd(xv), acc);
    }
    for (; i < n; i++)
    {
        acc += (uint32_t)(w[i] * x[i]);
    }
    return acc;
}

#endif
