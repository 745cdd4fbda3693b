/*
 * LEAKY_RELU float32 (x > 0 ? x : x * alpha), bit-exact with LeakyReluF32.cs.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_leaky_relu_f32(float alpha, int32_t count, const float *input, float *output)
{
    int32_t i;
    if (input == 0 || output == 0 || count < 0)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is safe: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        const float x = input[i];
        output[i] = x > 0.0f ? x : x * alpha;
    }
    return TL_OK;
}

tl_status tl_op_leaky_relu_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, TL_EW_TYPE_FLOAT32, TL_LEAKY_RELU_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    (void)p;
    if (op->param_count != TL_LEAKY_RELU_F32_P_LENGTH)
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_LEAKY_RELU_F32_P_COUNT, 4);
}

void tl_op_leaky_relu_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const float *in = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LEAKY_RELU_F32_IN_INPUT]);
    float *out = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_LEAKY_RELU_F32_OUT_OUTPUT]);
    (void)tl_leaky_relu_f32(tl_ew_float_from_bits(p[TL_LEAKY_RELU_F32_P_ALPHA_BITS]), p[TL_LEAKY_RELU_F32_P_COUNT], in,
                            out);
}
