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
    const int16_t *input = (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_POOL_IN_INPUT]);
    int16_t *output = (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_OUTPUT]);
    cmsis_nn_context context;
    cmsis_nn_pool_params pool;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims output_dims;
    if (tl_cmsis_overlap(input, tl_tensor_bytes(tensors, op->inputs[TL_POOL_IN_INPUT]), output,
                         tl_tensor_bytes(tensors, op->outputs[TL_POOL_OUT_OUTPUT])))
    {
        tl_ref_op_max_pool_s16(op, tensors);
        return;
    }
    tl_cmsis_pool_decode(op->params, &pool, &input_dims, &filter_dims, &output_dims);
    context.buf = NULL;
    context.size = 0;
    /* Validated: batches >= 1, the only condition under which it fails. */
    (void)arm_max_pool_s16(&context, &pool, &input_dims, input, &filter_dims, &output_dims, output);
}
