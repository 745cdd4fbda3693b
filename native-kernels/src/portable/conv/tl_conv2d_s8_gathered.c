/*
 * CONV_2D int8, the gathered fast path (selected by tl_conv2d_s8, tl_conv2d_s8.c): for small receptive fields
 * without groups (e.g. a 10x4 filter over one channel), each output pixel's receptive field is gathered once into
 * an int16 column with padding taps set to -input_offset, so the folded bias covers every pixel, edge or not.
 * Same bytes as tl_conv2d_s8_plain.
 */
#include "tl_conv2d_s8_paths.h"

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
void tl_conv2d_s8_gathered(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                           const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                           const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
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
