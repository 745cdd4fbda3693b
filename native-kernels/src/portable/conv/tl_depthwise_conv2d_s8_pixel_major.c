/*
 * DEPTHWISE_CONV_2D int8, the pixel-major fast path (selected by tl_depthwise_conv2d_s8 when channels are many and
 * pixels few): per-pixel tap lists shared by every channel. For taps inside the input,
 *   sum w * (x + input_offset) = sum w * x + input_offset * sum w   (mod 2^32)
 * with the second term folded into the bias by the compiler. Same bytes as tl_depthwise_conv2d_s8_plain.
 */
#include "tl_depthwise_conv2d_s8_paths.h"

/*
 * Pixel-major path: each output pixel's in-range taps are listed once (input offsets and tap indices), then
 * every channel runs through the lists: folded bias + w * x over the in-range taps - input_offset * w over
 * the taps in the padding, which is TFLM's bias + sum of w * (x + input_offset) over the in-range taps
 * (mod 2^32). Channels are contiguous in NHWC, so consecutive channels read neighbouring bytes.
 */
void tl_depthwise_s8_pixel_major(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t taps = f_h * f_w;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t multiplier = params->depth_multiplier;
    const uint32_t input_offset = (uint32_t)params->input_offset;
    int32_t in_offsets[TL_CV_DW_MAX_TAPS];
    int32_t in_taps[TL_CV_DW_MAX_TAPS];
    int32_t pad_taps[TL_CV_DW_MAX_TAPS];
    int32_t batch;
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out = output + batch * out_h * out_w * out_c;
        int32_t out_y;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            const int32_t origin_y = out_y * params->stride_h - params->pad_top;
            int32_t out_x;
            for (out_x = 0; out_x < out_w; out_x++)
            {
                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                int32_t n_in = 0;
                int32_t n_pad = 0;
                int32_t filter_y;
                int32_t in_ch;
                int32_t out_ch = 0;
                for (filter_y = 0; filter_y < f_h; filter_y++)
                {
                    const int32_t in_y = origin_y + filter_y * params->dilation_h;
                    int32_t filter_x;
                    for (filter_x = 0; filter_x < f_w; filter_x++)
                    {
                        const int32_t in_x = origin_x + filter_x * params->dilation_w;
                        if (in_y >= 0 && in_y < in_h && in_x >= 0 && in_x < in_w)
                        {
                            in_offsets[n_in] = (in_y * in_w + in_x) * in_c;
                            in_taps[n_in] = filter_y * f_w + filter_x;
                            n_in++;
                        }
                        else
                        {
                            pad_taps[n_pad] = filter_y * f_w + filter_x;
                            n_pad++;
                        }
                    }
                }
                for (in_ch = 0; in_ch < in_c; in_ch++)
                {
                    const int8_t *x = in_batch + in_ch;
                    int32_t m;
                    for (m = 0; m < multiplier; m++)
                    {
                        const int8_t *w = filter + out_ch * taps;
                        uint32_t acc = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
                        int32_t t;
                        for (t = 0; t < n_in; t++)
                        {
                            acc += (uint32_t)(w[in_taps[t]] * x[in_offsets[t]]);
                        }
                        for (t = 0; t < n_pad; t++)
                        {
                            acc -= input_offset * (uint32_t)(int32_t)w[pad_taps[t]];
                        }
                        *out++ = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                              params->act_max);
                        out_ch++;
                    }
                }
            }
        }
    }
}
