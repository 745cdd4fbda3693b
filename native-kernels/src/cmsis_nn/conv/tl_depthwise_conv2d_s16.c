/*
 * DEPTHWISE_CONV_2D int16 x int8 routed to CMSIS-NN's arm_depthwise_conv_wrapper_s16. Replaces the adapters of
 * src/portable/conv/tl_depthwise_conv2d_s16.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Routed only when the compiler proved CMSIS-NN bit-exact for the record (src/cmsis_nn/tl_cmsis_nn_s16.h): the
 * record then has a fifth input, the requantization arrays int32 [multipliers x out_c][shifts x out_c], and a
 * second output, the scratch (nf-runtime's CmsisNnScratchCheck.DepthwiseS16Bytes):
 *   [filter int8 in TFLite's [f_h][f_w][out_c] order, padded to 4 bytes][arm_depthwise_conv_wrapper_s16 buffer].
 * As for int8 (tl_depthwise_conv2d_s8.c) the image keeps the filter channel-major for the portable kernel and the
 * taps are transposed into the scratch on each call. The bias is int64 (TFLM reads no other type here) or absent.
 *
 * Everything else runs the portable kernel, as do records CMSIS-NN cannot take as they are: geometry other than
 * TFLM's SAME / VALID (tl_cmsis_nn_geometry.h), and windows whose origins (out - 1) * stride or paddings exceed
 * 32767 (CMSIS-NN keeps the window origin in an int16_t).
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "../tl_cmsis_nn_s16.h"
#include "tl_cmsis_nn_conv_common.h"

/* Bytes before CMSIS-NN's buffer: the transposed filter rounded up to 4. */
static int64_t tl_cmsis_dw16_head_bytes(const int32_t *p)
{
    const int64_t taps = (int64_t)p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    return (taps * p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] + 3) / 4 * 4;
}

tl_status tl_op_depthwise_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const tl_status status = tl_ref_op_depthwise_conv2d_s16_validate(op, tensors);
    if (status != TL_OK || op->input_count != 5 || op->output_count != 2)
    {
        return status;
    }
    if (tl_cmsis_s16_check_split_quant(op, tensors, op->params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH]) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_cmsis_dw_validate_scratch(op, tensors, tl_cmsis_dw16_head_bytes(op->params),
                                        arm_depthwise_conv_wrapper_s16_get_buffer_size);
}

/* 1 when CMSIS-NN takes the validated record as it is (see the file comment). Validated: every term is below
   2^16 and (out - 1) * stride below 2^29. */
static int tl_cmsis_dw16_routable(const tl_op *op)
{
    const int32_t *p = op->params;
    return op->input_count == 5 && op->output_count == 2 && tl_cmsis_tflm_geometry(p) &&
           (p[TL_DEPTHWISE_CONV_P_OUTPUT_HEIGHT] - 1) * p[TL_DEPTHWISE_CONV_P_STRIDE_HEIGHT] <= 32767 &&
           (p[TL_DEPTHWISE_CONV_P_OUTPUT_WIDTH] - 1) * p[TL_DEPTHWISE_CONV_P_STRIDE_WIDTH] <= 32767 &&
           p[TL_DEPTHWISE_CONV_P_PADDING_TOP] <= 32767 && p[TL_DEPTHWISE_CONV_P_PADDING_LEFT] <= 32767 &&
           p[TL_DEPTHWISE_CONV_P_INPUT_HEIGHT] <= 32767 && p[TL_DEPTHWISE_CONV_P_INPUT_WIDTH] <= 32767;
}

void tl_op_depthwise_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t out_c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    const int64_t head = tl_cmsis_dw16_head_bytes(p);
    uint8_t *scratch;
    int32_t *split;
    cmsis_nn_dw_conv_params dw;
    tl_cmsis_conv_call call;
    arm_cmsis_nn_status status;
    if (!tl_cmsis_dw16_routable(op) || !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_depthwise_conv2d_s16(op, tensors);
        return;
    }
    tl_cmsis_dw_decode(p, &dw, &call.input_dims, &call.filter_dims, &call.output_dims);
    /* Validated: 4-aligned, at least head bytes plus CMSIS-NN's buffer. */
    scratch = tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S16_OUT_SCRATCH]);
    tl_cmsis_dw_transpose((const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_FILTER]), out_c,
                          p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH],
                          (int8_t *)(void *)scratch);
    /* Validated: 4-aligned int32 [multipliers x out_c][shifts x out_c]; CMSIS-NN only reads them. */
    split = (int32_t *)(void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_CMSIS_MULTIPLIERS]);
    tl_cmsis_call_finish(&call, split, split + out_c, out_c, scratch + head,
                         (int32_t)(tl_tensor_bytes(tensors, op->outputs[TL_DEPTHWISE_CONV_S16_OUT_SCRATCH]) - head));
    status = arm_depthwise_conv_wrapper_s16(
        &call.context, &dw, &call.quant, &call.input_dims,
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_INPUT]),
        &call.filter_dims, (const int8_t *)(void *)scratch, &call.bias_dims,
        op->inputs[TL_DEPTHWISE_CONV_S16_IN_BIAS] >= 0
            ? (const int64_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_BIAS])
            : NULL,
        &call.output_dims, (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S16_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses (checked before writing): the portable kernel takes it. */
        tl_ref_op_depthwise_conv2d_s16(op, tensors);
    }
}
