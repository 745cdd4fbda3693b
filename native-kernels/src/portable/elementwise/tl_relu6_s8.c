/*
 * RELU6 int8 (TFLM Relu6Quantized: clamp the raw input to the quantized 0 and 6), bit-exact with Relu6S8.cs.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_relu6_s8(int32_t lower, int32_t upper, int32_t count, const int8_t *input, int8_t *output)
{
    int32_t i;
    if (input == 0 || output == 0 || count < 0)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is safe: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        const int32_t x = input[i];
        output[i] = (int8_t)(x > upper ? upper : x < lower ? lower : x);
    }
    return TL_OK;
}

tl_status tl_op_relu6_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, TL_EW_TYPE_INT8, TL_RELU6_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    (void)p;
    if (op->param_count != TL_RELU6_P_LENGTH || p[TL_RELU6_P_LOWER_BOUND] < -128 || p[TL_RELU6_P_LOWER_BOUND] > 127 ||
        p[TL_RELU6_P_UPPER_BOUND] < -128 || p[TL_RELU6_P_UPPER_BOUND] > 127)
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_RELU6_P_COUNT, 1);
}

void tl_op_relu6_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int8_t *in = (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_RELU6_IN_INPUT]);
    int8_t *out = (int8_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_RELU6_OUT_OUTPUT]);
    (void)tl_relu6_s8(p[TL_RELU6_P_LOWER_BOUND], p[TL_RELU6_P_UPPER_BOUND], p[TL_RELU6_P_COUNT], in, out);
}
