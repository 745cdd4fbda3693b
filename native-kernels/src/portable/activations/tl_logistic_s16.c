/*
 * LOGISTIC int16 (code 241; input zero point 0, output scale 2^-15), bit-exact with LogisticS16.cs / TFLM's
 * reference int16 Logistic: the input is rescaled to steps of 1/(3 * 4096), |x| indexes the 256-entry sigmoid
 * table (0.16 format) with 9 bits of linear interpolation; negative inputs use 1 - sigmoid(|x|).
 */
#include "tinylite/tl_dense_kernels.h"

#include "../tl_sigmoid_s16.h"
#include "tl_activation_checks.h"

tl_status tl_logistic_s16(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input, const uint16_t *table,
                          int16_t *output)
{
    return tl_sigmoid_table_run(0, count, multiplier, shift, input, table, output);
}

tl_status tl_op_logistic_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_lookup_s16(op, tensors);
}

void tl_op_logistic_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_lookup_s16_run(op, tensors, tl_logistic_s16);
}
