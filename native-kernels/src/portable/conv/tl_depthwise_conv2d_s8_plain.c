/*
 * DEPTHWISE_CONV_2D int8, the plain loop nest: the managed kernel's (nf-runtime/src/Kernels/Conv/DepthwiseConvS8.cs,
 * TFLM reference_integer_ops::DepthwiseConvPerChannel), the reference the fast paths are tested against.
 */
#include "tl_conv_common.h"

#include "tl_conv_blocks.h"

tl_status tl_depthwise_conv2d_s8_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                       const tl_conv_dims *output_dims, int8_t *output)
{
    int32_t in_h;
    int32_t in_w;
    int32_t in_c;
    int32_t f_h;
    int32_t f_w;
    int32_t taps;
    int32_t in_row_stride;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t o = 0;
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    in_h = input_dims->height;
    in_w = input_dims->width;
    in_c = input_dims->channels;
    f_h = filter_dims->height;
    f_w = filter_dims->width;
    taps = f_h * f_w;
    in_row_stride = in_w * in_c;

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_row_stride;
        for (out_y = 0; out_y < output_dims->height; out_y++)
        {
            /* C#'s int arithmetic wraps; so does this (only reachable with absurd strides). */
            int32_t in_y_origin = tl_cv_s32((uint32_t)out_y * (uint32_t)params->stride_h - (uint32_t)params->pad_top);
            for (out_x = 0; out_x < output_dims->width; out_x++)
            {
                int32_t in_x_origin =
                    tl_cv_s32((uint32_t)out_x * (uint32_t)params->stride_w - (uint32_t)params->pad_left);
                int32_t out_ch = 0;
                int32_t in_ch;
                for (in_ch = 0; in_ch < in_c; in_ch++)
                {
                    const int8_t *in_pixel = in_batch + in_ch;
                    int32_t m;
                    for (m = 0; m < params->depth_multiplier; m++)
                    {
                        const int8_t *filter_out = filter + out_ch * taps;
                        uint32_t acc = 0;
                        int32_t filter_y;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            int32_t in_y =
                                tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                            const int8_t *in_row;
                            const int8_t *w;
                            int32_t filter_x;
                            if (in_y < 0 || in_y >= in_h)
                            {
                                continue;
                            }
                            in_row = in_pixel + in_y * in_row_stride;
                            w = filter_out + filter_y * f_w;
                            for (filter_x = 0; filter_x < f_w; filter_x++)
                            {
                                int32_t in_x = tl_cv_s32((uint32_t)in_x_origin +
                                                         (uint32_t)params->dilation_w * (uint32_t)filter_x);
                                if (in_x >= 0 && in_x < in_w)
                                {
                                    /* |w * (x + offset)| <= 128 * 65664 < 2^31. */
                                    acc += (uint32_t)(w[filter_x] * (in_row[in_x * in_c] + params->input_offset));
                                }
                            }
                        }
                        /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's
                           taps) and the taps above carried their own offset: take the fold back out (mod 2^32). */
                        acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4) -
                               (uint32_t)params->input_offset * tl_cv_sum_s8(filter_out, taps);
                        output[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset,
                                                 params->act_min, params->act_max);
                        o++;
                        out_ch++;
                    }
                }
            }
        }
    }
    return TL_OK;
}
