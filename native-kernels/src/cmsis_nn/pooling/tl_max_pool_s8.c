/*
 * MAX_POOL_2D int8 routed to CMSIS-NN's arm_max_pool_s8. Replaces the adapters of
 * src/portable/pooling/tl_max_pool_s8.c when TINYLITE_CMSIS_NN=ON; the validation is the portable one.
 *
 * Same result as TFLM's reference: the largest input the window covers (padding excluded), then clamped.
 * arm_max_pool_s8 uses the output as its running maximum (first covered tap copied, the next ones compared) and
 * clamps afterwards; its only divergence is a window that covers no input (it leaves the output as it was,
 * TFLM writes the clamped -128), which the validation refuses (every window overlaps the input).
 * The output is written before the input is fully read, so a record whose output overlaps its input (not
 * produced by the compiler: pooling is never planned in place) runs the portable kernel.
 */
#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_pool.h"

tl_status tl_op_max_pool_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_max_pool_s8_validate(op, tensors);
}

void tl_op_max_pool_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_cmsis_pool_call call;
    if (!tl_cmsis_maxpool_setup(op, tensors, &call))
    {
        tl_ref_op_max_pool_s8(op, tensors);
        return;
    }
    /* Validated: batches >= 1, the only condition under which it fails. */
    (void)arm_max_pool_s8(&call.context, &call.pool, &call.input_dims, (const int8_t *)call.input, &call.filter_dims,
                          &call.output_dims, (int8_t *)call.output);
}
