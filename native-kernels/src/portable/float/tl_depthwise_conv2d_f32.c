/*
 * DEPTHWISE_CONV_2D float32, twin of nf-runtime/src/Kernels/Float/DepthwiseConvF32.cs and bit-exact with TFLM's
 * reference_ops::DepthwiseConv (float): output channel in_channel * depth_multiplier + m sums its taps in
 * (filter_y, filter_x) order from 0, taps in the padding skipped, then total + bias (0 without one) clamped.
 */
#include "tl_float_checks.h"

tl_status tl_op_depthwise_conv2d_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_conv_validate(op, tensors, 1);
}

void tl_op_depthwise_conv2d_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t batches = p[TL_DEPTHWISE_CONV_F32_P_BATCHES];
    const int32_t in_h = p[TL_DEPTHWISE_CONV_F32_P_INPUT_HEIGHT];
    const int32_t in_w = p[TL_DEPTHWISE_CONV_F32_P_INPUT_WIDTH];
    const int32_t in_c = p[TL_DEPTHWISE_CONV_F32_P_INPUT_DEPTH];
    const int32_t f_h = p[TL_DEPTHWISE_CONV_F32_P_FILTER_HEIGHT];
    const int32_t f_w = p[TL_DEPTHWISE_CONV_F32_P_FILTER_WIDTH];
    const int32_t multiplier = p[TL_DEPTHWISE_CONV_F32_P_DEPTH_MULTIPLIER];
    const int32_t out_h = p[TL_DEPTHWISE_CONV_F32_P_OUTPUT_HEIGHT];
    const int32_t out_w = p[TL_DEPTHWISE_CONV_F32_P_OUTPUT_WIDTH];
    const int32_t out_c = p[TL_DEPTHWISE_CONV_F32_P_OUTPUT_DEPTH];
    const int32_t stride_h = p[TL_DEPTHWISE_CONV_F32_P_STRIDE_HEIGHT];
    const int32_t stride_w = p[TL_DEPTHWISE_CONV_F32_P_STRIDE_WIDTH];
    const int32_t dil_h = p[TL_DEPTHWISE_CONV_F32_P_DILATION_HEIGHT];
    const int32_t dil_w = p[TL_DEPTHWISE_CONV_F32_P_DILATION_WIDTH];
    const int32_t pad_top = p[TL_DEPTHWISE_CONV_F32_P_PADDING_TOP];
    const int32_t pad_left = p[TL_DEPTHWISE_CONV_F32_P_PADDING_LEFT];
    const float act_min = tl_fl_from_bits(p[TL_DEPTHWISE_CONV_F32_P_ACTIVATION_MIN]);
    const float act_max = tl_fl_from_bits(p[TL_DEPTHWISE_CONV_F32_P_ACTIVATION_MAX]);
    const float *input =
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_F32_IN_INPUT]);
    const float *filter =
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_F32_IN_FILTER]);
    const float *bias = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_F32_IN_BIAS]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_F32_OUT_OUTPUT]);
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t in_ch;
    int32_t m;
    int32_t filter_y;
    int32_t filter_x;

    for (batch = 0; batch < batches; batch++)
    {
        for (out_y = 0; out_y < out_h; out_y++)
        {
            const int32_t in_y_origin = out_y * stride_h - pad_top;
            for (out_x = 0; out_x < out_w; out_x++)
            {
                const int32_t in_x_origin = out_x * stride_w - pad_left;
                for (in_ch = 0; in_ch < in_c; in_ch++)
                {
                    for (m = 0; m < multiplier; m++)
                    {
                        const int32_t oc = m + in_ch * multiplier;
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
                                float product;
                                if (in_x < 0 || in_x >= in_w)
                                {
                                    continue;
                                }
                                product = input[((batch * in_h + in_y) * in_w + in_x) * in_c + in_ch] *
                                          filter[(filter_y * f_w + filter_x) * out_c + oc];
                                total += product;
                            }
                        }
                        *output++ = tl_fl_clamp(total + (bias != 0 ? bias[oc] : 0.0f), act_min, act_max);
                    }
                }
            }
        }
    }
}
