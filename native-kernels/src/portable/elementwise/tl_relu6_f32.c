/*
 * RELU6 float32, bit-exact with Relu6F32.cs.
 */
#include "tl_elementwise_checks.h"
#include "tl_unary_f32_common.h"

tl_status tl_relu6_f32(int32_t count, const float *input, float *output)
{
    return tl_unary_f32_run(count, input, output, TL_UNARY_F32_RELU6);
}

tl_status tl_op_relu6_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_unary_float_validate(op, tensors);
}

void tl_op_relu6_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_unary_f32_op(op, tensors, TL_UNARY_F32_RELU6);
}
