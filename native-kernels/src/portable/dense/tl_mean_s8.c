/*
 * MEAN int8 (code 220), bit-exact with MeanS8.cs / TFLM's QuantizedMeanOrSum: a wrapping int32 sum per
 * output plus the folded -input_zero_point * count, requantized (MultiplyByQuantizedMultiplier), plus the
 * output zero point, clamped to the int8 range.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_validation.h"
#include "tl_mean_common.h"

tl_status tl_mean_s8(const tl_mean_params *params, const int8_t *input, int8_t *output)
{
    return tl_mean_run(params, input, output, 1);
}

tl_status tl_op_mean_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_mean(op, tensors, TL_MEAN_P_LENGTH, TL_TYPE_INT8, 1);
}

void tl_op_mean_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_mean_op(op, tensors, 1);
}
