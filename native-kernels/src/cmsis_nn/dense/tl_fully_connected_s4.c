/*
 * FULLY_CONNECTED int8 with packed int4 weights routed to CMSIS-NN's arm_fully_connected_s4 (per-tensor
 * requantization, even input depth). Replaces the adapters of src/portable/dense/tl_fully_connected_s4.c when
 * TINYLITE_CMSIS_NN=ON and TINYLITE_CMSIS_NN_ALL_ROUTES=ON (our int4 kernel takes fewer instructions on Cortex-M4);
 * the validation is the portable one.
 *
 * Weights. CMSIS-NN reads the int4 weights packed two per byte, element 2i in the low nibble (as TFLite and our
 * image), but contiguously over the whole [out_c][depth] tensor; our image starts every output channel's row on a
 * byte ((depth + 1) / 2 bytes per row, FullyConnectedS4.cs). The two layouts are the same bytes exactly when the
 * depth is even; records with an odd depth run the portable kernel.
 *
 * Bias and requantization as for int8 (tl_fully_connected_s8.c): the image's folded bias b + input_offset * sum(row)
 * with input_offset = 0 gives CMSIS-NN TFLM's int32 accumulator, and arm_nn_requantize (double rounding) TFLM's
 * bytes. CMSIS-NN has no per-channel int4 fully connected kernel: per-channel records run the portable kernel.
 * No scratch (arm_fully_connected_s4 takes none).
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_fc.h"

tl_status tl_op_fully_connected_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_fully_connected_s4_validate(op, tensors);
}

void tl_op_fully_connected_s4(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *in = op->inputs;
    const int32_t *pairs;
    tl_cmsis_fc_args args;
    cmsis_nn_per_tensor_quant_params quant_params;
    if (p[TL_FULLY_CONNECTED_P_PER_CHANNEL] != 0 || (p[TL_FULLY_CONNECTED_P_INPUT_DEPTH] & 1) != 0)
    {
        tl_ref_op_fully_connected_s4(op, tensors);
        return;
    }
    tl_cmsis_fc_args_fill(p, &args);
    pairs = (const int32_t *)(const void *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_MULTIPLIERS]);
    quant_params.multiplier = pairs[0];
    quant_params.shift = pairs[1];
    (void)arm_fully_connected_s4(
        &tl_cmsis_fc_no_buffer, &args.fc, &quant_params, &args.input,
        (const int8_t *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_INPUT]), &args.filter,
        (const int8_t *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_WEIGHTS]), &args.output,
        (const int32_t *)(const void *)tl_tensor_data(tensors, in[TL_FULLY_CONNECTED_IN_BIAS]), &args.output,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_OUT_OUTPUT]));
}
