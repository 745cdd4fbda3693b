/*
 * DEPTHWISE_CONV_2D, int16 activations (little-endian), int8 channel-major weights, optional int64 bias
 * (16x8 quantization: no zero points, int64 accumulator, TFLM's int64 requantization). Twin of
 * nf-runtime/src/Kernels/Conv/DepthwiseConvS16.cs.
 */
#include "tl_conv_cmsis_scratch.h"
#include "tl_depthwise_conv2d_plain.h"

tl_status tl_depthwise_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                                  const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                  uint8_t *output)
{
    /* Spelled out, not tl_cv_check_call (int8 only): the int16 range and no zero points; the bias may be absent. */
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, params, input_dims, filter_dims, output_dims, -32768, 32767);
    if (status != TL_OK)
    {
        return status;
    }
    /* 16x8 quantization has no zero points. */
    if (params->input_offset != 0 || params->output_offset != 0)
    {
        return TL_ERR_PARAMS;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    tl_depthwise_conv2d_plain_run(TL_DW_PLAIN_S16, params, quant, input_dims, input, filter_dims, filter, bias,
                                  output_dims, output);
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_depthwise(op, tensors, TL_CV_TYPE_INT16, TL_CV_TYPE_INT8, 0, 1, 0);
    if (status == TL_OK &&
        (op->params[TL_DEPTHWISE_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_DEPTHWISE_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S16);
}

void tl_op_depthwise_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_depthwise_op(op, tensors, TL_DEPTHWISE_CONV_S16_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK. */
    (void)tl_depthwise_conv2d_s16(&call.params, &call.quant, &call.input_dims,
                                  tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_INPUT]),
                                  &call.filter_dims,
                                  (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_FILTER]),
                                  tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_BIAS]), &call.output_dims,
                                  tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S16_OUT_OUTPUT]));
}
