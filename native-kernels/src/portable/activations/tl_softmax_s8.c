/*
 * SOFTMAX int8 -> int8 (code 230), bit-exact with SoftmaxS8.cs / TFLM's reference quantized softmax: the exp
 * of each difference to the row maximum comes from the compiler's table (Q0), the sum is taken in Q12, its
 * reciprocal by gemmlowp's 1/(1+x), and each output is a rounding shift to 8 bits offset by -128.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_activation_checks.h"
#include "tl_softmax_s8_common.h"

tl_status tl_softmax_s8(int32_t outer, int32_t depth, const int8_t *input, const int32_t *exp_table, int8_t *output)
{
    return tl_softmax_s8_run(outer, depth, input, exp_table, output, 8);
}

tl_status tl_op_softmax_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_softmax_s8(op, tensors, TL_SOFTMAX_S8_P_LENGTH, TL_TYPE_INT8, 1);
}

void tl_op_softmax_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_softmax_s8_op(op, tensors, 8);
}
