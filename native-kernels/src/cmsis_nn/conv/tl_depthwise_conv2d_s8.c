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
    const tl_status status = tl_ref_op_depthwise_conv2d_s8_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    return tl_cmsis_dw_validate_scratch(op, tensors, tl_cmsis_dw_head_bytes(op->params),
                                        arm_depthwise_conv_wrapper_s8_get_buffer_size);
}

void tl_op_depthwise_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t out_c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    const int32_t taps = p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    const int64_t head = tl_cmsis_dw_head_bytes(p);
    int32_t *multipliers;
    int8_t *filter_hwc;
    const int32_t *bias;
    cmsis_nn_dw_conv_params dw;
    tl_cmsis_conv_call call;
    arm_cmsis_nn_status status;
    if (op->output_count != 2 || !tl_cmsis_tflm_geometry(p) || !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_depthwise_conv2d_s8(op, tensors);
        return;
    }
    tl_cmsis_dw_decode(p, &dw, &call.input_dims, &call.filter_dims, &call.output_dims);
    /* Validated: 4-aligned, at least head bytes plus CMSIS-NN's buffer. */
    multipliers = tl_cmsis_s8_scratch_quant(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_MULTIPLIERS],
                                            op->outputs[TL_DEPTHWISE_CONV_S8_OUT_SCRATCH], out_c);
    filter_hwc = (int8_t *)(void *)(multipliers + 3 * out_c);
    tl_cmsis_dw_transpose((const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_FILTER]), out_c,
                          taps, filter_hwc);
    bias = tl_cmsis_s8_bias(op, tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_BIAS],
                            op->input_count == 5 ? op->inputs[TL_DEPTHWISE_CONV_S8_IN_RAW_BIAS] : -1,
                            tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_FILTER]), 0, out_c, taps,
                            multipliers + 2 * out_c, &dw.input_offset);
    tl_cmsis_call_finish(&call, multipliers, multipliers + out_c, out_c, (uint8_t *)(void *)multipliers + head,
                         (int32_t)(tl_tensor_bytes(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_OUT_SCRATCH]) - head));
    status = arm_depthwise_conv_wrapper_s8(
        &call.context, &dw, &call.quant, &call.input_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_INPUT]), &call.filter_dims,
        filter_hwc, &call.bias_dims, bias, &call.output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses (checked before writing): the portable kernel takes it. */
        tl_ref_op_depthwise_conv2d_s8(op, tensors);
    }
}
