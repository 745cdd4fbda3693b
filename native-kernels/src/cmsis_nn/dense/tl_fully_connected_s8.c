/*
 * FULLY_CONNECTED int8 routed to CMSIS-NN's arm_fully_connected_s8 (per-tensor requantization).
 * Replaces the adapters of src/reference/dense/tl_fully_connected_s8.c when TINYLITE_CMSIS_NN=ON; the
 * validation is the reference one, so the record was checked at load time.
 *
 * Bias. Our image carries the folded bias b' = b + input_offset * sum(row) (mod 2^32). CMSIS-NN computes
 * bias + sum w * (x + input_offset) with wrapping int32 sums; a fully connected layer has no padding, so every
 * input element meets every weight of the row and
 *   b + sum w * (x + input_offset) = b' + sum w * x   (mod 2^32).
 * Passing b' with input_offset = 0 therefore gives CMSIS-NN the same int32 accumulator as TFLM, and its
 * requantization (arm_nn_requantize: TFLM's double rounding, the default when CMSIS_NN_USE_SINGLE_ROUNDING is
 * not defined) the same bytes. No raw bias is needed.
 *
 * Scratch. arm_fully_connected_s8_get_buffer_size is 0 for the portable and DSP (Cortex-M4/M7) builds, so the
 * context carries no buffer; on MVE (Cortex-M55) it wants precomputed kernel sums and this adapter is not used
 * there (see README "CMSIS-NN backend").
 *
 * Per-channel requantization: CMSIS-NN's per-channel kernel wants separate multiplier and shift arrays, our
 * image interleaves them, so those records run the reference kernel.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"

tl_status tl_op_fully_connected_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_fully_connected_s8_validate(op, tensors);
}

void tl_op_fully_connected_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *pairs = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[3]);
    cmsis_nn_context context;
    cmsis_nn_fc_params fc_params;
    cmsis_nn_per_tensor_quant_params quant_params;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
    if (p[6] != 0)
    {
        tl_ref_op_fully_connected_s8(op, tensors);
        return;
    }
    context.buf = NULL;
    context.size = 0;
    /* Folded bias: the input offset is already in it (see the file comment). */
    fc_params.input_offset = 0;
    fc_params.filter_offset = 0;
    fc_params.output_offset = p[3];
    fc_params.activation.min = p[4];
    fc_params.activation.max = p[5];
    quant_params.multiplier = pairs[0];
    quant_params.shift = pairs[1];
    /* CMSIS-NN's FC dims: input n = batches; filter n = accumulation depth, c = output depth. */
    input_dims.n = p[0];
    input_dims.h = 1;
    input_dims.w = 1;
    input_dims.c = p[1];
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
    /* Validated at load: shapes and activation range are within what CMSIS-NN accepts; the status is SUCCESS. */
    (void)arm_fully_connected_s8(&context, &fc_params, &quant_params, &input_dims,
                                 (const int8_t *)tl_tensor_data(tensors, op->inputs[0]), &filter_dims,
                                 (const int8_t *)tl_tensor_data(tensors, op->inputs[1]), &bias_dims,
                                 (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[2]),
                                 &output_dims, (int8_t *)tl_tensor_data(tensors, op->outputs[0]));
}
