/*
 * SVDF int8 with int16 state and time weights (the hybrid of keyword_scrambled), bit-exact with SvdfS8S16.cs /
 * TFLM's EvalInt16SvdfReference.
 */
#include "tinylite/tl_recurrent_kernels.h"

#include "tl_svdf_common.h"

tl_status tl_op_svdf_s8_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_svdf_validate(op, tensors, TL_TYPE_INT16, 2);
}

void tl_op_svdf_s8_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_svdf_run(op, tensors, 2);
}
