/*
 * MUL int8 with broadcasting, bit-exact with QuantizedMul.cs (RunMulS8) / TFLM's reference integer Mul.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "tl_mul_common.h"

tl_status tl_mul_s8(const tl_mul_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                    int8_t *output)
{
    return tl_mul_run(params, bc, input1, input2, output, 1);
}

tl_status tl_op_mul_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_mul_validate(op, tensors, TL_TYPE_INT8, 1, -128, 127);
}

void tl_op_mul_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_ew_mul_run(op, tensors, 1);
}
