/*
 * CONV_2D 1x1, stride 1, no padding, int16 activations (little-endian), int8 weights, computed over its own
 * input pixel by pixel exactly as tl_pointwise_conv_s8_in_place (forward when out_c <= in_c, backward
 * otherwise). Twin of nf-runtime/src/Kernels/Conv/PointwiseConvS16InPlace.cs, with the arithmetic of
 * tl_conv2d_s16: int64 sum; int64 bias or none: int64 requantization; int32 bias: the wrapped int32 sum and the
 * int32 requantization.
 */
#include "tl_conv_common.h"
#include "tl_conv_s16.h"

tl_status tl_pointwise_conv_s16_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                         const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                         const int8_t *filter, const uint8_t *bias, tl_conv_bias_type bias_type,
                                         const tl_conv_dims *output_dims, uint8_t *data, uint8_t *scratch)
{
    int32_t pixels;
    int32_t in_c;
    int32_t out_c;
    int32_t forward;
    int32_t k;
    const tl_status status =
        tl_cv_check_in_place_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -32768, 32767);
    if (status != TL_OK)
    {
        return status;
    }
    if (!tl_cv_s16_quantization_ok(params, bias, bias_type))
    {
        return TL_ERR_PARAMS;
    }
    if (quant == 0 || quant->table == 0 || filter == 0 || data == 0 || scratch == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    pixels = input_dims->batches * input_dims->height * input_dims->width;
    in_c = input_dims->channels;
    out_c = output_dims->channels;
    forward = out_c <= in_c;

    for (k = 0; k < pixels; k++)
    {
        int32_t pixel = forward ? k : pixels - 1 - k;
        const uint8_t *in_pixel = data + pixel * in_c * 2;
        uint8_t *out_pixel = data + pixel * out_c * 2;
        int32_t out_ch;
        int32_t b;
        for (out_ch = 0; out_ch < out_c; out_ch++)
        {
            const int8_t *w = filter + out_ch * in_c;
            /* Products |w * x| <= 2^22, at most 65535 of them: the int64 sum cannot overflow. */
            int64_t acc = 0;
            int32_t in_ch;
            for (in_ch = 0; in_ch < in_c; in_ch++)
            {
                acc += (int64_t)(w[in_ch] * tl_cv_load_i16(in_pixel + in_ch * 2));
            }
            tl_conv2d_s16_store(scratch + out_ch * 2, acc, out_ch, quant->table, bias, bias_type, params->act_min,
                                params->act_max);
        }
        /* Input pixel p is fully read: write the finished pixel over the tensor. */
        for (b = 0; b < out_c * 2; b++)
        {
            out_pixel[b] = scratch[b];
        }
    }
    return TL_OK;
}

tl_status tl_op_pointwise_conv_s16_in_place_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_in_place_pointwise(op, tensors, TL_CV_TYPE_INT16, TL_CV_TYPE_INT8, 1, 1, 0);
    if (status == TL_OK && (op->params[TL_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    return status;
}

void tl_op_pointwise_conv_s16_in_place(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_conv_op(op, tensors, TL_POINTWISE_CONV_S16_IN_PLACE_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK; outputs[0] is inputs[0]'s address. */
    (void)tl_pointwise_conv_s16_in_place(
        &call.params, &call.quant, &call.input_dims, &call.filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S16_IN_PLACE_IN_FILTER]),
        tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S16_IN_PLACE_IN_BIAS]),
        tl_cv_s16_bias_type(tensors, op->inputs[TL_POINTWISE_CONV_S16_IN_PLACE_IN_BIAS]), &call.output_dims,
        tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S16_IN_PLACE_OUT_OUTPUT]),
        tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S16_IN_PLACE_OUT_SCRATCH]));
}
