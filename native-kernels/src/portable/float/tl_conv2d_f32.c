/*
 * CONV_2D float32, twin of nf-runtime/src/Kernels/Float/ConvF32.cs and bit-exact with TFLM's reference_ops::Conv
 * (float): per output one float sum from 0, products added in (filter_y, filter_x, in_channel) order with taps in
 * the padding skipped, then total + bias (0 without one) clamped. Grouped when input_depth > filter_depth.
 */
#include "tl_float_checks.h"

tl_status tl_op_conv2d_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_conv_validate(op, tensors, 0);
}

void tl_op_conv2d_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t batches = p[TL_CONV_F32_P_BATCHES];
    const int32_t in_h = p[TL_CONV_F32_P_INPUT_HEIGHT];
    const int32_t in_w = p[TL_CONV_F32_P_INPUT_WIDTH];
    const int32_t in_c = p[TL_CONV_F32_P_INPUT_DEPTH];
    const int32_t f_h = p[TL_CONV_F32_P_FILTER_HEIGHT];
    const int32_t f_w = p[TL_CONV_F32_P_FILTER_WIDTH];
    const int32_t f_c = p[TL_CONV_F32_P_FILTER_DEPTH];
    const int32_t out_h = p[TL_CONV_F32_P_OUTPUT_HEIGHT];
    const int32_t out_w = p[TL_CONV_F32_P_OUTPUT_WIDTH];
    const int32_t out_c = p[TL_CONV_F32_P_OUTPUT_DEPTH];
    const int32_t stride_h = p[TL_CONV_F32_P_STRIDE_HEIGHT];
    const int32_t stride_w = p[TL_CONV_F32_P_STRIDE_WIDTH];
    const int32_t dil_h = p[TL_CONV_F32_P_DILATION_HEIGHT];
    const int32_t dil_w = p[TL_CONV_F32_P_DILATION_WIDTH];
    const int32_t pad_top = p[TL_CONV_F32_P_PADDING_TOP];
    const int32_t pad_left = p[TL_CONV_F32_P_PADDING_LEFT];
    const float act_min = tl_fl_from_bits(p[TL_CONV_F32_P_ACTIVATION_MIN]);
    const float act_max = tl_fl_from_bits(p[TL_CONV_F32_P_ACTIVATION_MAX]);
    const int32_t filters_per_group = out_c / (in_c / f_c);
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_F32_IN_INPUT]);
    const float *filter = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_F32_IN_FILTER]);
    const float *bias = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_F32_IN_BIAS]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_CONV_F32_OUT_OUTPUT]);
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t filter_y;
    int32_t filter_x;
    int32_t in_ch;

    for (batch = 0; batch < batches; batch++)
    {
        for (out_y = 0; out_y < out_h; out_y++)
        {
            const int32_t in_y_origin = out_y * stride_h - pad_top;
            for (out_x = 0; out_x < out_w; out_x++)
            {
                const int32_t in_x_origin = out_x * stride_w - pad_left;
                for (out_ch = 0; out_ch < out_c; out_ch++)
                {
                    const int32_t group = out_ch / filters_per_group;
                    float total = 0.0f;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        const int32_t in_y = in_y_origin + dil_h * filter_y;
                        if (in_y < 0 || in_y >= in_h)
                        {
                            continue;
                        }
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            const int32_t in_x = in_x_origin + dil_w * filter_x;
                            const float *in_row;
                            const float *f_row;
                            if (in_x < 0 || in_x >= in_w)
                            {
                                continue;
                            }
                            in_row = input + ((batch * in_h + in_y) * in_w + in_x) * in_c + group * f_c;
                            f_row = filter + ((out_ch * f_h + filter_y) * f_w + filter_x) * f_c;
                            for (in_ch = 0; in_ch < f_c; in_ch++)
                            {
                                const float product = in_row[in_ch] * f_row[in_ch];
                                total += product;
                            }
                        }
                    }
                    *output++ = tl_fl_clamp(total + (bias != 0 ? bias[out_ch] : 0.0f), act_min, act_max);
                }
            }
        }
    }
}
