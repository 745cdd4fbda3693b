/*
 * CONV_2D, int16 activations (little-endian), int8 OHWI weights, optional int32 or int64 bias (16x8
 * quantization, zero points 0). Twin of nf-runtime/src/Kernels/Conv/ConvS16.cs: the sum is formed in int64;
 * with an int32 bias TFLM accumulates in int32, whose wrapped value is the int64 sum truncated to 32 bits,
 * and requantizes with the int32 MultiplyByQuantizedMultiplier; otherwise the int64 one.
 *
 * This file holds the shared checks, the image adapters (tl_op_conv2d_s16_validate, tl_op_conv2d_s16; the CMSIS-NN
 * backend's twin of this file replaces them) and the selector tl_conv2d_s16. tl_conv2d_s16_plain
 * (tl_conv2d_s16_plain.c) is the managed kernel's loop nest. tl_conv2d_s16 adds fast paths (one group, dilation 1,
 * coordinates that cannot wrap: tl_conv2d_s16_rows.c, and tl_conv2d_s16_pointwise.c for 1x1 filters) giving the
 * same bytes: the in-range taps of one filter row are one contiguous run
 * of the input (pixels side by side, all channels) and of the filter, so each row is one dot product. Two output
 * channels share every input load; four values at a time are two input words rearranged into the pairs (x0, x2),
 * (x1, x3) (PKHBT / PKHTB) and one weight word widened into (w0, w2), (w1, w3) (SXTB16), two dual
 * multiply-accumulates (SMLAD) per channel (tl_dsp.h, tl_s4.h: single instructions on cores with the DSP
 * extension, the same values in portable C elsewhere).
 *
 * Exactness: |x * w| <= 2^15 * 2^7 = 2^22, so a sum of at most 511 products lies within int32 (511 * 2^22 < 2^31)
 * and its value mod 2^32 (what the wrapping int32 arithmetic keeps) is the exact sum. The fast path adds at most
 * TL_S16_CHUNK products in uint32, then widens the chunk into the int64 sum: the int64 sum equals the plain
 * path's, and everything after it (bias, requantization, clamp) is the same code.
 */
#include "tl_conv2d_s16_paths.h"

#include "tl_conv_cmsis_scratch.h"

/* Checks shared by both paths: shapes, 16x8 quantization (no offsets), bias kind, arguments. */
tl_status tl_conv2d_s16_check(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                              const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                              const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                              const uint8_t *output)
{
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -32768, 32767);
    if (status != TL_OK)
    {
        return status;
    }
    if (!tl_cv_s16_quantization_ok(params, bias, bias_type))
    {
        return TL_ERR_PARAMS;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}

tl_status tl_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                        const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                        const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                        uint8_t *output)
{
    tl_status status = tl_conv2d_s16_check(params, quant, input_dims, input, filter_dims, filter, bias, bias_type,
                                           output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    if (filter_dims->channels != input_dims->channels || params->dilation_h != 1 || params->dilation_w != 1 ||
        !tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_conv2d_s16_plain(params, quant, input_dims, input, filter_dims, filter, bias, bias_type, output_dims,
                                   output);
    }
    if (filter_dims->height == 1 && filter_dims->width == 1 && input_dims->channels <= TL_S16_CHUNK &&
        params->pad_top == 0 && params->pad_left == 0 &&
        (int64_t)(output_dims->height - 1) * params->stride_h < input_dims->height &&
        (int64_t)(output_dims->width - 1) * params->stride_w < input_dims->width)
    {
        tl_conv2d_s16_pointwise(params, quant, input_dims, input, filter, bias, bias_type, output_dims, output);
        return TL_OK;
    }
    tl_conv2d_s16_rows(params, quant, input_dims, input, filter_dims, filter, bias, bias_type, output_dims, output);
    return TL_OK;
}

tl_status tl_op_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT16, TL_CV_TYPE_INT8, 1, 1, 0);
    if (status == TL_OK && (op->params[TL_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S16);
}

void tl_op_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_conv_op(op, tensors, TL_CONV_S16_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s16(&call.params, &call.quant, &call.input_dims,
                        tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_INPUT]), &call.filter_dims,
                        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_FILTER]),
                        tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_BIAS]),
                        tl_cv_s16_bias_type(tensors, op->inputs[TL_CONV_S16_IN_BIAS]), &call.output_dims,
                        tl_tensor_data(tensors, op->outputs[TL_CONV_S16_OUT_OUTPUT]));
}
