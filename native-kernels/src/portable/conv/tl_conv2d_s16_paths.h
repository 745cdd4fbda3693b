/*
 * Private to the CONV_2D int16 kernel (tl_conv2d_s16*.c): the checks every path shares, the fast paths the selector
 * tl_conv2d_s16 chooses between (tl_conv2d_s16_pointwise.c, tl_conv2d_s16_rows.c; the plain loop nest is
 * tl_conv2d_s16_plain.c) and the dot products and requantization they share. Exactness of the chunked uint32 sums:
 * see tl_conv2d_s16.c.
 */
#ifndef TINYLITE_TL_CONV2D_S16_PATHS_H
#define TINYLITE_TL_CONV2D_S16_PATHS_H

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "tl_conv_s16.h"
#include "../tl_dsp.h"
#include "../tl_s4.h"

/* Products summed in uint32 before the sum is widened: at most 511 (see above); an even count. */
#define TL_S16_CHUNK 510

/* Checks shared by every path: shapes, 16x8 quantization (no offsets), bias kind, arguments (tl_conv2d_s16.c). */
tl_status tl_conv2d_s16_check(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                              const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                              const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                              const uint8_t *output);

/* The window sums are kept out of line: inlined into the loop nest they compete for registers with the nest's
   own state (as in tl_conv2d_s8.c). */
#define TL_S16_NOINLINE TL_NOINLINE
#define TL_S16_INLINE TL_ALWAYS_INLINE
/* GCC's scheduling before register allocation hoists the four weight loads and widenings of tl_s16_dot4 to the
   top of the loop and then spills (measured on Cortex-M4: 37 instructions per four values instead of 27); without
   it the loop runs in registers. Other compilers: no attribute. */
#if defined(__GNUC__) && !defined(__clang__)
#define TL_S16_NO_PRESCHEDULE __attribute__((optimize("no-schedule-insns")))
#else
#define TL_S16_NO_PRESCHEDULE
#endif

/** The int16 value at @p p (little-endian, any alignment; one LDRSH on the DSP cores, which are little-endian). */
static inline int32_t tl_s16_value(const uint8_t *p)
{
#if TL_DSP_ARM
    int16_t v;
    memcpy(&v, p, 2);
    return v;
#else
    return tl_cv_load_i16(p);
#endif
}

/**
 * Adds to acc[0..1] (mod 2^32) the dot products of the @p n int16 inputs at @p x with the int8 weights at @p wa
 * and at @p wb (two filters of the same array; wb may equal wa). Four terms at a time: inputs (x0, x1), (x2, x3)
 * as two words rearranged into (x0, x2), (x1, x3); a weight word widened into (w0, w2), (w1, w3); two SMLADs per
 * filter. The remaining n % 4 terms one by one.
 */
static TL_S16_INLINE void tl_s16_dot2(const uint8_t *x, const int8_t *wa, const int8_t *wb, int32_t n, uint32_t *acc)
{
    uint32_t sa = acc[0];
    uint32_t sb = acc[1];
    /* wb as an offset from wa, so that one weight pointer advances. */
    const int32_t d = (int32_t)(wb - wa);
    int32_t quads = n >> 2;
    int32_t rest = n & 3;
    while (quads-- > 0)
    {
        const uint32_t x01 = tl_dsp_load4((const int8_t *)x);
        const uint32_t x23 = tl_dsp_load4((const int8_t *)(x + 4));
        const uint32_t x02 = tl_s4_pack_lo(x01, x23);
        const uint32_t x13 = tl_s4_pack_hi(x01, x23);
        const uint32_t va = tl_dsp_load4(wa);
        const uint32_t vb = tl_dsp_load4(wa + d);
        sa = tl_dsp_smlad(tl_dsp_sxtb16(va), x02, sa);
        sa = tl_dsp_smlad(tl_s4_sxtb16_odd(va), x13, sa);
        sb = tl_dsp_smlad(tl_dsp_sxtb16(vb), x02, sb);
        sb = tl_dsp_smlad(tl_s4_sxtb16_odd(vb), x13, sb);
        x += 8;
        wa += 4;
    }
    while (rest-- > 0)
    {
        const int32_t v = tl_s16_value(x);
        /* |w * v| <= 2^22: the int32 product cannot overflow. */
        sa += (uint32_t)(wa[0] * v);
        sb += (uint32_t)(wa[d] * v);
        x += 2;
        wa++;
    }
    acc[0] = sa;
    acc[1] = sb;
}

/**
 * tl_s16_dot2 for four filters at @p w, w + fs, w + 2 fs, w + 3 fs (acc[0..3]): each pair of input words
 * rearranged once for the four.
 */
static TL_S16_INLINE void tl_s16_dot4(const uint8_t *x, const int8_t *w, int32_t fs, int32_t n, uint32_t *acc)
{
    uint32_t s0 = acc[0];
    uint32_t s1 = acc[1];
    uint32_t s2 = acc[2];
    uint32_t s3 = acc[3];
    /* Filters 2 and 3 through a second pointer: two pointers and one offset instead of three offsets. */
    const int8_t *w2 = w + 2 * fs;
    int32_t quads = n >> 2;
    int32_t rest = n & 3;
    while (quads-- > 0)
    {
        const uint32_t x01 = tl_dsp_load4((const int8_t *)x);
        const uint32_t x23 = tl_dsp_load4((const int8_t *)(x + 4));
        const uint32_t x02 = tl_s4_pack_lo(x01, x23);
        const uint32_t x13 = tl_s4_pack_hi(x01, x23);
        uint32_t v = tl_dsp_load4(w);
        s0 = tl_dsp_smlad(tl_dsp_sxtb16(v), x02, s0);
        s0 = tl_dsp_smlad(tl_s4_sxtb16_odd(v), x13, s0);
        v = tl_dsp_load4(w + fs);
        s1 = tl_dsp_smlad(tl_dsp_sxtb16(v), x02, s1);
        s1 = tl_dsp_smlad(tl_s4_sxtb16_odd(v), x13, s1);
        v = tl_dsp_load4(w2);
        s2 = tl_dsp_smlad(tl_dsp_sxtb16(v), x02, s2);
        s2 = tl_dsp_smlad(tl_s4_sxtb16_odd(v), x13, s2);
        v = tl_dsp_load4(w2 + fs);
        s3 = tl_dsp_smlad(tl_dsp_sxtb16(v), x02, s3);
        s3 = tl_dsp_smlad(tl_s4_sxtb16_odd(v), x13, s3);
        x += 8;
        w += 4;
        w2 += 4;
    }
    while (rest-- > 0)
    {
        const int32_t v = tl_s16_value(x);
        s0 += (uint32_t)(w[0] * v);
        s1 += (uint32_t)(w[fs] * v);
        s2 += (uint32_t)(w2[0] * v);
        s3 += (uint32_t)(w2[fs] * v);
        x += 2;
        w++;
        w2++;
    }
    acc[0] = s0;
    acc[1] = s1;
    acc[2] = s2;
    acc[3] = s3;
}

/**
 * Requantization constants of one output channel for the fast path. For an int64 bias or none and a total shift
 * 15 - shift in [1, 46], TFLM's int64 MultiplyByQuantizedMultiplier of (sum + bias) is ((sum + bias) * reduced +
 * 2^(ts - 1)) >> ts, truncated to int32: bits ts .. ts + 31 of the 64-bit value (the additions and the product
 * wrap mod 2^64 as in tl_conv2d_s16_store), taken here from its two 32-bit halves instead of through a variable
 * 64-bit shift; bits above bit 63 are copies of bit 63 (arithmetic shift of the high half). Other channels go
 * through tl_conv2d_s16_store. The tests compare every output with the plain path's.
 */
typedef struct
{
    int64_t bias;        /* the int64 bias, 0 when none */
    int32_t reduced;     /* the multiplier rounded to 16 bits (tl_multiply_by_quantized_multiplier_64) */
    int32_t total_shift; /* 15 - shift */
} tl_s16_requant;

/** Fills @p r for output channel @p out_ch; 0 when the channel needs tl_conv2d_s16_store instead. */
static inline int tl_s16_requant_of(tl_s16_requant *r, int32_t out_ch, const uint8_t *table, const uint8_t *bias,
                                    tl_conv_bias_type bias_type)
{
    const int32_t multiplier = tl_cv_load_i32(table + out_ch * 8);
    r->total_shift = 15 - tl_cv_load_i32(table + out_ch * 8 + 4);
    r->reduced = multiplier < 0x7FFF0000 ? tl_asr32(tl_add32_wrap(multiplier, 1 << 15), 16) : 0x7FFF;
    r->bias = bias_type == TL_CONV_BIAS_INT64 ? tl_cv_load_i64(bias + out_ch * 8) : 0;
    return bias_type != TL_CONV_BIAS_INT32 && r->total_shift >= 1 && r->total_shift <= 46;
}

/** The requantized value of the int64 sum @p acc (before clamping) for a channel tl_s16_requant_of accepted. */
static inline int32_t tl_s16_requant_apply(const tl_s16_requant *r, int64_t acc)
{
    const uint64_t p =
        ((uint64_t)acc + (uint64_t)r->bias) * (uint64_t)(int64_t)r->reduced + ((uint64_t)1 << (r->total_shift - 1));
    const uint32_t lo = (uint32_t)p;
    const uint32_t hi = (uint32_t)(p >> 32);
    if (r->total_shift < 32)
    {
        return tl_cv_s32((lo >> r->total_shift) | (hi << (32 - r->total_shift)));
    }
    return tl_asr32(tl_cv_s32(hi), r->total_shift - 32);
}

/** tl_conv2d_s16_store through tl_s16_requant when the channel allows. */
static TL_S16_INLINE void tl_s16_out(uint8_t *out, int64_t acc, int32_t out_ch, const uint8_t *table,
                                     const uint8_t *bias, tl_conv_bias_type bias_type, int32_t act_min, int32_t act_max)
{
    tl_s16_requant r;
    if (tl_s16_requant_of(&r, out_ch, table, bias, bias_type))
    {
        tl_cv_out_s16(out, tl_s16_requant_apply(&r, acc), act_min, act_max);
    }
    else
    {
        tl_conv2d_s16_store(out, acc, out_ch, table, bias, bias_type, act_min, act_max);
    }
}

/*
 * 1x1 filters over at most TL_S16_CHUNK input channels, no padding, every output pixel's input inside the input
 * (tl_conv2d_s16_pointwise.c).
 */
void tl_conv2d_s16_pointwise(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                             const uint8_t *input, const int8_t *filter, const uint8_t *bias,
                             tl_conv_bias_type bias_type, const tl_conv_dims *output_dims, uint8_t *output);

/* One group, dilation 1, tl_cv_geometry_fits: filter rows as runs of the input (tl_conv2d_s16_rows.c). */
void tl_conv2d_s16_rows(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                        const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                        const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                        uint8_t *output);

#endif /* TINYLITE_TL_CONV2D_S16_PATHS_H */
