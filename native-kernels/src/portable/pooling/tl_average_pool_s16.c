/*
 * AVERAGE_POOL_2D int16 (code 211), bit-exact with AveragePoolS16.cs / TFLM's reference: the sum of the
 * covered inputs (padding excluded) divided by their count, rounded half away from zero, then clamped.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_pool_checks.h"
#include "tl_pool_common.h"

tl_status tl_average_pool_s16(const tl_pool_params *params, const int16_t *input, int16_t *output)
{
    return tl_pool_run(params, input, output, 2, TL_POOL_AVERAGE, -32768);
}

tl_status tl_op_average_pool_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_average_pool(op, tensors, TL_TYPE_INT16, 2, -32768, 32767);
}

void tl_op_average_pool_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_pool_op(op, tensors, 2, TL_POOL_AVERAGE, -32768);
}
