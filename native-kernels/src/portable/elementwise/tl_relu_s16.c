/*
 * RELU int16 (TFLM ReluQuantized: rescale to the output, clamp), bit-exact with ReluS16.cs.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "tl_relu_common.h"

tl_status tl_relu_s16(const tl_relu_params *params, int32_t count, const int16_t *input, int16_t *output)
{
    return tl_relu_run(params, count, input, output, 2);
}

tl_status tl_op_relu_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_relu_validate(op, tensors, TL_TYPE_INT16, 2, -32768, 32767);
}

void tl_op_relu_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_ew_relu_op(op, tensors, 2);
}
