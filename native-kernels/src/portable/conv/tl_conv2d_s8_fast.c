/*
 * CONV_2D int8, the general fast path (selected by tl_conv2d_s8, tl_conv2d_s8.c). Sums are formed in uint32 (C#'s
 * wrapping int32 addition, without C's signed-overflow UB), and
 *   sum w * (x + input_offset) = sum w * x + input_offset * sum w   (mod 2^32, an identity of the ring),
 * so for pixels whose receptive field lies entirely inside the input the offset term is folded into the bias once
 * per channel. Channels are visited two at a time (each input byte loaded once for both) and interior pixels two at
 * a time (each weight loaded once for both). Four values at a time are one 4-byte load widened into two int16 pairs
 * and fed to dual multiply-accumulates (tl_dsp.h: SXTB16 / SMLAD on cores with the DSP extension, the same sums in
 * portable C elsewhere). Same bytes as tl_conv2d_s8_plain.
 */
#include "tl_conv2d_s8_paths.h"

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
static TL_CV_NOINLINE void tl_cv_dot_2x2(const int8_t *x0, const int8_t *x1, const int8_t *w0, const int8_t *w1,
                                         int32_t n, uint32_t *a00, uint32_t *a01, uint32_t *a10, uint32_t *a11)
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

/*
 * The fast path. Channel pairs outermost (their weights, folded bias and multipliers loaded once), then output
 * rows and columns; interior pixels in pairs through tl_cv_dot_2x2, edge and lone pixels through the bounds-hoisted
 * tl_conv_s8_pixel_1x2. Requires tl_cv_geometry_fits (no coordinate can wrap), so hoisted bounds equal the
 * per-tap tests of the plain path.
 */
void tl_conv2d_s8_fast(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                       const tl_conv_dims *output_dims, int8_t *output)
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
                    tl_cv_gemm_pairs_k16(in_batch, pixels / 2, in_c, k16, fold0, fold1, &rq, pair, out_batch + out_ch,
                                         out_c);
                    pixel = pixels & ~1;
                }
                for (; pixel + 1 < pixels; pixel += 2)
                {
                    uint32_t a00 = fold0, a01 = fold1, a10 = fold0, a11 = fold1;
                    const int8_t *x0 = in_batch + pixel * in_c;
                    tl_cv_dot_2x2(x0, x0 + in_c, w0, w1, in_c, &a00, &a01, &a10, &a11);
                    out_batch[pixel * out_c + out_ch] =
                        tl_cv_out_s8_q(a00, m0, s0, params->output_offset, params->act_min, params->act_max);
                    out_batch[(pixel + 1) * out_c + out_ch] =
                        tl_cv_out_s8_q(a10, m0, s0, params->output_offset, params->act_min, params->act_max);
                    if (pair)
                    {
                        out_batch[pixel * out_c + next_ch] =
                            tl_cv_out_s8_q(a01, m1, s1, params->output_offset, params->act_min, params->act_max);
                        out_batch[(pixel + 1) * out_c + next_ch] =
                            tl_cv_out_s8_q(a11, m1, s1, params->output_offset, params->act_min, params->act_max);
                    }
                }
                if (pixel < pixels)
                {
                    uint32_t a0 = fold0, a1 = fold1;
                    tl_cv_dot_1x2(in_batch + pixel * in_c, w0, w1, in_c, &a0, &a1);
                    out_batch[pixel * out_c + out_ch] =
                        tl_cv_out_s8_q(a0, m0, s0, params->output_offset, params->act_min, params->act_max);
                    if (pair)
                    {
                        out_batch[pixel * out_c + next_ch] =
                            tl_cv_out_s8_q(a1, m1, s1, params->output_offset, params->act_min, params->act_max);
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
                                                       (out_x * params->stride_w - params->pad_left)) *
                                                          in_c;
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
                                tl_cv_dot_2x2(x0 + in_off, x1 + in_off, w0 + w_off, w1 + w_off, row_run, &a00, &a01,
                                              &a10, &a11);
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
                        out_row[(out_x + 1) * out_c + out_ch] =
                            tl_cv_out_s8_q(a10, m0, s0, params->output_offset, params->act_min, params->act_max);
                        if (pair)
                        {
                            out_row[(out_x + 1) * out_c + next_ch] =
                                tl_cv_out_s8_q(a11, m1, s1, params->output_offset, params->act_min, params->act_max);
                        }
                        out_row[out_x * out_c + out_ch] =
                            tl_cv_out_s8_q(a00, m0, s0, params->output_offset, params->act_min, params->act_max);
                        if (pair)
                        {
                            out_row[out_x * out_c + next_ch] =
                                tl_cv_out_s8_q(a01, m1, s1, params->output_offset, params->act_min, params->act_max);
                        }
                        out_x += 2;
                        continue;
                    }
                    /* One pixel, edge or lone interior: bounds hoisted out of the tap loops. */
                    tl_cv_window_of(params, in_h, in_w, f_h, f_w, out_y, out_x, &win);
                    {
                        const int whole =
                            win.fy_begin == 0 && win.fy_end == f_h && win.fx_begin == 0 && win.fx_end == f_w;
                        a00 = whole ? fold0 : bias0;
                        a01 = whole ? fold1 : bias1;
                        tl_conv_s8_pixel_1x2(params, &win, in_group, w0, w1, in_w, in_c, f_w, f_c, row_run != 0, whole,
                                             &a00, &a01);
                    }
                    out_row[out_x * out_c + out_ch] =
                        tl_cv_out_s8_q(a00, m0, s0, params->output_offset, params->act_min, params->act_max);
                    if (pair)
                    {
                        out_row[out_x * out_c + next_ch] =
                            tl_cv_out_s8_q(a01, m1, s1, params->output_offset, params->act_min, params->act_max);
                    }
                    out_x++;
                }
            }
            out_ch += pair ? 2 : 1;
        }
    }
}
