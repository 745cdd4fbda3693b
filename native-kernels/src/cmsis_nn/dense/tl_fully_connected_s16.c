/*
 * FULLY_CONNECTED int16 x int8 routed to CMSIS-NN's arm_fully_connected_s16. Replaces the adapters of
 * src/reference/dense/tl_fully_connected_s16.c when TINYLITE_CMSIS_NN=ON (the reference validation runs first).
 *
 * Routed only when the compiler proved CMSIS-NN bit-exact for the record (src/cmsis_nn/tl_cmsis_nn_s16.h): the
 * record then has a fifth input, the requantization arrays int32 [multiplier][shift] (the compiler marks only
 * per-tensor weights: arm_fully_connected_s16 takes one pair), and Params say int64 accumulation and output zero
 * point 0 (CMSIS-NN applies none). The image's bias is the folded int64 one, passed as it is; CMSIS-NN needs no
 * buffer (arm_fully_connected_s16_get_buffer_size is 0). Everything else runs the reference kernel.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_s16.h"

tl_status tl_op_fully_connected_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_ref_op_fully_connected_s16_validate(op, tensors);
    if (status != TL_OK || op->input_count != 5)
    {
        return status;
    }
    /* Params[7]: 1 = one pair per output channel (p[2] of them), 0 = one pair. */
    return tl_cmsis_s16_check_split_quant(op, tensors, op->params[7] != 0 ? op->params[2] : 1);
}

void tl_op_fully_connected_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *split;
    cmsis_nn_context context;
    cmsis_nn_fc_params fc;
    cmsis_nn_per_tensor_quant_params quant;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
    /* Params: [3] output zero point, [6] 1 = int32 accumulation, [7] 1 = per-channel pairs. */
    if (op->input_count != 5 || p[3] != 0 || p[6] != 0 || p[7] != 0)
    {
        tl_ref_op_fully_connected_s16(op, tensors);
        return;
    }
    split = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[4]);
    quant.multiplier = split[0];
    quant.shift = split[1];
    fc.input_offset = 0;
    fc.filter_offset = 0;
    fc.output_offset = 0;
    fc.activation.min = p[4];
    fc.activation.max = p[5];
    input_dims.n = p[0];
    input_dims.h = 1;
    input_dims.w = 1;
    input_dims.c = p[1];
    /* CMSIS-NN's FC reads the accumulation depth from filter_dims->n. */
    filter_dims.n = p[1];
    filter_dims.h = 1;
    filter_dims.w = 1;
    filter_dims.c = p[2];
    bias_dims.n = 1;
    bias_dims.h = 1;
    bias_dims.w = 1;
    bias_dims.c = p[2];
    output_dims.n = p[0];
    output_dims.h = 1;
    output_dims.w = 1;
    output_dims.c = p[2];
    context.buf = NULL;
    context.size = 0;
    (void)arm_fully_connected_s16(&context, &fc, &quant, &input_dims,
                                  (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[0]), &filter_dims,
                                  (const int8_t *)tl_tensor_data(tensors, op->inputs[1]), &bias_dims,
                                  (const int64_t *)(const void *)tl_tensor_data(tensors, op->inputs[2]), &output_dims,
                                  (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[0]));
}
