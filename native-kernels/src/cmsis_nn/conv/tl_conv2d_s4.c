/*
 * CONV_2D with int8 activations and packed int4 weights routed to CMSIS-NN's arm_convolve_wrapper_s4. Replaces
 * the adapters of src/portable/conv/tl_conv2d_s4.c when TINYLITE_CMSIS_NN=ON and TINYLITE_CMSIS_NN_ALL_ROUTES=ON
 * (our int4 kernels take fewer instructions on Cortex-M4; the portable validation runs first).
 *
 * Weights. Our image keeps the model's filter bytes: OHWI int4 packed contiguously over the whole tensor, element
 * e in the low nibble of byte e/2 when e is even, the high nibble when odd (ConvS4.cs). CMSIS-NN's int4 kernels
 * read the same layout ("four sequential weights [0x1, 0x2, 0x3, 0x4] packed as [0x21, 0x43]", rows not
 * byte-aligned when filter_h * filter_w * in_c is odd), so the filter is passed as it is.
 *
 * Scope. arm_convolve_s4 runs one group (the filter depth is the input depth): grouped convolutions run the
 * portable kernel.
 *
 * Scratch (compile --cmsis-nn; CmsisNnScratchCheck.ConvS4Bytes, nf-runtime) laid out as for int8:
 *   [multipliers int32 x out_c][shifts int32 x out_c][unfolded bias int32 x out_c][arm_convolve_wrapper_s4 buffer].
 * Validation checks its size against what the linked CMSIS-NN asks for and its alignment; images without it run the
 * portable kernel.
 *
 * Bias, as for int8 (tl_conv2d_s8.c): the folded bias b' = b + input_offset * sum(w) is passed with input_offset 0
 * when no tap of any output pixel lies in the padding; otherwise CMSIS-NN gets the true input_offset and the raw
 * bias b: the optional fifth input the compiler adds under --cmsis-nn, or, for images without it, b = b' -
 * input_offset * sum(w) rebuilt in the scratch (the channel's nibbles summed) (its im2col fills
 * padding taps with -input_offset, which contribute w * 0 as in TFLM). Either way CMSIS-NN forms TFLM's int32
 * accumulator (wrapping sums) and requantizes it with arm_nn_requantize (TFLM's double rounding).
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "tl_cmsis_nn_conv_common.h"

tl_status tl_op_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    cmsis_nn_conv_params conv;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims output_dims;
    int64_t needed;
    tl_status status = tl_ref_op_conv2d_s4_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    tl_cmsis_conv_decode(op->params, &conv, &input_dims, &filter_dims, &output_dims);
    needed = 12 * (int64_t)output_dims.c +
             (int64_t)arm_convolve_wrapper_s4_get_buffer_size(&conv, &input_dims, &filter_dims, &output_dims);
    return tl_cmsis_scratch_check(op, tensors, needed);
}

void tl_op_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *pairs;
    const uint8_t *filter;
    const int32_t *folded_bias;
    int32_t *multipliers;
    int32_t *shifts;
    int32_t *raw_bias;
    const int32_t *bias;
    int32_t out_c;
    int32_t ch;
    cmsis_nn_context context;
    cmsis_nn_conv_params conv;
    cmsis_nn_per_channel_quant_params quant;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
    arm_cmsis_nn_status status;
    if (op->output_count != 2 || p[TL_CONV_P_FILTER_DEPTH] != p[TL_CONV_P_INPUT_DEPTH] || !tl_cmsis_tflm_geometry(p) ||
        !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_conv2d_s4(op, tensors);
        return;
    }
    tl_cmsis_conv_decode(p, &conv, &input_dims, &filter_dims, &output_dims);
    out_c = p[TL_CONV_P_OUTPUT_DEPTH];
    pairs = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_MULTIPLIERS]);
    filter = tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]);
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
        /* Validated sizes: out_c * filter_size elements fit the filter (below 2^31). */
        const int32_t filter_size = p[TL_CONV_P_FILTER_HEIGHT] * p[TL_CONV_P_FILTER_WIDTH] * p[TL_CONV_P_FILTER_DEPTH];
        int32_t e = 0;
        for (ch = 0; ch < out_c; ch++)
        {
            uint32_t sum = 0;
            int32_t k;
            for (k = 0; k < filter_size; k++, e++)
            {
                const uint8_t packed = filter[e >> 1];
                /* Sign-extended nibble: low for even elements, high for odd ones. */
                const int32_t nibble = (e & 1) == 0 ? (int32_t)(packed & 0x0Fu) : (int32_t)(packed >> 4);
                sum += (uint32_t)(nibble - ((nibble & 0x8) << 1));
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
    status = arm_convolve_wrapper_s4(&context, &conv, &quant, &input_dims,
                                     (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]),
                                     &filter_dims, (const int8_t *)filter, &bias_dims, bias, &output_dims,
                                     (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses (it checks before writing anything): the portable kernel takes it. */
        tl_ref_op_conv2d_s4(op, tensors);
    }
}
