/*
 * CONV_2D, int8 activations, int8 OHWI weights, folded int32 bias (required), per-channel requantization.
 * Twin of nf-runtime/src/Kernels/Conv/ConvS8.cs (TFLM reference_integer_ops::ConvPerChannel).
 *
 * This file holds the image adapters (tl_op_conv2d_s8_validate, tl_op_conv2d_s8; the CMSIS-NN backend's twin of
 * this file replaces them) and the selector tl_conv2d_s8, which picks the path for a call; every path produces the
 * bytes of tl_conv2d_s8_plain (tl_conv2d_s8_plain.c, the managed kernel's loop nest):
 * tl_conv2d_s8_gathered.c (small receptive fields gathered into int16 columns) and tl_conv2d_s8_fast.c (channel
 * and pixel pairs with the input offset folded into the bias, 1x1 filters as a matrix product).
 */
#include "tl_conv2d_s8_paths.h"

#include "tl_conv_cmsis_scratch.h"

tl_status tl_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                       const tl_conv_dims *output_dims, int8_t *output)
{
    tl_status status = tl_cv_check_call(TL_CV_KIND_CONV, params, quant, input_dims, input, filter_dims, filter, bias,
                                        output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    if (!tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_conv2d_s8_plain(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
    }
    if (filter_dims->channels == input_dims->channels &&
        filter_dims->height * filter_dims->width * filter_dims->channels <= TL_CV_IM2COL_MAX &&
        params->input_offset >= -32767 && params->input_offset <= 32767 &&
        !(filter_dims->height == 1 && filter_dims->width == 1))
    {
        tl_conv2d_s8_gathered(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
        return TL_OK;
    }
    tl_conv2d_s8_fast(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
    return TL_OK;
}

tl_status tl_op_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S8);
}

void tl_op_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_conv_op(op, tensors, TL_CONV_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s8(&call.params, &call.quant, &call.input_dims,
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]), &call.filter_dims,
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]),
                       tl_tensor_data(tensors, op->inputs[TL_CONV_IN_BIAS]), &call.output_dims,
                       (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}
