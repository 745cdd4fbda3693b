/*
 * MAX_POOL_2D int16 routed to CMSIS-NN's arm_max_pool_s16. Replaces the adapters of
 * src/portable/pooling/tl_max_pool_s16.c when TINYLITE_CMSIS_NN=ON; the validation is the portable one.
 *
 * As the int8 route (tl_max_pool_s8.c): the largest covered input (padding excluded), then clamped; every window
 * covers an input (validated), and an output overlapping the input runs the portable kernel.
 */
#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_pool.h"

tl_status tl_op_max_pool_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_max_pool_s16_validate(op, tensors);
}

void tl_op_max_pool_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_cmsis_pool_call call;
    if (!tl_cmsis_maxpool_setup(op, tensors, &call))
    {
        tl_ref_op_max_pool_s16(op, tensors);
        return;
    }
    /* Validated: batches >= 1, the only condition under which it fails. */
    (void)arm_max_pool_s16(&call.context, &call.pool, &call.input_dims, (const int16_t *)call.input, &call.filter_dims,
                           &call.output_dims, (int16_t *)call.output);
}
