/*
 * TRANSPOSE_CONV, int8 activations, int8 OHWI weights, optional int32 bias, per-channel requantization.
 * Twin of nf-runtime/src/Kernels/Conv/TransposeConvS8.cs. TFLM scatters each input pixel into an int32
 * scratch the size of the output; this kernel gathers instead: output (y, x) receives input (iy, ix) through
 * tap (fy, fx) exactly when iy * stride_h - pad_top + fy = y (likewise x), so it sums the same products as
 * TFLM's scratch cell, and wrapping int32 sums (uint32 here) do not depend on the order. No scratch.
 */
#include "tl_transpose_conv2d_common.h"

tl_status tl_transpose_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output)
{
    /* Spelled out, not tl_cv_check_call: TRANSPOSE_CONV's bias is optional. */
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_TRANSPOSE, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    tl_transpose_conv2d_run(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output, 1);
    return TL_OK;
}

tl_status tl_op_transpose_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_transpose(op, tensors, TL_CV_TYPE_INT8, 1, 0);
}

void tl_op_transpose_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_transpose_conv2d_decode(op, tensors, &input_dims, &filter_dims, &output_dims, &params, &quant);
    /* Validated: the status is TL_OK. */
    (void)tl_transpose_conv2d_s8(
        &params, &quant, &input_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_INPUT]),
        &filter_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_FILTER]),
        tl_transpose_conv2d_bias(op, tensors), &output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_TRANSPOSE_CONV_OUT_OUTPUT]));
}
