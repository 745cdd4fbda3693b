/*
 * CONV_2D, int8 activations, packed int4 OHWI weights, folded int32 bias (required), per-channel requantization.
 * Twin of nf-runtime/src/Kernels/Conv/ConvS4.cs: TFLM unpacks the filter to int8 and runs ConvPerChannel.
 *
 * This file holds the image adapters (tl_op_conv2d_s4_validate, tl_op_conv2d_s4; the CMSIS-NN backend's twin of this
 * file replaces them) and the selector tl_conv2d_s4. tl_conv2d_s4_plain (tl_conv2d_s4_plain.c) is the managed
 * kernel's loop nest, reading each nibble in place (flat OHWI element e: low
 * nibble of byte e/2 when e is even, high nibble when odd, sign-extended). Sums in uint32 (C#'s wrapping int32).
 * tl_conv2d_s4 unpacks a filter of at most TL_S4_CONV_UNPACK_MAX elements into int8 on the stack and runs the
 * int8 kernel (tl_conv2d_s8 and its fast paths) over it: an int4 value widened to int8 is the same integer, and
 * the two kernels define the same sums, so the bytes are the same as the plain loop's. Larger filters take the
 * block path (tl_conv2d_s4_blocks.c): up to four output channels whose weight runs start at the same nibble parity,
 * eight weights per 4-byte load split into scaled int16 pairs (tl_s4_pairs16) against the input's pairs, the
 * input offset folded into the bias for interior pixels; edge pixels gather each filter row with the padding
 * written as -input_offset (when that is an int8) and run the same dot products, else take their in-range taps
 * one by one. Filters of at most TL_S4_CONV_ROW_MAX elements per output channel without groups take the gathered
 * path (tl_conv2d_s4_gathered.c): the receptive field gathered once per pixel, the same block dot products over it.
 */
#include <string.h>

#include "tl_conv2d_s4_paths.h"

#include "tl_conv_cmsis_scratch.h"

tl_status tl_conv2d_s4(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                       const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    int64_t elements;
    tl_status status = tl_cv_check_call(TL_CV_KIND_CONV, params, quant, input_dims, input, filter_dims, filter_packed,
                                        bias, output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    /* Dimensions are in [1, 65535] (checked above): the product fits int64. */
    elements = (int64_t)filter_dims->batches * filter_dims->height * filter_dims->width * filter_dims->channels;
    if (elements <= TL_S4_CONV_UNPACK_MAX)
    {
        int8_t filter[TL_S4_CONV_UNPACK_MAX];
        tl_s4_unpack(filter_packed, 0, (int32_t)elements, filter);
        return tl_conv2d_s8(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
    }
    if (!tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_conv2d_s4_plain(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims,
                                  output);
    }
    if (filter_dims->channels == input_dims->channels && elements / filter_dims->batches <= TL_S4_CONV_ROW_MAX &&
        params->input_offset >= -127 && params->input_offset <= 128)
    {
        tl_conv2d_s4_gathered(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims, output);
        return TL_OK;
    }
    if (elements / filter_dims->batches <= TL_S4_CONV_MAX_TAPS)
    {
        tl_conv2d_s4_blocks(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims, output);
        return TL_OK;
    }
    return tl_conv2d_s4_plain(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims, output);
}

tl_status tl_op_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT4, 1, 0, 1);
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S4);
}

void tl_op_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_conv_op(op, tensors, TL_CONV_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s4(&call.params, &call.quant, &call.input_dims,
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]), &call.filter_dims,
                       tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]),
                       tl_tensor_data(tensors, op->inputs[TL_CONV_IN_BIAS]), &call.output_dims,
                       (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}
