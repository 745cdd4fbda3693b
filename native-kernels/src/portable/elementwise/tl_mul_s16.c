/*
 * MUL int16 with broadcasting, bit-exact with QuantizedMul.cs (RunMulS16) / TFLM's reference integer Mul.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "tl_mul_common.h"

tl_status tl_mul_s16(const tl_mul_params *params, const tl_broadcast *bc, const int16_t *input1, const int16_t *input2,
                     int16_t *output)
{
    return tl_mul_run(params, bc, input1, input2, output, 2);
}

tl_status tl_op_mul_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_mul_validate(op, tensors, TL_TYPE_INT16, 2, -32768, 32767);
}

void tl_op_mul_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_ew_mul_run(op, tensors, 2);
}
