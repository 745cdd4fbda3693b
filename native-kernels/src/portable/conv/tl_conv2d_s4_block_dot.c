/*
 * CONV_2D int8 x packed int4: the block dot loops shared by the block and gathered paths. Eight packed weights
 * per 4-byte load split into scaled int16 pairs (tl_s4_pairs16) against the input's pairs; sums mod 2^32, the
 * scaled part divided by 16 exactly by the caller (tl_s4_unscale).
 */
#include "tl_conv2d_s4_paths.h"

/*
 * Eight packed weights from @p bytes: elements 2k.. when @p odd is 0 (bytes[0..3]); when @p odd is 1, the
 * eight from the high nibble of bytes[0] (bytes[0..4]: the low nibble of bytes[4] is the eighth).
 */
static TL_S4_INLINE uint32_t tl_s4_word(const uint8_t *bytes, const int odd)
{
    const uint32_t v = tl_dsp_load4((const int8_t *)bytes);
    return odd ? (v >> 4) | ((uint32_t)bytes[4] << 28) : v;
}

/* The input pairs of eight int8 values in tl_s4_pairs16's order: (x0, x4), (x2, x6), (x1, x5), (x3, x7). */
static TL_S4_INLINE void tl_s4_input_pairs(const int8_t *x, uint32_t *x04, uint32_t *x26, uint32_t *x15, uint32_t *x37)
{
    const uint32_t a = tl_dsp_load4(x);
    const uint32_t b = tl_dsp_load4(x + 4);
    const uint32_t ae = tl_dsp_sxtb16(a);
    const uint32_t ao = tl_s4_sxtb16_odd(a);
    const uint32_t be = tl_dsp_sxtb16(b);
    const uint32_t bo = tl_s4_sxtb16_odd(b);
    *x04 = tl_s4_pack_lo(ae, be);
    *x26 = tl_s4_pack_hi(ae, be);
    *x15 = tl_s4_pack_lo(ao, bo);
    *x37 = tl_s4_pack_hi(ao, bo);
}

/*
 * Scaled dot products (16 * w * x, added to acc[0..1]) of @p groups groups of eight input values at @p x with
 * two weight runs starting at byte @p w (nibble parity @p odd) and @p row bytes apart. Two runs, not four: with
 * four the sums and pairs no longer fit Cortex-M4's registers and the loop spills (measured).
 */
static TL_S4_INLINE void tl_s4_dot2_impl(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, const int odd,
                                         uint32_t *acc)
{
    uint32_t a0 = acc[0];
    uint32_t a1 = acc[1];
    while (groups-- > 0)
    {
        uint32_t x04;
        uint32_t x26;
        uint32_t x15;
        uint32_t x37;
        tl_s4_input_pairs(x, &x04, &x26, &x15, &x37);
        a0 = tl_s4_mac8(tl_s4_word(w, odd), x04, x26, x15, x37, a0);
        a1 = tl_s4_mac8(tl_s4_word(w + row, odd), x04, x26, x15, x37, a1);
        x += 8;
        w += 4;
    }
    acc[0] = a0;
    acc[1] = a1;
}

/* One weight run: the scaled dot product of @p groups groups of eight inputs with the run at byte @p w. */
static TL_S4_INLINE uint32_t tl_s4_dot1_impl(const int8_t *x, const uint8_t *w, int32_t groups, const int odd,
                                             uint32_t acc)
{
    while (groups-- > 0)
    {
        uint32_t x04;
        uint32_t x26;
        uint32_t x15;
        uint32_t x37;
        tl_s4_input_pairs(x, &x04, &x26, &x15, &x37);
        acc = tl_s4_mac8(tl_s4_word(w, odd), x04, x26, x15, x37, acc);
        x += 8;
        w += 4;
    }
    return acc;
}

/* The two parities as separate functions (the parity test stays out of the loops); declared in tl_conv2d_s4_paths.h. */
TL_S4_NOINLINE void tl_s4_dot2_even(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, uint32_t *acc)
{
    tl_s4_dot2_impl(x, w, row, groups, 0, acc);
}

TL_S4_NOINLINE void tl_s4_dot2_odd(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, uint32_t *acc)
{
    tl_s4_dot2_impl(x, w, row, groups, 1, acc);
}

TL_S4_NOINLINE uint32_t tl_s4_dot1_even(const int8_t *x, const uint8_t *w, int32_t groups, uint32_t acc)
{
    return tl_s4_dot1_impl(x, w, groups, 0, acc);
}

TL_S4_NOINLINE uint32_t tl_s4_dot1_odd(const int8_t *x, const uint8_t *w, int32_t groups, uint32_t acc)
{
    return tl_s4_dot1_impl(x, w, groups, 1, acc);
}
