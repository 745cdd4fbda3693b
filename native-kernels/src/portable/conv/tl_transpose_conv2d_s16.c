/*
 * TRANSPOSE_CONV, int16 activations (little-endian), int8 OHWI weights, optional int64 bias (16x8
 * quantization: no zero points, int64 accumulator, TFLM's int64 requantization; an int16 bias is widened to
 * int64 by the compiler). Twin of nf-runtime/src/Kernels/Conv/TransposeConvS16.cs; gathers like
 * tl_transpose_conv2d_s8.c, so it needs no int64 scratch of the output size.
 */
#include "tl_transpose_conv2d_common.h"

tl_status tl_transpose_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                                  const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                  uint8_t *output)
{
    /* Spelled out, not tl_cv_check_call: TRANSPOSE_CONV's bias is optional. */
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_TRANSPOSE, params, input_dims, filter_dims, output_dims, -32768, 32767);
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
    tl_transpose_conv2d_run(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output, 2);
    return TL_OK;
}

tl_status tl_op_transpose_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_transpose(op, tensors, TL_CV_TYPE_INT16, 0, 1);
    if (status == TL_OK &&
        (op->params[TL_TRANSPOSE_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_TRANSPOSE_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 transposed convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    return status;
}

void tl_op_transpose_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_transpose_conv2d_decode(op, tensors, &input_dims, &filter_dims, &output_dims, &params, &quant);
    /* Validated: the status is TL_OK. */
    (void)tl_transpose_conv2d_s16(&params, &quant, &input_dims,
                                  tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_INPUT]), &filter_dims,
                                  (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_FILTER]),
                                  tl_transpose_conv2d_bias(op, tensors), &output_dims,
                                  tl_tensor_data(tensors, op->outputs[TL_TRANSPOSE_CONV_OUT_OUTPUT]));
}
