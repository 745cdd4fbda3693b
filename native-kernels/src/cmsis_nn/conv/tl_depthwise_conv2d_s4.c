/*
 * DEPTHWISE_CONV_2D with int8 activations and packed int4 weights routed to CMSIS-NN's
 * arm_depthwise_conv_wrapper_s4. Replaces the adapters of src/portable/conv/tl_depthwise_conv2d_s4.c when
 * TINYLITE_CMSIS_NN=ON and TINYLITE_CMSIS_NN_ALL_ROUTES=ON (our portable int4 depthwise takes about a third of its
 * instructions on Cortex-M4; the portable validation runs first).
 *
 * Weights. The image's filter (input 1) is channel-major for the portable kernel; CMSIS-NN reads TFLite's packed
 * [f_h][f_w][out_c] order (element (f_y * f_w + f_x) * out_c + ch, low nibble for even elements, across rows).
 * `compile --cmsis-nn` stores that order as a sixth input (the model's own bytes, f_h * f_w * out_c / 2 bytes of
 * flash), so nothing is repacked per call; records without it (other compilers, older images) run the portable
 * kernel. The fifth input is the raw bias, or -1 when no tap falls in the padding.
 *
 * Scratch (CmsisNnScratchCheck.DepthwiseS4Bytes, nf-runtime): [multipliers int32 x out_c][shifts int32 x out_c]
 * [unfolded bias int32 x out_c][arm_depthwise_conv_wrapper_s4 buffer]. Validation checks its size against what the
 * linked CMSIS-NN asks for and its alignment.
 *
 * Bias, as for CONV_2D s4 (tl_conv2d_s4.c): without padding taps the folded bias with input_offset 0; otherwise the
 * raw bias with the true input_offset (CMSIS-NN skips, or zero-fills after the offset, the taps in the padding, as
 * TFLM skips them): the fifth input, or b = folded - input_offset * sum(w) rebuilt in the scratch when it is -1.
 *
 * What CMSIS-NN v7 takes bit-exactly (read from arm_depthwise_conv_s4.c / _s4_opt.c), the rest runs the portable kernel:
 * * TFLM's SAME / VALID geometry (tl_cmsis_nn_geometry.h).
 * * Window origins are held in int16_t (out_x * stride - pad): input height / width and padding below 2^15.
 *   The optimised kernel counts taps in a uint16_t: f_h * f_w below 2^16. Its im2col holds x + input_offset in
 *   int16: |input_offset| <= 32640.
 * * Odd input depth: the generic kernel's odd-depth path steps through the filter with a running nibble parity that
 *   assumes every tap of the window is visited and that the multiplier is 1 (its per-tap stride is
 *   (in_c / 2) * ch_mult bytes). Taken only with multiplier 1 and either the optimised kernel (one batch, no
 *   dilation: it zero-fills padding taps in its im2col and visits them all) or no tap in the padding.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "tl_cmsis_nn_conv_common.h"

/* 1 when CMSIS-NN takes this validated record with TFLM's geometry bit-exactly (see the file comment). */
static int tl_cmsis_dw_s4_takes(const int32_t *p)
{
    const int optimised = p[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] == p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] &&
                          p[TL_DEPTHWISE_CONV_P_BATCHES] == 1 && p[TL_DEPTHWISE_CONV_P_DILATION_HEIGHT] == 1 &&
                          p[TL_DEPTHWISE_CONV_P_DILATION_WIDTH] == 1;
    if (p[TL_DEPTHWISE_CONV_P_INPUT_HEIGHT] > 32767 || p[TL_DEPTHWISE_CONV_P_INPUT_WIDTH] > 32767 ||
        p[TL_DEPTHWISE_CONV_P_PADDING_TOP] > 32767 || p[TL_DEPTHWISE_CONV_P_PADDING_LEFT] > 32767 ||
        (int64_t)p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH] > 65535 ||
        p[TL_DEPTHWISE_CONV_P_INPUT_OFFSET] < -32640 || p[TL_DEPTHWISE_CONV_P_INPUT_OFFSET] > 32640)
    {
        return 0;
    }
    if ((p[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] & 1) != 0)
    {
        return p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER] == 1 && (optimised || tl_cmsis_conv_no_padding_taps(p));
    }
    return 1;
}

tl_status tl_op_depthwise_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    const tl_status status = tl_ref_op_depthwise_conv2d_s4_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    return tl_cmsis_dw_validate_scratch(op, tensors, 12 * (int64_t)op->params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH],
                                        arm_depthwise_conv_wrapper_s4_get_buffer_size);
}

void tl_op_depthwise_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t out_c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    int32_t *multipliers;
    const int32_t *bias;
    cmsis_nn_dw_conv_params dw;
    tl_cmsis_conv_call call;
    arm_cmsis_nn_status status;
    if (op->output_count != 2 || op->input_count != 6 || !tl_cmsis_tflm_geometry(p) || !tl_cmsis_dw_s4_takes(p) ||
        !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_depthwise_conv2d_s4(op, tensors);
        return;
    }
    tl_cmsis_dw_decode(p, &dw, &call.input_dims, &call.filter_dims, &call.output_dims);
    multipliers = tl_cmsis_s8_scratch_quant(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_MULTIPLIERS],
                                            op->outputs[TL_DEPTHWISE_CONV_OUT_SCRATCH], out_c);
    /* The rebuilt raw bias sums the channel-major filter: channel ch's taps are elements [ch * taps, (ch + 1) *
       taps). */
    bias =
        tl_cmsis_s8_bias(op, tensors, op->inputs[TL_DEPTHWISE_CONV_IN_BIAS], op->inputs[TL_DEPTHWISE_CONV_IN_RAW_BIAS],
                         tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_FILTER]), 1, out_c,
                         p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH],
                         multipliers + 2 * out_c, &dw.input_offset);
    tl_cmsis_call_finish(&call, multipliers, multipliers + out_c, out_c, multipliers + 3 * out_c,
                         (int32_t)(tl_tensor_bytes(tensors, op->outputs[TL_DEPTHWISE_CONV_OUT_SCRATCH]) - 12 * out_c));
    status = arm_depthwise_conv_wrapper_s4(
        &call.context, &dw, &call.quant, &call.input_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_INPUT]), &call.filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_TFLITE_FILTER]), &call.bias_dims, bias,
        &call.output_dims, (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses (it checks before writing anything): the portable kernel takes it. */
        tl_ref_op_depthwise_conv2d_s4(op, tensors);
    }
}
