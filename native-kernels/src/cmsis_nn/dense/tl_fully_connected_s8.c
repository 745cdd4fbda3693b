/*
 * FULLY_CONNECTED int8 routed to CMSIS-NN's arm_fully_connected_s8 (per-tensor requantization) and
 * arm_fully_connected_per_channel_s8 (per-channel).
 * Replaces the adapters of src/portable/dense/tl_fully_connected_s8.c when TINYLITE_CMSIS_NN=ON; the
 * validation is the portable one, so the record was checked at load time.
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
 * Per-channel requantization: arm_fully_connected_per_channel_s8 wants separate multiplier and shift arrays; the
 * image interleaves them (one (multiplier, shift) pair per output channel). Without a scratch in the arena plan,
 * the adapter splits the output channels into blocks of TL_CMSIS_FC_BLOCK, copies the block's pairs into two
 * arrays on the stack (2 * 4 * TL_CMSIS_FC_BLOCK bytes) and calls the per-channel kernel once per block and batch
 * row: the weight rows of a block are contiguous (filter [out_c][depth]), the bias and output of the block start
 * at its first channel, and the kernel writes the block's outputs contiguously (one batch row per call). Each
 * output channel's sum and requantization are the same as in one call over all channels. Its scratch
 * (kernel sums) is used on MVE only, like the per-tensor kernel's.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_fc.h"

/* Output channels per per-channel call: 2 * 4 * 32 = 256 bytes of stack for the split multipliers and shifts. */
#define TL_CMSIS_FC_BLOCK 32

/* The per-channel path (see the file comment). */
static void tl_cmsis_fc_per_channel(const int32_t *p, const int32_t *pairs, const int8_t *input, const int8_t *weights,
                                    const int32_t *bias, int8_t *output)
{
    int32_t multipliers[TL_CMSIS_FC_BLOCK];
    int32_t shifts[TL_CMSIS_FC_BLOCK];
    cmsis_nn_fc_params fc_params;
    cmsis_nn_per_channel_quant_params quant_params;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
    const int32_t batches = p[TL_FULLY_CONNECTED_P_BATCHES];
    const int32_t depth = p[TL_FULLY_CONNECTED_P_INPUT_DEPTH];
    const int32_t out_c = p[TL_FULLY_CONNECTED_P_OUTPUT_DEPTH];
    int32_t first;
    fc_params.input_offset = 0;
    fc_params.filter_offset = 0;
    fc_params.output_offset = p[TL_FULLY_CONNECTED_P_OUTPUT_OFFSET];
    fc_params.activation.min = p[TL_FULLY_CONNECTED_P_ACTIVATION_MIN];
    fc_params.activation.max = p[TL_FULLY_CONNECTED_P_ACTIVATION_MAX];
    quant_params.multiplier = multipliers;
    quant_params.shift = shifts;
    input_dims.n = 1;
    input_dims.h = 1;
    input_dims.w = 1;
    input_dims.c = depth;
    filter_dims.n = depth;
    filter_dims.h = 1;
    filter_dims.w = 1;
    bias_dims.n = 1;
    bias_dims.h = 1;
    bias_dims.w = 1;
    output_dims.n = 1;
    output_dims.h = 1;
    output_dims.w = 1;
    for (first = 0; first < out_c; first += TL_CMSIS_FC_BLOCK)
    {
        const int32_t block = out_c - first < TL_CMSIS_FC_BLOCK ? out_c - first : TL_CMSIS_FC_BLOCK;
        int32_t ch;
        int32_t batch;
        for (ch = 0; ch < block; ch++)
        {
            multipliers[ch] = pairs[2 * (first + ch)];
            shifts[ch] = pairs[2 * (first + ch) + 1];
        }
        filter_dims.c = block;
        bias_dims.c = block;
        output_dims.c = block;
        for (batch = 0; batch < batches; batch++)
        {
            (void)arm_fully_connected_per_channel_s8(
                &tl_cmsis_fc_no_buffer, &fc_params, &quant_params, &input_dims, input + batch * depth, &filter_dims,
                weights + first * depth, &bias_dims, bias + first, &output_dims, output + batch * out_c + first);
        }
    }
}

tl_status tl_op_fully_connected_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_fully_connected_s8_validate(op, tensors);
}

void tl_op_fully_connected_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *in = op->inputs;
    const int32_t *pairs =
        (const int32_t *)(const void *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_MULTIPLIERS]);
    tl_cmsis_fc_args args;
    cmsis_nn_per_tensor_quant_params quant_params;
    if (p[TL_FULLY_CONNECTED_P_PER_CHANNEL] != 0)
    {
        tl_cmsis_fc_per_channel(p, pairs, (const int8_t *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_INPUT]),
                                (const int8_t *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_WEIGHTS]),
                                (const int32_t *)(const void *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_BIAS]),
                                (int8_t *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_OUT_OUTPUT]));
        return;
    }
    /* Folded bias: the input offset is already in it (see the file comment). */
    tl_cmsis_fc_args_fill(p, &args);
    quant_params.multiplier = pairs[0];
    quant_params.shift = pairs[1];
    /* Validated at load: shapes and activation range are within what CMSIS-NN accepts; the status is SUCCESS. */
    (void)arm_fully_connected_s8(
        &tl_cmsis_fc_no_buffer, &args.fc, &quant_params, &args.input,
        (const int8_t *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_INPUT]), &args.filter,
        (const int8_t *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_WEIGHTS]), &args.output,
        (const int32_t *)(const void *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_BIAS]), &args.output,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_OUT_OUTPUT]));
}
