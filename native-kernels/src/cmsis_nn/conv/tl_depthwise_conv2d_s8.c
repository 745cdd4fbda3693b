/*
 * DEPTHWISE_CONV_2D int8 routed to CMSIS-NN's arm_depthwise_conv_wrapper_s8. Replaces the adapters of
 * src/portable/conv/tl_depthwise_conv2d_s8.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Scratch: the second output the compiler reserves (nf-runtime's CmsisNnScratchCheck.DepthwiseS8Bytes), laid out as
 *   [multipliers int32 x out_c][shifts int32 x out_c][unfolded bias int32 x out_c]
 *   [filter int8 in TFLite's [f_h][f_w][out_c] order, padded to 4 bytes][arm_depthwise_conv_wrapper_s8 buffer].
 * The image keeps the filter channel-major for the portable kernel; CMSIS-NN reads TFLite's order, so the taps
 * are transposed into the scratch on each call (f_h * f_w * out_c bytes, 1 / (out_h * out_w) of the MACs) rather
 * than storing a second copy of the weights in flash.
 *
 * Bias: as for CONV_2D (src/cmsis_nn/conv/tl_conv2d_s8.c): the folded bias with input_offset 0 when no tap falls
 * in the padding, otherwise the raw bias with the true input_offset: the optional fifth input the compiler adds
 * under --cmsis-nn (int32 x out_c), or, for images without it, b' - input_offset * sum(w) rebuilt in the scratch.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "tl_cmsis_nn_conv_common.h"

/* Bytes before CMSIS-NN's buffer: three int32 arrays and the transposed filter rounded up to 4. */
static int64_t tl_cmsis_dw_head_bytes(const int32_t *p)
{
    const int64_t out_c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    const int64_t taps = (int64_t)p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    return 12 * out_c + (taps * out_c + 3) / 4 * 4;
}

tl_status tl_op_depthwise_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    cmsis_nn_dw_conv_params dw;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims output_dims;
    int64_t needed;
    tl_status status = tl_ref_op_depthwise_conv2d_s8_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    tl_cmsis_dw_decode(op->params, &dw, &input_dims, &filter_dims, &output_dims);
    needed = tl_cmsis_dw_head_bytes(op->params) +
             (int64_t)arm_depthwise_conv_wrapper_s8_get_buffer_size(&dw, &input_dims, &filter_dims, &output_dims);
    return tl_cmsis_scratch_check(op, tensors, needed);
}

void tl_op_depthwise_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *pairs;
    const int8_t *channel_major;
    const int32_t *folded_bias;
    uint8_t *scratch;
    int32_t *multipliers;
    int32_t *shifts;
    int32_t *raw_bias;
    int8_t *filter_hwc;
    const int32_t *bias;
    int32_t out_c;
    int32_t taps;
    int32_t ch;
    int64_t head;
    cmsis_nn_context context;
    cmsis_nn_dw_conv_params dw;
    cmsis_nn_per_channel_quant_params quant;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
    arm_cmsis_nn_status status;
    if (op->output_count != 2 || !tl_cmsis_tflm_geometry(p) || !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_depthwise_conv2d_s8(op, tensors);
        return;
    }
    tl_cmsis_dw_decode(p, &dw, &input_dims, &filter_dims, &output_dims);
    out_c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    taps = p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    pairs = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_MULTIPLIERS]);
    channel_major = (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_FILTER]);
    folded_bias = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_BIAS]);
    /* Validated: 4-aligned, at least head bytes plus CMSIS-NN's buffer. */
    scratch = tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_OUT_SCRATCH]);
    multipliers = (int32_t *)(void *)scratch;
    shifts = multipliers + out_c;
    raw_bias = shifts + out_c;
    filter_hwc = (int8_t *)(void *)(raw_bias + out_c);
    head = tl_cmsis_dw_head_bytes(p);
    for (ch = 0; ch < out_c; ch++)
    {
        const int8_t *w = channel_major + ch * taps;
        int32_t tap;
        /* The split multiplier / shift arrays and the transposed filter in one pass over the channels. */
        multipliers[ch] = pairs[2 * ch];
        shifts[ch] = pairs[2 * ch + 1];
        /* channel-major [out_c][taps] -> TFLite's [taps][out_c]. */
        for (tap = 0; tap < taps; tap++)
        {
            filter_hwc[tap * out_c + ch] = w[tap];
        }
    }
    if (tl_cmsis_conv_no_padding_taps(p))
    {
        dw.input_offset = 0;
        bias = folded_bias;
    }
    else if (op->input_count == 5)
    {
        /* The raw bias the compiler precomputed (--cmsis-nn, padding taps): validated int32 x out_c. */
        bias = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_RAW_BIAS]);
    }
    else
    {
        for (ch = 0; ch < out_c; ch++)
        {
            const int8_t *w = channel_major + ch * taps;
            uint32_t sum = 0;
            int32_t tap;
            for (tap = 0; tap < taps; tap++)
            {
                sum += (uint32_t)(int32_t)w[tap];
            }
            raw_bias[ch] =
                tl_cmsis_s32((uint32_t)folded_bias[ch] - (uint32_t)p[TL_DEPTHWISE_CONV_P_INPUT_OFFSET] * sum);
        }
        bias = raw_bias;
    }
    quant.multiplier = multipliers;
    quant.shift = shifts;
    bias_dims.n = 1;
    bias_dims.h = 1;
    bias_dims.w = 1;
    bias_dims.c = out_c;
    context.buf = scratch + head;
    context.size = (int32_t)(tl_tensor_bytes(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_OUT_SCRATCH]) - head);
    status = arm_depthwise_conv_wrapper_s8(
        &context, &dw, &quant, &input_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_INPUT]), &filter_dims, filter_hwc,
        &bias_dims, bias, &output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses (checked before writing): the portable kernel takes it. */
        tl_ref_op_depthwise_conv2d_s8(op, tensors);
    }
}
