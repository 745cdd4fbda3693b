/* CONV_2D int16, the pointwise fast path (selected by tl_conv2d_s16). Same bytes as tl_conv2d_s16_plain. */
#include "tl_conv2d_s16_paths.h"

/*
 * 1x1 filters over at most TL_S16_CHUNK input channels, no padding, every output pixel's input inside the input:
 * one dot product per pixel and block of four output channels (then two, then one), no window bookkeeping, the
 * block's requantization constants read once.
 */
TL_S16_NOINLINE TL_S16_NO_PRESCHEDULE void tl_conv2d_s16_pointwise(const tl_conv_params *params,
                                                                   const tl_conv_quant *quant,
                                                                   const tl_conv_dims *input_dims, const uint8_t *input,
                                                                   const int8_t *filter, const uint8_t *bias,
                                                                   tl_conv_bias_type bias_type,
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
                            tl_cv_out_s16(out + k * 2, tl_s16_requant_apply(&rq[k], tl_cv_s32(acc[k])), params->act_min,
                                          params->act_max);
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
