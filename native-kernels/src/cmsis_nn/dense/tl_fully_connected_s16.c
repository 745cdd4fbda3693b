/*
 * FULLY_CONNECTED int16 x int8 routed to CMSIS-NN's arm_fully_connected_s16. Replaces the adapters of
 * src/portable/dense/tl_fully_connected_s16.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Routed only when the compiler proved CMSIS-NN bit-exact for the record (src/cmsis_nn/tl_cmsis_nn_s16.h): the
 * record then has a fifth input, the requantization arrays int32 [multiplier][shift] (the compiler marks only
 * per-tensor weights: arm_fully_connected_s16 takes one pair), and Params say int64 accumulation and output zero
 * point 0 (CMSIS-NN applies none). The image's bias is the folded int64 one, passed as it is; CMSIS-NN needs no
 * buffer (arm_fully_connected_s16_get_buffer_size is 0). Everything else runs the portable kernel.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_s16.h"
#include "tinylite/tl_conv_layouts.h"

/* tl_cmsis_s16_check_split_quant reads the split arrays from the int16 convolutions' CMSIS-NN slot: the fully
   connected one must be the same (kernels.toml); a C99 compile-time check (an array of size -1) fails otherwise. */
typedef char tl_cmsis_fc_s16_same_split_slot
    [(int)TL_FULLY_CONNECTED_S16_IN_CMSIS_MULTIPLIERS == (int)TL_CONV_S16_IN_CMSIS_MULTIPLIERS ? 1 : -1];

tl_status tl_op_fully_connected_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_ref_op_fully_connected_s16_validate(op, tensors);
    if (status != TL_OK || op->input_count != TL_FULLY_CONNECTED_S16_IN_CMSIS_MULTIPLIERS + 1)
    {
        return status;
    }
    /* Per-channel flag 1: one pair per output channel, 0: one pair. */
    return tl_cmsis_s16_check_split_quant(
        op, tensors,
        op->params[TL_FULLY_CONNECTED_S16_P_PER_CHANNEL] != 0 ? op->params[TL_FULLY_CONNECTED_S16_P_OUTPUT_DEPTH] : 1);
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
    /* CMSIS-NN: no output zero point, int64 accumulation (an int64 bias), one requantization pair. */
    if (op->input_count != TL_FULLY_CONNECTED_S16_IN_CMSIS_MULTIPLIERS + 1 ||
        p[TL_FULLY_CONNECTED_S16_P_OUTPUT_OFFSET] != 0 || p[TL_FULLY_CONNECTED_S16_P_BIAS_IS_INT32] != 0 ||
        p[TL_FULLY_CONNECTED_S16_P_PER_CHANNEL] != 0)
    {
        tl_ref_op_fully_connected_s16(op, tensors);
        return;
    }
    split =
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_CMSIS_MULTIPLIERS]);
    quant.multiplier = split[0];
    quant.shift = split[1];
    fc.input_offset = 0;
    fc.filter_offset = 0;
    fc.output_offset = 0;
    fc.activation.min = p[TL_FULLY_CONNECTED_S16_P_ACTIVATION_MIN];
    fc.activation.max = p[TL_FULLY_CONNECTED_S16_P_ACTIVATION_MAX];
    input_dims.n = p[TL_FULLY_CONNECTED_S16_P_BATCHES];
    input_dims.h = 1;
    input_dims.w = 1;
    input_dims.c = p[TL_FULLY_CONNECTED_S16_P_INPUT_DEPTH];
    /* CMSIS-NN's FC reads the accumulation depth from filter_dims->n. */
    filter_dims.n = p[TL_FULLY_CONNECTED_S16_P_INPUT_DEPTH];
    filter_dims.h = 1;
    filter_dims.w = 1;
    filter_dims.c = p[TL_FULLY_CONNECTED_S16_P_OUTPUT_DEPTH];
    bias_dims.n = 1;
    bias_dims.h = 1;
    bias_dims.w = 1;
    bias_dims.c = p[TL_FULLY_CONNECTED_S16_P_OUTPUT_DEPTH];
    output_dims.n = p[TL_FULLY_CONNECTED_S16_P_BATCHES];
    output_dims.h = 1;
    output_dims.w = 1;
    output_dims.c = p[TL_FULLY_CONNECTED_S16_P_OUTPUT_DEPTH];
    context.buf = NULL;
    context.size = 0;
    (void)arm_fully_connected_s16(
        &context, &fc, &quant, &input_dims,
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_INPUT]),
        &filter_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_WEIGHTS]),
        &bias_dims, (const int64_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_BIAS]),
        &output_dims, (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_S16_OUT_OUTPUT]));
}
