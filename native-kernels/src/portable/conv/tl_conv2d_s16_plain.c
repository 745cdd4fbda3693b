/*
 * CONV_2D int16, the plain loop nest: the managed kernel's (nf-runtime/src/Kernels/Conv/ConvS16.cs), the reference
 * the fast paths of tl_conv2d_s16.c are tested against.
 */
#include "tl_conv2d_s16_paths.h"

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
