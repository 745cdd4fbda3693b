/*
 * RELU float32 (x < 0 ? 0 : x; NaN and -0 pass through), bit-exact with ReluF32.cs.
 */
#include "tl_elementwise_checks.h"
#include "tl_unary_f32_common.h"

tl_status tl_relu_f32(int32_t count, const float *input, float *output)
{
    return tl_unary_f32_run(count, input, output, TL_UNARY_F32_RELU);
}

tl_status tl_op_relu_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_unary_float_validate(op, tensors);
}

void tl_op_relu_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_unary_f32_op(op, tensors, TL_UNARY_F32_RELU);
}
