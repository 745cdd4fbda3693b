/*
 * TANH int16 (code 242; input zero point 0, output scale 2^-15), bit-exact with TanhS16.cs / TFLM's reference
 * int16 Tanh: tanh(x) = 2 * sigmoid(2x) - 1 through the sigmoid table, 8 bits of interpolation.
 */
#include "tinylite/tl_dense_kernels.h"

#include "../tl_sigmoid_s16.h"
#include "tl_activation_checks.h"

tl_status tl_tanh_s16(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input, const uint16_t *table,
                      int16_t *output)
{
    return tl_sigmoid_table_run(1, count, multiplier, shift, input, table, output);
}

tl_status tl_op_tanh_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_lookup_s16(op, tensors);
}

void tl_op_tanh_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_lookup_s16_run(op, tensors, tl_tanh_s16);
}
