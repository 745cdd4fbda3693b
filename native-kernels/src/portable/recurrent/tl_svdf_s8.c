/*
 * SVDF int8 with int8 state and time weights, bit-exact with SvdfS8.cs / TFLM's EvalInt8SvdfReference.
 */
#include "tinylite/tl_recurrent_kernels.h"

#include "tl_svdf_common.h"

tl_status tl_op_svdf_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_svdf_validate(op, tensors, TL_TYPE_INT8, 1);
}

void tl_op_svdf_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_svdf_run(op, tensors, 1);
}
