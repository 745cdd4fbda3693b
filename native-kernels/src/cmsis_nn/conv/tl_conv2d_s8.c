/*
 * CONV_2D int8 routed to CMSIS-NN's arm_convolve_wrapper_s8. Replaces the adapters of
 * src/portable/conv/tl_conv2d_s8.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Scratch. The compiler gives every int8 CONV_2D a second output, a scratch tensor in the arena plan
 * (sized by nf-runtime/src/Kernels/Conv/CmsisNnScratchCheck.cs), laid out as
 *   [multipliers int32 x out_c][shifts int32 x out_c][unfolded bias int32 x out_c][arm_convolve_wrapper_s8 buffer].
 * CMSIS-NN wants multipliers and shifts as two arrays; the image interleaves them, so they are copied (2 * out_c
 * words per call). Validation checks that the scratch holds 12 * out_c bytes plus what the linked CMSIS-NN's
 * arm_convolve_wrapper_s8_get_buffer_size asks for, and that it is 4-byte aligned. Images without the scratch
 * (compiled before it existed) run the portable kernel.
 *
 * Bias. The image carries b' = b + input_offset * sum(w) (mod 2^32) per channel. CMSIS-NN computes
 * b + sum over in-image taps of w * (x + input_offset); taps in the padding contribute nothing (TFLM's definition).
 *  - When no output pixel has a tap in the padding (no top/left padding and the last window ends inside the
 *    input), every weight meets an input value and b + sum w * (x + input_offset) = b' + sum w * x (mod 2^32):
 *    b' is passed with input_offset = 0 and nothing is computed per call.
 *  - Otherwise CMSIS-NN gets the raw bias b and the true input_offset. Images compiled with --cmsis-nn carry b
 *    as an optional fifth input (int32 x out_c, validated by tl_conv_checks.c; Conv2DLowering adds it exactly
 *    for convolutions with padding taps), read as it is. Older images without it (or a record whose geometry
 *    differs from the compiler's) get b = b' - input_offset * sum(w) rebuilt in the scratch (out_c * filter_size
 *    adds per call).
 * Both give TFLM's int32 accumulator; CMSIS-NN's default requantization (double rounding) then gives its bytes.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "tl_cmsis_nn_conv_common.h"

tl_status tl_op_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    cmsis_nn_conv_params conv;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims output_dims;
    int64_t needed;
    tl_status status = tl_ref_op_conv2d_s8_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    tl_cmsis_conv_decode(op->params, &conv, &input_dims, &filter_dims, &output_dims);
    needed = 12 * (int64_t)output_dims.c +
             (int64_t)arm_convolve_wrapper_s8_get_buffer_size(&conv, &input_dims, &filter_dims, &output_dims);
    return tl_cmsis_scratch_check(op, tensors, needed);
}

void tl_op_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *pairs;
    const int8_t *filter;
    const int32_t *folded_bias;
    int32_t *multipliers;
    int32_t *shifts;
    int32_t *raw_bias;
    const int32_t *bias;
    int32_t out_c;
    int32_t filter_size;
    int32_t ch;
    cmsis_nn_context context;
    cmsis_nn_conv_params conv;
    cmsis_nn_per_channel_quant_params quant;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
    arm_cmsis_nn_status status;
    if (op->output_count != 2 || !tl_cmsis_tflm_geometry(p) || !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_conv2d_s8(op, tensors);
        return;
    }
    tl_cmsis_conv_decode(p, &conv, &input_dims, &filter_dims, &output_dims);
    out_c = p[TL_CONV_P_OUTPUT_DEPTH];
    filter_size = p[TL_CONV_P_FILTER_HEIGHT] * p[TL_CONV_P_FILTER_WIDTH] * p[TL_CONV_P_FILTER_DEPTH];
    pairs = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_MULTIPLIERS]);
    filter = (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]);
    folded_bias = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_BIAS]);
    /* Validated: the scratch is 4-aligned and holds 3 * out_c words plus CMSIS-NN's buffer. */
    multipliers = (int32_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    shifts = multipliers + out_c;
    raw_bias = shifts + out_c;
    tl_cmsis_split_quant(pairs, out_c, multipliers, shifts);
    if (tl_cmsis_conv_no_padding_taps(p))
    {
        conv.input_offset = 0;
        bias = folded_bias;
    }
    else if (op->input_count == 5)
    {
        /* The raw bias the compiler precomputed (--cmsis-nn, padding taps): validated int32 x out_c. */
        bias = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_RAW_BIAS]);
    }
    else
    {
        const int8_t *w = filter;
        for (ch = 0; ch < out_c; ch++)
        {
            uint32_t sum = 0;
            int32_t k;
            for (k = 0; k < filter_size; k++)
            {
                sum += (uint32_t)(int32_t)*w++;
            }
            raw_bias[ch] = tl_cmsis_s32((uint32_t)folded_bias[ch] - (uint32_t)p[TL_CONV_P_INPUT_OFFSET] * sum);
        }
        bias = raw_bias;
    }
    quant.multiplier = multipliers;
    quant.shift = shifts;
    bias_dims.n = 1;
    bias_dims.h = 1;
    bias_dims.w = 1;
    bias_dims.c = out_c;
    context.buf = raw_bias + out_c;
    context.size = tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_SCRATCH]) - 12 * out_c;
    status = arm_convolve_wrapper_s8(&context, &conv, &quant, &input_dims,
                                     (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]),
                                     &filter_dims, filter, &bias_dims, bias, &output_dims,
                                     (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses (it checks before writing anything): the portable kernel takes it. */
        tl_ref_op_conv2d_s8(op, tensors);
    }
}
