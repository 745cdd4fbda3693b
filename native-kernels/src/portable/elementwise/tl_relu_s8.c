/*
 * RELU int8 (TFLM ReluQuantized: rescale to the output, clamp), bit-exact with ReluS8.cs.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "tl_relu_common.h"

tl_status tl_relu_s8(const tl_relu_params *params, int32_t count, const int8_t *input, int8_t *output)
{
    return tl_relu_run(params, count, input, output, 1);
}

tl_status tl_op_relu_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_relu_validate(op, tensors, TL_TYPE_INT8, 1, -128, 127);
}

void tl_op_relu_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_ew_relu_op(op, tensors, 1);
}
