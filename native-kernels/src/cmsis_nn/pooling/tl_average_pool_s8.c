/*
 * AVERAGE_POOL_2D int8 routed to CMSIS-NN's arm_avgpool_s8. Replaces the adapters of
 * src/portable/pooling/tl_average_pool_s8.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Same result as TFLM's reference: the sum of the inputs the window covers (padding excluded) divided by their count
 * with rounding half away from zero ((sum ± count/2) / count, C division), then clamped. Its DSP (Cortex-M4/M7)
 * path sums with a saturating add (QADD), equal to our wrapping sum while |sum| < 2^31, i.e. for windows of fewer
 * than 2^24 taps (larger windows run the portable kernel). Every window covers at least one input (validated), the
 * one case where it would stop early.
 *
 * Scratch. Its DSP path keeps one int32 sum per channel in a buffer (arm_avgpool_s8_get_buffer_size; none on the
 * portable and MVE paths). `compile --cmsis-nn` gives every int8 AVERAGE_POOL_2D a second output of 4 * depth bytes in
 * the arena plan (codegen/.../Lowering/Conv/CmsisNnScratch.cs, AveragePoolBytes); the portable validation checks
 * that size and alignment, this one that it covers what the linked CMSIS-NN asks for. An image without the scratch
 * runs CMSIS-NN only when the linked build needs no buffer, the portable kernel otherwise.
 * Output written before the input is fully read: an output overlapping the input (pooling is never planned in place)
 * runs the portable kernel.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_pool.h"

tl_status tl_op_average_pool_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cmsis_avgpool_validate(op, tensors, tl_ref_op_average_pool_s8_validate(op, tensors),
                                     arm_avgpool_s8_get_buffer_size);
}

void tl_op_average_pool_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_cmsis_pool_call call;
    if (!tl_cmsis_avgpool_setup(op, tensors, 1, arm_avgpool_s8_get_buffer_size, (int64_t)1 << 24, &call))
    {
        tl_ref_op_average_pool_s8(op, tensors);
        return;
    }
    /* Validated: batches >= 1, a buffer when one is needed, no empty window: the status is SUCCESS. */
    (void)arm_avgpool_s8(&call.context, &call.pool, &call.input_dims, (const int8_t *)call.input, &call.filter_dims,
                         &call.output_dims, (int8_t *)call.output);
}
