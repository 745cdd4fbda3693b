/*
 * Private helpers of the packed int4 kernels (CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED with int4
 * weights): unpacking nibbles to int8 for the int8 fast paths, nibble words split into SMLAD-ready int16
 * pairs, and the plain loop nests the tests compare the fast paths with.
 *
 * Packing (TFLite's): element 2i is the low nibble of byte i, element 2i + 1 the high nibble, both
 * two's-complement 4-bit values in [-8, 7].
 */
#ifndef TINYLITE_TL_S4_H
#define TINYLITE_TL_S4_H

#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"
#include "tinylite/tl_dense_kernels.h"
#include "tl_dsp.h"

/* (n ^ 8) - 8 is the 4-bit two's-complement value of n in [0, 15]. */
static inline int8_t tl_s4_value(uint32_t nibble)
{
    return (int8_t)((int32_t)(nibble ^ 8u) - 8);
}

/**
 * Writes the @p n packed int4 elements from element @p start (any parity) to @p dst as int8 values.
 * Two elements per byte once the start is even.
 */
static inline void tl_s4_unpack(const uint8_t *packed, int32_t start, int32_t n, int8_t *dst)
{
    const uint8_t *p = packed + (start >> 1);
    if (n <= 0)
    {
        return;
    }
    if ((start & 1) != 0)
    {
        *dst++ = tl_s4_value((uint32_t)*p++ >> 4);
        n--;
    }
    for (; n >= 2; n -= 2)
    {
        const uint32_t b = *p++;
        dst[0] = tl_s4_value(b & 0xFu);
        dst[1] = tl_s4_value(b >> 4);
        dst += 2;
    }
    if (n != 0)
    {
        *dst = tl_s4_value((uint32_t)*p & 0xFu);
    }
}

/** Bytes 1 and 3 of @p v sign-extended into the low and high int16 halves: one SXTB16 with ROR #8 on cores with
    the DSP extension (GCC does not fold the rotation of tl_dsp_sxtb16_odd into it). */
static inline uint32_t tl_s4_sxtb16_odd(uint32_t v)
{
#if TL_DSP_ARM && defined(__GNUC__)
    uint32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
#else
    return tl_dsp_sxtb16_odd(v);
#endif
}

/**
 * Eight packed elements w0..w7 (a little-endian word, w_k in bits 4k..4k+3) as four int16 pairs, each value
 * times 16: @p p04 = (16 w0, 16 w4), @p p26 = (16 w2, 16 w6), @p p15 = (16 w1, 16 w5), @p p37 = (16 w3, 16 w7).
 * Each nibble is moved to the top of its byte (masks, one shift) and sign-extended by SXTB16, so a pair costs
 * one instruction on cores with the DSP extension. The caller divides its sums by 16 (exact while they fit).
 */
static inline void tl_s4_pairs16(uint32_t v, uint32_t *p04, uint32_t *p26, uint32_t *p15, uint32_t *p37)
{
    const uint32_t even = (v << 4) & 0xF0F0F0F0u; /* bytes 16 w0, 16 w2, 16 w4, 16 w6 */
    const uint32_t odd = v & 0xF0F0F0F0u;         /* bytes 16 w1, 16 w3, 16 w5, 16 w7 */
    *p04 = tl_dsp_sxtb16(even);
    *p26 = tl_s4_sxtb16_odd(even);
    *p15 = tl_dsp_sxtb16(odd);
    *p37 = tl_s4_sxtb16_odd(odd);
}

/** @p acc plus the scaled dot product of the eight packed weights of word @p w (tl_s4_pairs16) with eight inputs
    already paired in that order (@p x04, @p x26, @p x15, @p x37): four dual multiply-accumulates. */
static inline uint32_t tl_s4_mac8(uint32_t w, uint32_t x04, uint32_t x26, uint32_t x15, uint32_t x37, uint32_t acc)
{
    uint32_t p04;
    uint32_t p26;
    uint32_t p15;
    uint32_t p37;
    tl_s4_pairs16(w, &p04, &p26, &p15, &p37);
    acc = tl_dsp_smlad(p04, x04, acc);
    acc = tl_dsp_smlad(p26, x26, acc);
    acc = tl_dsp_smlad(p15, x15, acc);
    return tl_dsp_smlad(p37, x37, acc);
}

/** The low halves of @p a and @p b as a pair (a's in the low half): one PKHBT on cores with the DSP extension. */
static inline uint32_t tl_s4_pack_lo(uint32_t a, uint32_t b)
{
#if TL_DSP_ARM && defined(__GNUC__)
    /* GCC does not form PKHBT from the C expression below (it emits UXTH + ORR). */
    uint32_t r;
    __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(a), "r"(b));
    return r;
#else
    return (a & 0xFFFFu) | (b << 16);
#endif
}

/** The high halves of @p a and @p b as a pair (a's in the low half): one PKHTB on cores with the DSP extension. */
static inline uint32_t tl_s4_pack_hi(uint32_t a, uint32_t b)
{
#if TL_DSP_ARM && defined(__GNUC__)
    /* PKHTB r, b, a, ASR #16: the top half of b, the bottom half of (a >> 16), i.e. a's top half. */
    uint32_t r;
    __asm__("pkhtb %0, %1, %2, asr #16" : "=r"(r) : "r"(b), "r"(a));
    return r;
#else
    return (a >> 16) | (b & 0xFFFF0000u);
#endif
}

/** @p acc (a sum of products scaled by 16) divided by 16: an exact arithmetic shift while |acc / 16| < 2^27. */
static inline uint32_t tl_s4_unscale(uint32_t acc)
{
    /* Arithmetic shift of the int32 bit pattern without implementation-defined behaviour. */
    return (acc & 0x80000000u) != 0 ? ~(~acc >> 4) : acc >> 4;
}

/* ---- the plain loop nests (the managed kernels' order), the tests' reference for the fast paths ---- */

/** tl_conv2d_s4 without fast paths: every nibble read in place, the C# kernel's loop nest. */
tl_status tl_conv2d_s4_plain(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                             const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                             const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

/** tl_depthwise_conv2d_s4 without fast paths. */
tl_status tl_depthwise_conv2d_s4_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                                       const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

/** tl_fully_connected_s4 without fast paths. */
tl_status tl_fully_connected_s4_plain(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                      const uint8_t *packed_weights, const int32_t *bias, int8_t *output);

#endif /* TINYLITE_TL_S4_H */
