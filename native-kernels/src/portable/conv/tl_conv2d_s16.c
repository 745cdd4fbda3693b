/*
 * CONV_2D, int16 activations (little-endian), int8 OHWI weights, optional int32 or int64 bias (16x8
 * quantization, zero points 0). Twin of nf-runtime/src/Kernels/Conv/ConvS16.cs: the sum is formed in int64;
 * with an int32 bias TFLM accumulates in int32, whose wrapped value is the int64 sum truncated to 32 bits,
 * and requantizes with the int32 MultiplyByQuantizedMultiplier; otherwise the int64 one.
 *
 * tl_conv2d_s16_plain is the managed kernel's loop nest. tl_conv2d_s16 adds a fast path (one group, dilation 1,
 * coordinates that cannot wrap) giving the same bytes: the in-range taps of one filter row are one contiguous run
 * of the input (pixels side by side, all channels) and of the filter, so each row is one dot product. Two output
 * channels share every input load; four values at a time are two input words rearranged into the pairs (x0, x2),
 * (x1, x3) (PKHBT / PKHTB) and one weight word widened into (w0, w2), (w1, w3) (SXTB16), two dual
 * multiply-accumulates (SMLAD) per channel (tl_dsp.h, tl_s4.h: single instructions on cores with the DSP
 * extension, the same values in portable C elsewhere).
 *
 * Exactness: |x * w| <= 2^15 * 2^7 = 2^22, so a sum of at most 511 products lies within int32 (511 * 2^22 < 2^31)
 * and its value mod 2^32 (what the wrapping int32 arithmetic keeps) is the exact sum. The fast path adds at most
 * TL_S16_CHUNK products in uint32, then widens the chunk into the int64 sum: the int64 sum equals the plain
 * path's, and everything after it (bias, requantization, clamp) is the same code.
 */
#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "tl_conv_s16.h"
#include "../tl_dsp.h"
#include "../tl_s4.h"
#include "tl_conv_cmsis_scratch.h"

/* Products summed in uint32 before the sum is widened: at most 511 (see above); an even count. */
#define TL_S16_CHUNK 510

/* Checks shared by both paths: shapes, 16x8 quantization (no offsets), bias kind, arguments. */
static tl_status tl_conv2d_s16_check(const tl_conv_params *params, const tl_conv_quant *quant,
                                     const tl_conv_dims *input_dims, const uint8_t *input,
                                     const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                     tl_conv_bias_type bias_type, const tl_conv_dims *output_dims, const uint8_t *output)
{
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -32768, 32767);
    if (status != TL_OK)
    {
        return status;
    }
    /* 16x8 quantization has no zero points; the bias is none, int32 or int64. */
    if (params->input_offset != 0 || params->output_offset != 0 ||
        (bias_type != TL_CONV_BIAS_NONE && bias_type != TL_CONV_BIAS_INT32 && bias_type != TL_CONV_BIAS_INT64) ||
        (bias == 0) != (bias_type == TL_CONV_BIAS_NONE))
    {
        return TL_ERR_PARAMS;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}

tl_status tl_conv2d_s16_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                              const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                              const int8_t *filter, const uint8_t *bias, tl_conv_bias_type bias_type,
                              const tl_conv_dims *output_dims, uint8_t *output)
{
    int32_t batches;
    int32_t in_h;
    int32_t in_w;
    int32_t in_c;
    int32_t f_h;
    int32_t f_w;
    int32_t f_c;
    int32_t out_h;
    int32_t out_w;
    int32_t out_c;
    int32_t filters_per_group;
    int32_t filter_size;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t o = 0;
    tl_status status = tl_conv2d_s16_check(params, quant, input_dims, input, filter_dims, filter, bias, bias_type,
                                           output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    batches = input_dims->batches;
    in_h = input_dims->height;
    in_w = input_dims->width;
    in_c = input_dims->channels;
    f_h = filter_dims->height;
    f_w = filter_dims->width;
    f_c = filter_dims->channels;
    out_h = output_dims->height;
    out_w = output_dims->width;
    out_c = output_dims->channels;
    /* in_c / f_c groups, each owning out_c / groups consecutive filters (checked divisible above). */
    filters_per_group = out_c / (in_c / f_c);
    filter_size = f_h * f_w * f_c;

    for (batch = 0; batch < batches; batch++)
    {
        const uint8_t *in_batch = input + batch * in_h * in_w * in_c * 2;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            /* C#'s int arithmetic wraps; so does this (only reachable with absurd strides). */
            int32_t in_y_origin = tl_cv_s32((uint32_t)out_y * (uint32_t)params->stride_h - (uint32_t)params->pad_top);
            for (out_x = 0; out_x < out_w; out_x++)
            {
                int32_t in_x_origin =
                    tl_cv_s32((uint32_t)out_x * (uint32_t)params->stride_w - (uint32_t)params->pad_left);
                for (out_ch = 0; out_ch < out_c; out_ch++)
                {
                    int32_t group_start = (out_ch / filters_per_group) * f_c;
                    const int8_t *filter_out = filter + out_ch * filter_size;
                    /* Products |w * x| <= 2^22, at most 2^31 of them: the int64 sum cannot overflow. */
                    int64_t acc = 0;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        int32_t in_y = tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                        const uint8_t *in_row;
                        const int8_t *filter_row;
                        int32_t filter_x;
                        if (in_y < 0 || in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + (in_y * in_w * in_c + group_start) * 2;
                        filter_row = filter_out + filter_y * f_w * f_c;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            int32_t in_x =
                                tl_cv_s32((uint32_t)in_x_origin + (uint32_t)params->dilation_w * (uint32_t)filter_x);
                            const uint8_t *x;
                            const int8_t *w;
                            int32_t k;
                            if (in_x < 0 || in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c * 2;
                            w = filter_row + filter_x * f_c;
                            for (k = 0; k < f_c; k++)
                            {
                                acc += (int64_t)(w[k] * tl_cv_load_i16(x + k * 2));
                            }
                        }
                    }
                    tl_conv2d_s16_store(output + o * 2, acc, out_ch, quant->table, bias, bias_type, params->act_min,
                                        params->act_max);
                    o++;
                }
            }
        }
    }
    return TL_OK;
}

/* ---- fast path ---- */

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
    const uint64_t p = ((uint64_t)acc + (uint64_t)r->bias) * (uint64_t)(int64_t)r->reduced +
                       ((uint64_t)1 << (r->total_shift - 1));
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
                                     const uint8_t *bias, tl_conv_bias_type bias_type, int32_t act_min,
                                     int32_t act_max)
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
 * 1x1 filters over at most TL_S16_CHUNK input channels, no padding, every output pixel's input inside the input:
 * one dot product per pixel and block of four output channels (then two, then one), no window bookkeeping, the
 * block's requantization constants read once.
 */
static TL_S16_NOINLINE TL_S16_NO_PRESCHEDULE void
tl_conv2d_s16_pointwise(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                        const uint8_t *input, const int8_t *filter, const uint8_t *bias, tl_conv_bias_type bias_type,
                        const tl_conv_dims *output_dims, uint8_t *output)
{
    const int32_t in_c = input_dims->channels;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    /* Bytes between the inputs of horizontally / vertically adjacent outputs, and between batches. */
    const int32_t x_step = params->stride_w * in_c * 2;
    const int32_t y_step = params->stride_h * input_dims->width * in_c * 2;
    const int32_t batch_step = input_dims->height * input_dims->width * in_c * 2;
    int32_t out_ch = 0;
    while (out_ch < out_c)
    {
        const int32_t count = out_c - out_ch >= 4 ? 4 : (out_c - out_ch >= 2 ? 2 : 1);
        const int8_t *w = filter + out_ch * in_c;
        uint8_t *out = output + out_ch * 2;
        tl_s16_requant rq[4];
        int fast = 1;
        int32_t batch;
        int32_t out_y;
        int32_t out_x;
        int32_t k;
        for (k = 0; k < count; k++)
        {
            fast &= tl_s16_requant_of(&rq[k], out_ch + k, quant->table, bias, bias_type);
        }
        for (batch = 0; batch < output_dims->batches; batch++)
        {
            for (out_y = 0; out_y < out_h; out_y++)
            {
                const uint8_t *x = input + batch * batch_step + out_y * y_step;
                for (out_x = 0; out_x < out_w; out_x++)
                {
                    /* At most TL_S16_CHUNK products: each uint32 sum is exact. */
                    uint32_t acc[4] = {0u, 0u, 0u, 0u};
                    if (count == 4)
                    {
                        tl_s16_dot4(x, w, in_c, in_c, acc);
                    }
                    else
                    {
                        tl_s16_dot2(x, w, count == 2 ? w + in_c : w, in_c, acc);
                    }
                    for (k = 0; k < count; k++)
                    {
                        if (fast)
                        {
                            tl_cv_out_s16(out + k * 2, tl_s16_requant_apply(&rq[k], tl_cv_s32(acc[k])),
                                          params->act_min, params->act_max);
                        }
                        else
                        {
                            tl_conv2d_s16_store(out + k * 2, tl_cv_s32(acc[k]), out_ch + k, quant->table, bias,
                                                bias_type, params->act_min, params->act_max);
                        }
                    }
                    x += x_step;
                    out += out_c * 2;
                }
            }
        }
        out_ch += count;
    }
}

/** The in-range taps of one output pixel: @p rows filter rows of @p run consecutive values each. */
typedef struct
{
    const uint8_t *x;    /* first in-range input value */
    int32_t rows;        /* in-range filter rows (0 when no tap is in range) */
    int32_t run;         /* values per row: in-range filter columns times in_c */
    int32_t x_step;      /* bytes from one input row to the next */
    int32_t w_step;      /* weights from one filter row to the next (f_w * in_c) */
    int32_t filter_size; /* weights from one filter to the next */
} tl_s16_window;

/**
 * The exact int64 sums of the filters at @p wa and @p wb (wb may equal wa), both already at the window's first
 * in-range tap, over the window (win->rows >= 1, win->run >= 1). Chunks of at most TL_S16_CHUNK products are
 * summed in uint32 and then widened: whole rows when a row fits a chunk, else pieces of a row.
 */
static TL_S16_NOINLINE void tl_s16_window2(const tl_s16_window *win, const int8_t *wa, const int8_t *wb,
                                           int64_t *sum_a, int64_t *sum_b)
{
    const uint8_t *x = win->x;
    const int32_t run = win->run;
    int64_t sa = 0;
    int64_t sb = 0;
    int32_t row = 0;
    if (run <= TL_S16_CHUNK)
    {
        const int32_t rows_per_chunk = TL_S16_CHUNK / run;
        while (row < win->rows)
        {
            int32_t n = win->rows - row < rows_per_chunk ? win->rows - row : rows_per_chunk;
            uint32_t acc[2] = {0u, 0u};
            row += n;
            for (; n > 0; n--)
            {
                tl_s16_dot2(x, wa, wb, run, acc);
                x += win->x_step;
                wa += win->w_step;
                wb += win->w_step;
            }
            /* Each chunk's uint32 value is its exact sum (see the top of the file). */
            sa += tl_cv_s32(acc[0]);
            sb += tl_cv_s32(acc[1]);
        }
    }
    else
    {
        for (; row < win->rows; row++)
        {
            int32_t done;
            int32_t piece;
            for (done = 0; done < run; done += piece)
            {
                uint32_t acc[2] = {0u, 0u};
                piece = run - done > TL_S16_CHUNK ? TL_S16_CHUNK : run - done;
                tl_s16_dot2(x + done * 2, wa + done, wb + done, piece, acc);
                sa += tl_cv_s32(acc[0]);
                sb += tl_cv_s32(acc[1]);
            }
            x += win->x_step;
            wa += win->w_step;
            wb += win->w_step;
        }
    }
    *sum_a = sa;
    *sum_b = sb;
}

/** tl_s16_window2 for the four filters from @p w (sums[0..3]). */
static TL_S16_NOINLINE TL_S16_NO_PRESCHEDULE void tl_s16_window4(const tl_s16_window *win, const int8_t *w,
                                                                 int64_t *sums)
{
    const uint8_t *x = win->x;
    const int32_t run = win->run;
    const int32_t fs = win->filter_size;
    int64_t s0 = 0;
    int64_t s1 = 0;
    int64_t s2 = 0;
    int64_t s3 = 0;
    int32_t row = 0;
    if (run <= TL_S16_CHUNK)
    {
        const int32_t rows_per_chunk = TL_S16_CHUNK / run;
        while (row < win->rows)
        {
            int32_t n = win->rows - row < rows_per_chunk ? win->rows - row : rows_per_chunk;
            uint32_t acc[4] = {0u, 0u, 0u, 0u};
            row += n;
            for (; n > 0; n--)
            {
                tl_s16_dot4(x, w, fs, run, acc);
                x += win->x_step;
                w += win->w_step;
            }
            s0 += tl_cv_s32(acc[0]);
            s1 += tl_cv_s32(acc[1]);
            s2 += tl_cv_s32(acc[2]);
            s3 += tl_cv_s32(acc[3]);
        }
    }
    else
    {
        for (; row < win->rows; row++)
        {
            int32_t done;
            int32_t piece;
            for (done = 0; done < run; done += piece)
            {
                uint32_t acc[4] = {0u, 0u, 0u, 0u};
                piece = run - done > TL_S16_CHUNK ? TL_S16_CHUNK : run - done;
                tl_s16_dot4(x + done * 2, w + done, fs, piece, acc);
                s0 += tl_cv_s32(acc[0]);
                s1 += tl_cv_s32(acc[1]);
                s2 += tl_cv_s32(acc[2]);
                s3 += tl_cv_s32(acc[3]);
            }
            x += win->x_step;
            w += win->w_step;
        }
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}

/*
 * One group, dilation 1, tl_cv_geometry_fits: per output pixel the in-range taps (tl_cv_window_of) form, in each
 * in-range filter row, one run of (fx_end - fx_begin) * in_c consecutive input values and as many consecutive
 * weights. Output channels four at a time, then two, then one.
 */
static TL_S16_NOINLINE void tl_conv2d_s16_rows(const tl_conv_params *params, const tl_conv_quant *quant,
                               const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                               const int8_t *filter, const uint8_t *bias, tl_conv_bias_type bias_type,
                               const tl_conv_dims *output_dims, uint8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    uint8_t *out = output;
    tl_s16_window tw;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    tw.x_step = in_w * in_c * 2;
    tw.w_step = f_w * in_c;
    tw.filter_size = f_h * f_w * in_c;
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const uint8_t *in_batch = input + batch * in_h * tw.x_step;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            for (out_x = 0; out_x < out_w; out_x++)
            {
                tl_cv_window win;
                int32_t w_first = 0;
                int32_t out_ch = 0;
                tl_cv_window_of(params, in_h, in_w, f_h, f_w, out_y, out_x, &win);
                tw.run = (win.fx_end - win.fx_begin) * in_c;
                tw.rows = tw.run > 0 ? win.fy_end - win.fy_begin : 0;
                tw.x = in_batch;
                if (tw.rows > 0)
                {
                    /* The first in-range tap: input (in_y + fy_begin, in_x + fx_begin), inside the input. */
                    tw.x = in_batch + (win.in_y + win.fy_begin) * tw.x_step + (win.in_x + win.fx_begin) * in_c * 2;
                    w_first = win.fy_begin * tw.w_step + win.fx_begin * in_c;
                }
                while (out_ch < out_c)
                {
                    const int32_t count = out_c - out_ch >= 4 ? 4 : (out_c - out_ch >= 2 ? 2 : 1);
                    const int8_t *w = filter + out_ch * tw.filter_size + w_first;
                    int64_t sums[4];
                    int32_t k;
                    if (tw.rows == 0)
                    {
                        /* No tap in range: every sum is 0. */
                        sums[0] = sums[1] = sums[2] = sums[3] = 0;
                    }
                    else if (count == 4)
                    {
                        tl_s16_window4(&tw, w, sums);
                    }
                    else
                    {
                        /* A lone last filter is paired with itself (its second sum is dropped). */
                        tl_s16_window2(&tw, w, count == 2 ? w + tw.filter_size : w, &sums[0], &sums[1]);
                    }
                    for (k = 0; k < count; k++)
                    {
                        tl_s16_out(out + (out_ch + k) * 2, sums[k], out_ch + k, quant->table, bias, bias_type,
                                   params->act_min, params->act_max);
                    }
                    out_ch += count;
                }
                out += out_c * 2;
            }
        }
    }
}

tl_status tl_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                        const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                        const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                        uint8_t *output)
{
    tl_status status = tl_conv2d_s16_check(params, quant, input_dims, input, filter_dims, filter, bias, bias_type,
                                           output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    if (filter_dims->channels != input_dims->channels || params->dilation_h != 1 || params->dilation_w != 1 ||
        !tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_conv2d_s16_plain(params, quant, input_dims, input, filter_dims, filter, bias, bias_type,
                                   output_dims, output);
    }
    if (filter_dims->height == 1 && filter_dims->width == 1 && input_dims->channels <= TL_S16_CHUNK &&
        params->pad_top == 0 && params->pad_left == 0 &&
        (int64_t)(output_dims->height - 1) * params->stride_h < input_dims->height &&
        (int64_t)(output_dims->width - 1) * params->stride_w < input_dims->width)
    {
        tl_conv2d_s16_pointwise(params, quant, input_dims, input, filter, bias, bias_type, output_dims, output);
        return TL_OK;
    }
    tl_conv2d_s16_rows(params, quant, input_dims, input, filter_dims, filter, bias, bias_type, output_dims, output);
    return TL_OK;
}

tl_status tl_op_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT16, TL_CV_TYPE_INT8, 1, 1, 0);
    if (status == TL_OK && (op->params[TL_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S16);
}

void tl_op_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_conv_bias_type bias_type = TL_CONV_BIAS_NONE;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_MULTIPLIERS]);
    if (op->inputs[TL_CONV_S16_IN_BIAS] >= 0)
    {
        bias_type = tl_tensor_type(tensors, op->inputs[TL_CONV_S16_IN_BIAS]) == TL_CV_TYPE_INT64 ? TL_CONV_BIAS_INT64
                                                                                                 : TL_CONV_BIAS_INT32;
    }
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s16(&params, &quant, &input_dims, tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_INPUT]),
                        &filter_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_FILTER]),
                        op->inputs[TL_CONV_S16_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_BIAS])
                                                             : 0,
                        bias_type, &output_dims, tl_tensor_data(tensors, op->outputs[TL_CONV_S16_OUT_OUTPUT]));
}
