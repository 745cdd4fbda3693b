/*
 * DEPTHWISE_CONV_2D int8, the channel-by-channel fast path (selected by tl_depthwise_conv2d_s8): weights, folded bias
 * and multiplier loaded once per channel, each pixel's valid taps computed once. For taps inside the input,
 *   sum w * (x + input_offset) = sum w * x + input_offset * sum w   (mod 2^32)
 * with the second term folded into the bias by the compiler. Same bytes as tl_depthwise_conv2d_s8_plain.
 */
#include "tl_depthwise_conv2d_s8_paths.h"

/* One output channel over all pixels of one batch (fast path). */
void tl_depthwise_s8_channel(const tl_conv_params *params, const tl_conv_dims *input_dims,
                             const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims,
                             const tl_cv_interior *interior, const int8_t *in_channel, const int8_t *w,
                             uint32_t folded_bias, const uint8_t *quant_pair, int8_t *out_channel)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t row_stride = in_w * in_c;
    const int32_t step_y = params->dilation_h * row_stride;
    const int32_t step_x = params->dilation_w * in_c;
    const int32_t pixel_step = params->stride_w * in_c;
    const int32_t input_offset = params->input_offset;
    const int32_t output_offset = params->output_offset;
    const int32_t act_min = params->act_min;
    const int32_t act_max = params->act_max;
    const int32_t multiplier = tl_cv_load_i32(quant_pair);
    const int32_t shift = tl_cv_load_i32(quant_pair + 4);
    /* Interior pixels start from the folded bias (model bias + input_offset * sum of the taps) and add w * x;
       edge pixels start from the model bias (fold taken back out, mod 2^32) and add w * (x + input_offset). */
    const uint32_t fold = folded_bias;
    const uint32_t bias = folded_bias - (uint32_t)input_offset * tl_cv_sum_s8(w, f_h * f_w);
    const int is_3x3 = f_h == 3 && f_w == 3;
    int32_t out_y;
    for (out_y = 0; out_y < output_dims->height; out_y++)
    {
        const int y_inside = out_y >= interior->y_begin && out_y < interior->y_end;
        int8_t *out_row = out_channel + out_y * out_w * out_c;
        int32_t out_x = 0;
        /* The rows of taps inside the input are the same for the whole output row. */
        const int32_t origin_y = out_y * params->stride_h - params->pad_top;
        int32_t fy_begin;
        int32_t fy_end;
        tl_cv_tap_range(origin_y, params->dilation_h, in_h, f_h, &fy_begin, &fy_end);
        while (out_x < out_w)
        {
            uint32_t acc;
            int32_t filter_y;
            if (y_inside && out_x >= interior->x_begin && out_x < interior->x_end)
            {
                /* The run of interior pixels of this row: no bounds tests at all. */
                const int32_t run_end = interior->x_end;
                const int8_t *x = in_channel + (out_y * params->stride_h - params->pad_top) * row_stride +
                                  (out_x * params->stride_w - params->pad_left) * in_c;
                if (is_3x3)
                {
                    const int32_t w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6],
                                  w7 = w[7], w8 = w[8];
                    for (; out_x < run_end; out_x++)
                    {
                        const int8_t *r0 = x;
                        const int8_t *r1 = x + step_y;
                        const int8_t *r2 = r1 + step_y;
                        acc = fold;
                        acc += (uint32_t)(w0 * r0[0]) + (uint32_t)(w1 * r0[step_x]) + (uint32_t)(w2 * r0[2 * step_x]);
                        acc += (uint32_t)(w3 * r1[0]) + (uint32_t)(w4 * r1[step_x]) + (uint32_t)(w5 * r1[2 * step_x]);
                        acc += (uint32_t)(w6 * r2[0]) + (uint32_t)(w7 * r2[step_x]) + (uint32_t)(w8 * r2[2 * step_x]);
                        out_row[out_x * out_c] =
                            tl_cv_out_s8_q(acc, multiplier, shift, output_offset, act_min, act_max);
                        x += pixel_step;
                    }
                }
                else
                {
                    for (; out_x < run_end; out_x++)
                    {
                        acc = fold;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            const int8_t *r = x + filter_y * step_y;
                            const int8_t *wr = w + filter_y * f_w;
                            int32_t filter_x;
                            for (filter_x = 0; filter_x < f_w; filter_x++)
                            {
                                acc += (uint32_t)(wr[filter_x] * r[filter_x * step_x]);
                            }
                        }
                        out_row[out_x * out_c] =
                            tl_cv_out_s8_q(acc, multiplier, shift, output_offset, act_min, act_max);
                        x += pixel_step;
                    }
                }
                continue;
            }
            /* Edge pixel: only the taps inside the input; column bounds computed once for the pixel. */
            {
                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                int32_t fx_begin;
                int32_t fx_end;
                tl_cv_tap_range(origin_x, params->dilation_w, in_w, f_w, &fx_begin, &fx_end);
                acc = bias;
                for (filter_y = fy_begin; filter_y < fy_end; filter_y++)
                {
                    const int8_t *x = in_channel + (origin_y + filter_y * params->dilation_h) * row_stride +
                                      (origin_x + fx_begin * params->dilation_w) * in_c;
                    const int8_t *wr = w + filter_y * f_w + fx_begin;
                    int32_t taps = fx_end - fx_begin;
                    while (taps-- > 0)
                    {
                        /* |w * (x + offset)| <= 128 * 65664 < 2^31. */
                        acc += (uint32_t)(*wr++ * (*x + input_offset));
                        x += step_x;
                    }
                }
            }
            out_row[out_x * out_c] = tl_cv_out_s8_q(acc, multiplier, shift, output_offset, act_min, act_max);
            out_x++;
        }
    }
}
