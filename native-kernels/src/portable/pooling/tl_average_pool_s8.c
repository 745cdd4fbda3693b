/*
 * AVERAGE_POOL_2D int8 (code 210), bit-exact with AveragePoolS8.cs / TFLM's reference: the sum of the
 * covered inputs (padding excluded) divided by their count, rounded half away from zero, then clamped.
 * An optional second output is the CMSIS-NN backend's scratch (compile --cmsis-nn): validated, never touched here.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_pool_checks.h"
#include "tl_pool_common.h"

tl_status tl_average_pool_s8(const tl_pool_params *params, const int8_t *input, int8_t *output)
{
    return tl_pool_run(params, input, output, 1, TL_POOL_AVERAGE, -128);
}

tl_status tl_op_average_pool_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_average_pool(op, tensors, TL_TYPE_INT8, 1, -128, 127);
}

void tl_op_average_pool_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_pool_op(op, tensors, 1, TL_POOL_AVERAGE, -128);
}
