/*
 * CONV_2D, int8 activations, int8 OHWI weights, folded int32 bias (required), per-channel requantization.
 * Twin of nf-runtime/src/Kernels/Conv/ConvS8.cs (TFLM reference_integer_ops::ConvPerChannel).
 *
 * tl_conv2d_s8_plain is the managed kernel's loop nest. tl_conv2d_s8 adds fast paths that produce the same
 * bytes: sums are formed in uint32 (C#'s wrapping int32 addition, without C's signed-overflow UB), and
 *   sum w * (x + input_offset) = sum w * x + input_offset * sum w   (mod 2^32, an identity of the ring),
 * so for pixels whose receptive field lies entirely inside the input the offset term is folded into the
 * bias once per channel. Channels are visited two at a time (each input byte loaded once for both) and
 * interior pixels two at a time (each weight loaded once for both). Four values at a time are one 4-byte load
 * widened into two int16 pairs and fed to dual multiply-accumulates (tl_dsp.h: SXTB16 / SMLAD on cores with
 * the DSP extension, the same sums in portable C elsewhere).
 */
#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "../tl_dsp.h"
#include "tl_conv_cmsis_scratch.h"

/* The dot products are kept out of line: inlined into the large loop nests, they compete for registers with
   the nest's own state and the compiler spills their pointers (measured on Cortex-M4). */
#define TL_CV_NOINLINE TL_NOINLINE

/*
 * The dot products below walk their operands with post-incremented pointers and one loop counter so that
 * on Cortex-M4 every term is one byte load plus one multiply-accumulate, with no spills (4 pointers,
 * 4 sums and 4 values fit the 13 free registers).
 */

/**
 * Two pixels (x0, x1) times two filters (w0, w1) over @p n int8 values: four values at a time as 4-byte words
 * widened into int16 pairs (even and odd bytes, tl_dsp.h), each pair feeding two dual multiply-accumulates;
 * the remaining n % 4 values one by one.
 */
static TL_CV_NOINLINE void tl_cv_dot_2x2(const int8_t *x0, const int8_t *x1, const int8_t *w0, const int8_t *w1, int32_t n,
                                 uint32_t *a00, uint32_t *a01, uint32_t *a10, uint32_t *a11)
{
    uint32_t s00 = *a00;
    uint32_t s01 = *a01;
    uint32_t s10 = *a10;
    uint32_t s11 = *a11;
    /* x1 and w1 as offsets from x0 and w0 (same arrays), so that two pointers advance. */
    const int32_t d1 = (int32_t)(x1 - x0);
    const int32_t e1 = (int32_t)(w1 - w0);
    int32_t quads = n >> 2;
    int32_t rest = n & 3;
    while (quads-- > 0)
    {
        const uint32_t xa = tl_dsp_load4(x0);
        const uint32_t xb = tl_dsp_load4(x0 + d1);
        const uint32_t xae = tl_dsp_sxtb16(xa);
        const uint32_t xao = tl_dsp_sxtb16_odd(xa);
        const uint32_t xbe = tl_dsp_sxtb16(xb);
        const uint32_t xbo = tl_dsp_sxtb16_odd(xb);
        uint32_t wv = tl_dsp_load4(w0);
        uint32_t we = tl_dsp_sxtb16(wv);
        uint32_t wo = tl_dsp_sxtb16_odd(wv);
        s00 = tl_dsp_smlad(we, xae, s00);
        s00 = tl_dsp_smlad(wo, xao, s00);
        s10 = tl_dsp_smlad(we, xbe, s10);
        s10 = tl_dsp_smlad(wo, xbo, s10);
        wv = tl_dsp_load4(w0 + e1);
        we = tl_dsp_sxtb16(wv);
        wo = tl_dsp_sxtb16_odd(wv);
        s01 = tl_dsp_smlad(we, xae, s01);
        s01 = tl_dsp_smlad(wo, xao, s01);
        s11 = tl_dsp_smlad(we, xbe, s11);
        s11 = tl_dsp_smlad(wo, xbo, s11);
        x0 += 4;
        w0 += 4;
    }
    while (rest-- > 0)
    {
        int32_t xa = x0[0];
        int32_t xb = x0[d1];
        int32_t wa = w0[0];
        int32_t wb = w0[e1];
        s00 += (uint32_t)(xa * wa);
        s01 += (uint32_t)(xa * wb);
        s10 += (uint32_t)(xb * wa);
        s11 += (uint32_t)(xb * wb);
        x0++;
        w0++;
    }
    *a00 = s00;
    *a01 = s01;
    *a10 = s10;
    *a11 = s11;
}

static void tl_conv_s8_quad_order(int16_t *col, int32_t n);

/* Largest filter (in values) widened into int16 on the stack by the matrix-product path: two filters, 256 bytes,
   the second at k16 + TL_CV_WIDE_MAX; every full group of four values in the order (0, 2, 1, 3)
   (tl_conv_s8_quad_order), so that two plain loads give the pairs an input word widens into. */
#define TL_CV_WIDE_MAX 64

/* Requantization of one filter pair: (multiplier, shift) of each, the layer's output offset and clamp. */
typedef struct
{
    int32_t m0;
    int32_t s0;
    int32_t m1;
    int32_t s1;
    int32_t output_offset;
    int32_t act_min;
    int32_t act_max;
} tl_cv_pair_rq;

/*
 * The matrix-product path for one filter pair widened as for tl_cv_dot_2x2_k16: @p pairs pixel pairs from x
 * (pixels of in_c values, consecutive), each pair's four sums formed (from the folded biases) and requantized
 * into out[pixel * out_c] (first filter) and out[pixel * out_c + 1] (second, when @p two). One call per filter
 * pair: no per-pixel call, the sums never leave registers.
 */
static TL_CV_NOINLINE void tl_cv_gemm_pairs_k16(const int8_t *x, int32_t pairs, int32_t in_c, const int16_t *k16,
                                                uint32_t fold0, uint32_t fold1, const tl_cv_pair_rq *rq, int two,
                                                int8_t *out, int32_t out_c)
{
    const int32_t quads = in_c >> 2;
    const int32_t rest = in_c & 3;
    const int full = rq->act_min == -128 && rq->act_max == 127;
    while (pairs-- > 0)
    {
        const int8_t *x0 = x;
        const int16_t *k0 = k16;
        uint32_t s00 = fold0;
        uint32_t s01 = fold1;
        uint32_t s10 = fold0;
        uint32_t s11 = fold1;
        int32_t i;
        for (i = 0; i < quads; i++)
        {
            const uint32_t xa = tl_dsp_load4(x0);
            const uint32_t xb = tl_dsp_load4(x0 + in_c);
            const uint32_t xae = tl_dsp_sxtb16(xa);
            const uint32_t xao = tl_dsp_sxtb16_odd(xa);
            const uint32_t xbe = tl_dsp_sxtb16(xb);
            const uint32_t xbo = tl_dsp_sxtb16_odd(xb);
            uint32_t we = tl_dsp_load_pair16(k0);
            uint32_t wo = tl_dsp_load_pair16(k0 + 2);
            s00 = tl_dsp_smlad(we, xae, s00);
            s00 = tl_dsp_smlad(wo, xao, s00);
            s10 = tl_dsp_smlad(we, xbe, s10);
            s10 = tl_dsp_smlad(wo, xbo, s10);
            we = tl_dsp_load_pair16(k0 + TL_CV_WIDE_MAX);
            wo = tl_dsp_load_pair16(k0 + TL_CV_WIDE_MAX + 2);
            s01 = tl_dsp_smlad(we, xae, s01);
            s01 = tl_dsp_smlad(wo, xao, s01);
            s11 = tl_dsp_smlad(we, xbe, s11);
            s11 = tl_dsp_smlad(wo, xbo, s11);
            x0 += 4;
            k0 += 4;
        }
        for (i = 0; i < rest; i++)
        {
            int32_t xa = x0[i];
            int32_t xb = x0[in_c + i];
            int32_t wa = k0[i];
            int32_t wb = k0[TL_CV_WIDE_MAX + i];
            s00 += (uint32_t)(xa * wa);
            s01 += (uint32_t)(xa * wb);
            s10 += (uint32_t)(xb * wa);
            s11 += (uint32_t)(xb * wb);
        }
        if (full)
        {
            out[0] = tl_cv_out_s8_q_full(s00, rq->m0, rq->s0, rq->output_offset);
            out[out_c] = tl_cv_out_s8_q_full(s10, rq->m0, rq->s0, rq->output_offset);
            if (two)
            {
                out[1] = tl_cv_out_s8_q_full(s01, rq->m1, rq->s1, rq->output_offset);
                out[out_c + 1] = tl_cv_out_s8_q_full(s11, rq->m1, rq->s1, rq->output_offset);
            }
        }
        else
        {
            out[0] = tl_cv_out_s8_q(s00, rq->m0, rq->s0, rq->output_offset, rq->act_min, rq->act_max);
            out[out_c] = tl_cv_out_s8_q(s10, rq->m0, rq->s0, rq->output_offset, rq->act_min, rq->act_max);
            if (two)
            {
                out[1] = tl_cv_out_s8_q(s01, rq->m1, rq->s1, rq->output_offset, rq->act_min, rq->act_max);
                out[out_c + 1] = tl_cv_out_s8_q(s11, rq->m1, rq->s1, rq->output_offset, rq->act_min, rq->act_max);
            }
        }
        x += 2 * in_c;
        out += 2 * out_c;
    }
}

/** One pixel times two filters over @p n int8 values. */
static TL_CV_NOINLINE void tl_cv_dot_1x2(const int8_t *x, const int8_t *w0, const int8_t *w1, int32_t n, uint32_t *a0,
                                 uint32_t *a1)
{
    uint32_t s0 = *a0;
    uint32_t s1 = *a1;
    const int8_t *end = x + n;
    while (x != end)
    {
        int32_t xv = *x++;
        s0 += (uint32_t)(xv * *w0++);
        s1 += (uint32_t)(xv * *w1++);
    }
    *a0 = s0;
    *a1 = s1;
}

/** One pixel times two filters with the input offset added to each value (edge pixels: no folding). */
static TL_CV_NOINLINE void tl_cv_dot_1x2_offset(const int8_t *x, const int8_t *w0, const int8_t *w1, int32_t n,
                                        int32_t input_offset, uint32_t *a0, uint32_t *a1)
{
    uint32_t s0 = *a0;
    uint32_t s1 = *a1;
    const int8_t *end = x + n;
    while (x != end)
    {
        /* |x + offset| <= 65664 and |w| <= 128: the product fits int32. */
        int32_t xv = *x++ + input_offset;
        s0 += (uint32_t)(xv * *w0++);
        s1 += (uint32_t)(xv * *w1++);
    }
    *a0 = s0;
    *a1 = s1;
}

tl_status tl_conv2d_s8_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                             const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                             const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                             int8_t *output)
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
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
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
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
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
                    uint32_t acc = 0;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        int32_t in_y = tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                        const int8_t *in_row;
                        const int8_t *filter_row;
                        int32_t filter_x;
                        if (in_y < 0 || in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + in_y * in_w * in_c + group_start;
                        filter_row = filter_out + filter_y * f_w * f_c;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            int32_t in_x =
                                tl_cv_s32((uint32_t)in_x_origin + (uint32_t)params->dilation_w * (uint32_t)filter_x);
                            const int8_t *x;
                            const int8_t *w;
                            int32_t k;
                            if (in_x < 0 || in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c;
                            w = filter_row + filter_x * f_c;
                            for (k = 0; k < f_c; k++)
                            {
                                /* |w * (x + offset)| <= 128 * 65664 < 2^31: the product fits int32. */
                                acc += (uint32_t)(w[k] * (x[k] + params->input_offset));
                            }
                        }
                    }
                    /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's weights) and the
                       taps above carried their own offset: take the whole-filter term back out (mod 2^32). */
                    acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4) -
                           (uint32_t)params->input_offset * tl_cv_sum_s8(filter_out, filter_size);
                    output[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                             params->act_max);
                    o++;
                }
            }
        }
    }
    return TL_OK;
}

/*
 * One output pixel times two filters over the taps of @p win. When the window is the whole filter the input
 * offset is already folded into *a0 / *a1 and plain products are summed; otherwise each value gets the
 * offset (shared by both filters). Taps of a filter row form one run when @p row_run is set.
 */
static void tl_conv_s8_pixel_1x2(const tl_conv_params *params, const tl_cv_window *win, const int8_t *in_group,
                                 const int8_t *w0, const int8_t *w1, int32_t in_w, int32_t in_c, int32_t f_w,
                                 int32_t f_c, int row_run, int folded, uint32_t *a0, uint32_t *a1)
{
    int32_t filter_y;
    for (filter_y = win->fy_begin; filter_y < win->fy_end; filter_y++)
    {
        const int8_t *in_row = in_group + (win->in_y + filter_y * params->dilation_h) * in_w * in_c;
        const int32_t w_row = filter_y * f_w * f_c;
        if (row_run)
        {
            const int8_t *x = in_row + (win->in_x + win->fx_begin) * in_c;
            const int32_t w_off = w_row + win->fx_begin * f_c;
            const int32_t n = (win->fx_end - win->fx_begin) * f_c;
            if (folded)
            {
                tl_cv_dot_1x2(x, w0 + w_off, w1 + w_off, n, a0, a1);
            }
            else
            {
                tl_cv_dot_1x2_offset(x, w0 + w_off, w1 + w_off, n, params->input_offset, a0, a1);
            }
        }
        else
        {
            int32_t filter_x;
            for (filter_x = win->fx_begin; filter_x < win->fx_end; filter_x++)
            {
                const int8_t *x = in_row + (win->in_x + filter_x * params->dilation_w) * in_c;
                const int32_t w_off = w_row + filter_x * f_c;
                if (folded)
                {
                    tl_cv_dot_1x2(x, w0 + w_off, w1 + w_off, f_c, a0, a1);
                }
                else
                {
                    tl_cv_dot_1x2_offset(x, w0 + w_off, w1 + w_off, f_c, params->input_offset, a0, a1);
                }
            }
        }
    }
}

/* Largest receptive field (f_h * f_w * f_c) gathered into the two int16 columns on the stack (1 KB). */
#define TL_CV_IM2COL_MAX 256

/*
 * Gathers the receptive field of output pixel (out_y, out_x) into @p col in OHWI tap order: the input value
 * for taps inside the input, -input_offset for taps in the padding. Then
 *   folded bias + sum w * col = bias + sum over in-range taps of w * (x + input_offset)   (mod 2^32),
 * since the folded bias holds input_offset * (sum of all weights) and each padding tap adds -input_offset * w.
 */
static void tl_conv_s8_im2col(const tl_conv_params *params, const int8_t *in_batch, int32_t in_h, int32_t in_w,
                              int32_t in_c, int32_t f_h, int32_t f_w, int32_t out_y, int32_t out_x, int16_t *col)
{
    /* With a multiple of 4 channels every group of four lies within one tap: the values are written in the
       (0, 2, 1, 3) order of tl_conv_s8_quad_order directly (padding groups are four equal values). */
    const int quads_done = (in_c & 3) == 0;
    const int32_t origin_y = out_y * params->stride_h - params->pad_top;
    const int32_t origin_x = out_x * params->stride_w - params->pad_left;
    /* |input_offset| <= 32767 on this path, so the padding value fits int16. */
    const int16_t pad_value = (int16_t)-params->input_offset;
    int32_t filter_y;
    for (filter_y = 0; filter_y < f_h; filter_y++)
    {
        const int32_t in_y = origin_y + filter_y * params->dilation_h;
        const int row_inside = in_y >= 0 && in_y < in_h;
        int32_t filter_x;
        for (filter_x = 0; filter_x < f_w; filter_x++)
        {
            const int32_t in_x = origin_x + filter_x * params->dilation_w;
            int32_t k;
            if (row_inside && in_x >= 0 && in_x < in_w)
            {
                const int8_t *x = in_batch + (in_y * in_w + in_x) * in_c;
                if (quads_done)
                {
                    /* Four values per 4-byte load, widened straight into the (0, 2, 1, 3) order. */
                    for (k = 0; k < in_c; k += 4)
                    {
                        const uint32_t v = tl_dsp_load4(x + k);
                        tl_dsp_store_pair16(col, tl_dsp_sxtb16(v));
                        tl_dsp_store_pair16(col + 2, tl_dsp_sxtb16_odd(v));
                        col += 4;
                    }
                }
                else
                {
                    for (k = 0; k < in_c; k++)
                    {
                        *col++ = x[k];
                    }
                }
            }
            else
            {
                for (k = 0; k < in_c; k++)
                {
                    *col++ = pad_value;
                }
            }
        }
    }
}

/*
 * Puts every full group of four gathered (or widened) values in the order (0, 2, 1, 3): one 4-byte load of the
 * int16 values is then the pair (v0, v2) and the next (v1, v3), the pairs the even and odd bytes of a 4-byte
 * weight load widen into (tl_dsp_sxtb16 / _odd).
 */
static void tl_conv_s8_quad_order(int16_t *col, int32_t n)
{
    int16_t *end = col + (n & ~3);
    for (; col != end; col += 4)
    {
        int16_t t = col[1];
        col[1] = col[2];
        col[2] = t;
    }
}

/*
 * Every output channel of one gathered pixel pair: the columns at c0 and c0 + d1 (d1 = 0 for a lone pixel,
 * whose second results are then dropped; every full group of four values in the order of tl_conv_s8_quad_order),
 * filters of @p taps values. Channel pairs: each column pair load and each widened weight word feeds two dual
 * multiply-accumulates; the four sums stay in registers and are requantized at once into out0[ch] and, when
 * @p two, out1[ch]. One call per pixel pair.
 */
static TL_CV_NOINLINE void tl_cv_gathered_pair(const int16_t *c0, int32_t d1, int32_t taps, const int8_t *filter,
                                               const uint8_t *bias, const uint8_t *table, int32_t out_c,
                                               const tl_conv_params *params, int two, int8_t *out0, int8_t *out1)
{
    const int32_t quads = taps >> 2;
    const int32_t rest = taps & 3;
    const int full = params->act_min == -128 && params->act_max == 127;
    int32_t out_ch;
    for (out_ch = 0; out_ch < out_c; out_ch += 2)
    {
        const int pair = out_ch + 1 < out_c;
        const int32_t next_ch = pair ? out_ch + 1 : out_ch;
        const int8_t *w0 = filter + out_ch * taps;
        const int32_t e1 = (next_ch - out_ch) * taps;
        const int16_t *x = c0;
        uint32_t s00 = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
        uint32_t s01 = (uint32_t)tl_cv_load_i32(bias + next_ch * 4);
        uint32_t s10 = s00;
        uint32_t s11 = s01;
        int32_t i;
        for (i = 0; i < quads; i++)
        {
            const uint32_t xae = tl_dsp_load_pair16(x);
            const uint32_t xao = tl_dsp_load_pair16(x + 2);
            const uint32_t xbe = tl_dsp_load_pair16(x + d1);
            const uint32_t xbo = tl_dsp_load_pair16(x + d1 + 2);
            uint32_t wv = tl_dsp_load4(w0);
            uint32_t we = tl_dsp_sxtb16(wv);
            uint32_t wo = tl_dsp_sxtb16_odd(wv);
            /* |col| <= 32767 and |w| <= 128: every product fits int32. */
            s00 = tl_dsp_smlad(we, xae, s00);
            s00 = tl_dsp_smlad(wo, xao, s00);
            s10 = tl_dsp_smlad(we, xbe, s10);
            s10 = tl_dsp_smlad(wo, xbo, s10);
            wv = tl_dsp_load4(w0 + e1);
            we = tl_dsp_sxtb16(wv);
            wo = tl_dsp_sxtb16_odd(wv);
            s01 = tl_dsp_smlad(we, xae, s01);
            s01 = tl_dsp_smlad(wo, xao, s01);
            s11 = tl_dsp_smlad(we, xbe, s11);
            s11 = tl_dsp_smlad(wo, xbo, s11);
            x += 4;
            w0 += 4;
        }
        for (i = 0; i < rest; i++)
        {
            int32_t xa = x[i];
            int32_t xb = x[d1 + i];
            int32_t wa = w0[i];
            int32_t wb = w0[e1 + i];
            s00 += (uint32_t)(xa * wa);
            s01 += (uint32_t)(xa * wb);
            s10 += (uint32_t)(xb * wa);
            s11 += (uint32_t)(xb * wb);
        }
        if (full)
        {
            const int32_t m0 = tl_cv_load_i32(table + out_ch * 8);
            const int32_t sh0 = tl_cv_load_i32(table + out_ch * 8 + 4);
            const int32_t m1 = tl_cv_load_i32(table + next_ch * 8);
            const int32_t sh1 = tl_cv_load_i32(table + next_ch * 8 + 4);
            out0[out_ch] = tl_cv_out_s8_q_full(s00, m0, sh0, params->output_offset);
            if (two)
            {
                out1[out_ch] = tl_cv_out_s8_q_full(s10, m0, sh0, params->output_offset);
            }
            if (pair)
            {
                out0[next_ch] = tl_cv_out_s8_q_full(s01, m1, sh1, params->output_offset);
                if (two)
                {
                    out1[next_ch] = tl_cv_out_s8_q_full(s11, m1, sh1, params->output_offset);
                }
            }
            continue;
        }
        {
            const int32_t m0 = tl_cv_load_i32(table + out_ch * 8);
            const int32_t sh0 = tl_cv_load_i32(table + out_ch * 8 + 4);
            out0[out_ch] = tl_cv_out_s8_q(s00, m0, sh0, params->output_offset, params->act_min, params->act_max);
            if (two)
            {
                out1[out_ch] = tl_cv_out_s8_q(s10, m0, sh0, params->output_offset, params->act_min, params->act_max);
            }
        }
        if (pair)
        {
            const int32_t m1 = tl_cv_load_i32(table + next_ch * 8);
            const int32_t sh1 = tl_cv_load_i32(table + next_ch * 8 + 4);
            out0[next_ch] = tl_cv_out_s8_q(s01, m1, sh1, params->output_offset, params->act_min, params->act_max);
            if (two)
            {
                out1[next_ch] = tl_cv_out_s8_q(s11, m1, sh1, params->output_offset, params->act_min, params->act_max);
            }
        }
    }
}

/*
 * The gathered path, for small receptive fields without groups (e.g. a 10x4 filter over one channel, where a
 * filter row is too short for the row-run loops): output pixels two at a time (edge or not) are gathered
 * once into int16 columns, then every channel pair is a plain 2x2 dot product over them.
 */
static void tl_conv2d_s8_gathered(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                  const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                  int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t pixels = output_dims->height * out_w;
    const int32_t taps = f_h * f_w * in_c;
    /* One array for both columns: tl_cv_gathered_pair addresses the second relative to the first. */
    int16_t cols[2 * TL_CV_IM2COL_MAX];
    int16_t *const col0 = cols;
    int16_t *const col1 = cols + TL_CV_IM2COL_MAX;
    int32_t batch;
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out_batch = output + batch * pixels * out_c;
        int32_t pixel;
        for (pixel = 0; pixel < pixels; pixel += 2)
        {
            const int two = pixel + 1 < pixels;
            int8_t *out0 = out_batch + pixel * out_c;
            int8_t *out1 = out0 + out_c;
            tl_conv_s8_im2col(params, in_batch, in_h, in_w, in_c, f_h, f_w, pixel / out_w, pixel % out_w, col0);
            if ((in_c & 3) != 0)
            {
                tl_conv_s8_quad_order(col0, taps);
            }
            if (two)
            {
                tl_conv_s8_im2col(params, in_batch, in_h, in_w, in_c, f_h, f_w, (pixel + 1) / out_w,
                                  (pixel + 1) % out_w, col1);
                if ((in_c & 3) != 0)
                {
                    tl_conv_s8_quad_order(col1, taps);
                }
            }
            /* With one pixel left, col0 stands in for col1 and the second results are dropped. */
            tl_cv_gathered_pair(col0, two ? TL_CV_IM2COL_MAX : 0, taps, filter, bias, quant->table, out_c, params, two,
                                out0, out1);
        }
    }
}

/*
 * The fast path. Channel pairs outermost (their weights, folded bias and multipliers loaded once), then output
 * rows and columns; interior pixels in pairs through tl_cv_dot_2x2, edge and lone pixels through the bounds-hoisted
 * tl_conv_s8_pixel_1x2. Requires tl_cv_geometry_fits (no coordinate can wrap), so hoisted bounds equal the
 * per-tap tests of the plain path.
 */
static void tl_conv2d_s8_fast(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                              const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                              const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t f_c = filter_dims->channels;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t filters_per_group = out_c / (in_c / f_c);
    const int32_t filter_size = f_h * f_w * f_c;
    /* Taps of one filter row are one contiguous run of input bytes when they are adjacent pixels holding
       exactly the filter's channels. */
    const int32_t row_run = (params->dilation_w == 1 && f_c == in_c) ? f_w * f_c : 0;
    /* A 1x1, stride-1, unpadded convolution over the whole image is a matrix product over all pixels. */
    const int gemm = f_h == 1 && f_w == 1 && params->stride_h == 1 && params->stride_w == 1 && params->pad_top == 0 &&
                     params->pad_left == 0 && out_h == in_h && out_w == in_w && f_c == in_c;
    tl_cv_interior interior;
    int32_t batch;
    tl_cv_interior_range(params, in_h, in_w, f_h, f_w, out_h, out_w, &interior);

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out_batch = output + batch * out_h * out_w * out_c;
        int32_t out_ch = 0;
        while (out_ch < out_c)
        {
            /* Two channels share every input load when they read the same group. */
            const int pair = out_ch + 1 < out_c && (out_ch + 1) / filters_per_group == out_ch / filters_per_group;
            const int32_t next_ch = pair ? out_ch + 1 : out_ch;
            const int8_t *w0 = filter + out_ch * filter_size;
            const int8_t *w1 = filter + next_ch * filter_size;
            const int8_t *in_group = in_batch + (out_ch / filters_per_group) * f_c;
            const int32_t m0 = tl_cv_load_i32(quant->table + out_ch * 8);
            const int32_t s0 = tl_cv_load_i32(quant->table + out_ch * 8 + 4);
            const int32_t m1 = tl_cv_load_i32(quant->table + next_ch * 8);
            const int32_t s1 = tl_cv_load_i32(quant->table + next_ch * 8 + 4);
            /* Interior pixels start from the folded bias (model bias + input_offset * sum of all weights) and
               add w * x; edge pixels start from the model bias (the fold taken back out, mod 2^32) and add
               w * (x + input_offset) over their in-range taps. */
            uint32_t fold0 = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
            uint32_t fold1 = (uint32_t)tl_cv_load_i32(bias + next_ch * 4);
            uint32_t bias0 = fold0 - (uint32_t)params->input_offset * tl_cv_sum_s8(w0, filter_size);
            uint32_t bias1 = fold1 - (uint32_t)params->input_offset * tl_cv_sum_s8(w1, filter_size);
            int32_t out_y;
            if (gemm)
            {
                const int32_t pixels = in_h * in_w;
                int32_t pixel = 0;
                /* Both filters widened once for all pixels (one array: k1 = k0 + TL_CV_WIDE_MAX). */
                int16_t k16[2 * TL_CV_WIDE_MAX];
                const int wide = in_c <= TL_CV_WIDE_MAX;
                if (wide)
                {
                    int32_t i;
                    for (i = 0; i < in_c; i++)
                    {
                        k16[i] = (int16_t)w0[i];
                        k16[TL_CV_WIDE_MAX + i] = (int16_t)w1[i];
                    }
                    tl_conv_s8_quad_order(k16, in_c);
                    tl_conv_s8_quad_order(k16 + TL_CV_WIDE_MAX, in_c);
                }
                if (wide && pixels >= 2)
                {
                    /* The second filter's outputs sit at +1 only when there is a second filter (pair). */
                    tl_cv_pair_rq rq;
                    rq.m0 = m0;
                    rq.s0 = s0;
                    rq.m1 = m1;
                    rq.s1 = s1;
                    rq.output_offset = params->output_offset;
                    rq.act_min = params->act_min;
                    rq.act_max = params->act_max;
                    tl_cv_gemm_pairs_k16(in_batch, pixels / 2, in_c, k16, fold0, fold1, &rq, pair,
                                         out_batch + out_ch, out_c);
                    pixel = pixels & ~1;
                }
                for (; pixel + 1 < pixels; pixel += 2)
                {
                    uint32_t a00 = fold0, a01 = fold1, a10 = fold0, a11 = fold1;
                    const int8_t *x0 = in_batch + pixel * in_c;
                    tl_cv_dot_2x2(x0, x0 + in_c, w0, w1, in_c, &a00, &a01, &a10, &a11);
                    out_batch[pixel * out_c + out_ch] = tl_cv_out_s8_q(a00, m0, s0, params->output_offset, params->act_min, params->act_max);
                    out_batch[(pixel + 1) * out_c + out_ch] = tl_cv_out_s8_q(a10, m0, s0, params->output_offset, params->act_min, params->act_max);
                    if (pair)
                    {
                        out_batch[pixel * out_c + next_ch] = tl_cv_out_s8_q(a01, m1, s1, params->output_offset, params->act_min, params->act_max);
                        out_batch[(pixel + 1) * out_c + next_ch] = tl_cv_out_s8_q(a11, m1, s1, params->output_offset, params->act_min, params->act_max);
                    }
                }
                if (pixel < pixels)
                {
                    uint32_t a0 = fold0, a1 = fold1;
                    tl_cv_dot_1x2(in_batch + pixel * in_c, w0, w1, in_c, &a0, &a1);
                    out_batch[pixel * out_c + out_ch] = tl_cv_out_s8_q(a0, m0, s0, params->output_offset, params->act_min, params->act_max);
                    if (pair)
                    {
                        out_batch[pixel * out_c + next_ch] = tl_cv_out_s8_q(a1, m1, s1, params->output_offset, params->act_min, params->act_max);
                    }
                }
                out_ch += pair ? 2 : 1;
                continue;
            }
            for (out_y = 0; out_y < out_h; out_y++)
            {
                const int y_inside = out_y >= interior.y_begin && out_y < interior.y_end;
                int8_t *out_row = out_batch + out_y * out_w * out_c;
                int32_t out_x = 0;
                while (out_x < out_w)
                {
                    tl_cv_window win;
                    const int x_inside = out_x >= interior.x_begin && out_x < interior.x_end;
                    uint32_t a00;
                    uint32_t a01;
                    if (y_inside && x_inside && out_x + 1 < interior.x_end)
                    {
                        /* Two interior pixels: their receptive fields are whole and strided apart. */
                        const int8_t *x0 = in_group + ((out_y * params->stride_h - params->pad_top) * in_w +
                                                       (out_x * params->stride_w - params->pad_left)) * in_c;
                        const int8_t *x1 = x0 + params->stride_w * in_c;
                        uint32_t a10 = fold0;
                        uint32_t a11 = fold1;
                        int32_t filter_y;
                        a00 = fold0;
                        a01 = fold1;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            const int32_t in_off = filter_y * params->dilation_h * in_w * in_c;
                            const int32_t w_off = filter_y * f_w * f_c;
                            if (row_run != 0)
                            {
                                tl_cv_dot_2x2(x0 + in_off, x1 + in_off, w0 + w_off, w1 + w_off, row_run, &a00, &a01, &a10, &a11);
                            }
                            else
                            {
                                int32_t filter_x;
                                for (filter_x = 0; filter_x < f_w; filter_x++)
                                {
                                    const int32_t tap = in_off + filter_x * params->dilation_w * in_c;
                                    tl_cv_dot_2x2(x0 + tap, x1 + tap, w0 + w_off + filter_x * f_c,
                                                  w1 + w_off + filter_x * f_c, f_c, &a00, &a01, &a10, &a11);
                                }
                            }
                        }
                        out_row[(out_x + 1) * out_c + out_ch] = tl_cv_out_s8_q(a10, m0, s0, params->output_offset, params->act_min, params->act_max);
                        if (pair)
                        {
                            out_row[(out_x + 1) * out_c + next_ch] = tl_cv_out_s8_q(a11, m1, s1, params->output_offset, params->act_min, params->act_max);
                        }
                        out_row[out_x * out_c + out_ch] = tl_cv_out_s8_q(a00, m0, s0, params->output_offset, params->act_min, params->act_max);
                        if (pair)
                        {
                            out_row[out_x * out_c + next_ch] = tl_cv_out_s8_q(a01, m1, s1, params->output_offset, params->act_min, params->act_max);
                        }
                        out_x += 2;
                        continue;
                    }
                    /* One pixel, edge or lone interior: bounds hoisted out of the tap loops. */
                    tl_cv_window_of(params, in_h, in_w, f_h, f_w, out_y, out_x, &win);
                    {
                        const int whole = win.fy_begin == 0 && win.fy_end == f_h && win.fx_begin == 0 &&
                                          win.fx_end == f_w;
                        a00 = whole ? fold0 : bias0;
                        a01 = whole ? fold1 : bias1;
                        tl_conv_s8_pixel_1x2(params, &win, in_group, w0, w1, in_w, in_c, f_w, f_c, row_run != 0, whole,
                                             &a00, &a01);
                    }
                    out_row[out_x * out_c + out_ch] = tl_cv_out_s8_q(a00, m0, s0, params->output_offset, params->act_min, params->act_max);
                    if (pair)
                    {
                        out_row[out_x * out_c + next_ch] = tl_cv_out_s8_q(a01, m1, s1, params->output_offset, params->act_min, params->act_max);
                    }
                    out_x++;
                }
            }
            out_ch += pair ? 2 : 1;
        }
    }
}

tl_status tl_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                       const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    if (!tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_conv2d_s8_plain(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
    }
    if (filter_dims->channels == input_dims->channels &&
        filter_dims->height * filter_dims->width * filter_dims->channels <= TL_CV_IM2COL_MAX &&
        params->input_offset >= -32767 && params->input_offset <= 32767 &&
        !(filter_dims->height == 1 && filter_dims->width == 1))
    {
        tl_conv2d_s8_gathered(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
        return TL_OK;
    }
    tl_conv2d_s8_fast(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
    return TL_OK;
}

tl_status tl_op_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S8);
}

void tl_op_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[TL_CONV_IN_MULTIPLIERS]);
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s8(&params, &quant, &input_dims,
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]), &filter_dims,
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]),
                       op->inputs[TL_CONV_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_CONV_IN_BIAS]) : 0,
                       &output_dims, (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}
