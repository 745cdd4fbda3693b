/*
 * FULLY_CONNECTED float32, twin of nf-runtime/src/Kernels/Float/FullyConnectedF32.cs and bit-exact with TFLM's
 * reference_ops::FullyConnected (float): input[d] * weights[out, d] summed in d order from 0, then total + bias
 * (0 without one) clamped.
 */
#include "tl_float_checks.h"

tl_status tl_op_fully_connected_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_fl_shape(op, 3, 1, TL_FULLY_CONNECTED_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (tl_fl_within(p, TL_FULLY_CONNECTED_F32_P_BATCHES, 3, 1, INT32_MAX) != TL_OK ||
        tl_fl_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_F32_IN_INPUT],
                     tl_fl_elements(p[TL_FULLY_CONNECTED_F32_P_BATCHES], p[TL_FULLY_CONNECTED_F32_P_INPUT_DEPTH], 1,
                                    1)) != TL_OK ||
        tl_fl_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_F32_IN_WEIGHTS],
                     tl_fl_elements(p[TL_FULLY_CONNECTED_F32_P_OUTPUT_DEPTH], p[TL_FULLY_CONNECTED_F32_P_INPUT_DEPTH],
                                    1, 1)) != TL_OK ||
        tl_fl_optional_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_F32_IN_BIAS],
                              p[TL_FULLY_CONNECTED_F32_P_OUTPUT_DEPTH]) != TL_OK ||
        tl_fl_tensor(tensors, op->outputs[TL_FULLY_CONNECTED_F32_OUT_OUTPUT],
                     tl_fl_elements(p[TL_FULLY_CONNECTED_F32_P_BATCHES], p[TL_FULLY_CONNECTED_F32_P_OUTPUT_DEPTH], 1,
                                    1)) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_fl_activation_range(p[TL_FULLY_CONNECTED_F32_P_ACTIVATION_MIN],
                                  p[TL_FULLY_CONNECTED_F32_P_ACTIVATION_MAX]);
}

void tl_op_fully_connected_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t batches = p[TL_FULLY_CONNECTED_F32_P_BATCHES];
    const int32_t depth = p[TL_FULLY_CONNECTED_F32_P_INPUT_DEPTH];
    const int32_t out_depth = p[TL_FULLY_CONNECTED_F32_P_OUTPUT_DEPTH];
    const float act_min = tl_fl_from_bits(p[TL_FULLY_CONNECTED_F32_P_ACTIVATION_MIN]);
    const float act_max = tl_fl_from_bits(p[TL_FULLY_CONNECTED_F32_P_ACTIVATION_MAX]);
    const float *input =
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_F32_IN_INPUT]);
    const float *weights =
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_F32_IN_WEIGHTS]);
    const float *bias =
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_F32_IN_BIAS]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_F32_OUT_OUTPUT]);
    int32_t b;
    int32_t out_c;
    int32_t d;
    for (b = 0; b < batches; b++)
    {
        const float *row = input + b * depth;
        for (out_c = 0; out_c < out_depth; out_c++)
        {
            const float *w = weights + out_c * depth;
            float total = 0.0f;
            for (d = 0; d < depth; d++)
            {
                const float product = row[d] * w[d];
                total += product;
            }
            *output++ = tl_fl_clamp(total + (bias != 0 ? bias[out_c] : 0.0f), act_min, act_max);
        }
    }
}
