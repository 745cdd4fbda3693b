/*
 * AVERAGE_POOL_2D int16 routed to CMSIS-NN's arm_avgpool_s16. Replaces the adapters of
 * src/portable/pooling/tl_average_pool_s16.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Same arithmetic as the int8 route (tl_average_pool_s8.c) and TFLM's int16 reference: the int32 sum of the covered
 * inputs, (sum ± count/2) / count, clamped. Its DSP path sums with QADD, equal to our wrapping sum while
 * |sum| < 2^31: with inputs of magnitude up to 2^15, windows of fewer than 2^16 taps (larger ones run the reference
 * kernel). Scratch as for int8 (one int32 per channel on DSP builds, reserved by `compile --cmsis-nn`); an overlapping
 * output runs the portable kernel.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_pool.h"

tl_status tl_op_average_pool_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cmsis_avgpool_validate(op, tensors, tl_ref_op_average_pool_s16_validate(op, tensors),
                                     arm_avgpool_s16_get_buffer_size);
}

void tl_op_average_pool_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_cmsis_pool_call call;
    if (!tl_cmsis_avgpool_setup(op, tensors, 2, arm_avgpool_s16_get_buffer_size, (int64_t)1 << 16, &call))
    {
        tl_ref_op_average_pool_s16(op, tensors);
        return;
    }
    /* Validated: batches >= 1, a buffer when one is needed, no empty window: the status is SUCCESS. */
    (void)arm_avgpool_s16(&call.context, &call.pool, &call.input_dims, (const int16_t *)call.input, &call.filter_dims,
                          &call.output_dims, (int16_t *)call.output);
}
