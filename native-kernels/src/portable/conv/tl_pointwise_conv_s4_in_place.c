/*
 * CONV_2D 1x1, stride 1, no padding, int8 activations and packed int4 weights, computed over its own input pixel
 * by pixel. Twin of nf-runtime/src/Kernels/Conv/PointwiseConvS4InPlace.cs: the pixel order and one-pixel scratch
 * of tl_pointwise_conv_s8_in_place (forward when out_c <= in_c, backward otherwise), the weights read in place
 * (flat element e: low nibble of byte e/2 when e is even, high nibble when odd, sign-extended; tl_s4.h). Arithmetic
 * of tl_conv2d_s4 (folded bias, no padded tap); sums in uint32 (C#'s wrapping int32). No stack or arena buffer
 * besides the out_c-byte pixel scratch.
 */
#include "tl_conv_common.h"
#include "../tl_s4.h"

tl_status tl_pointwise_conv_s4_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                        const uint8_t *filter_packed, const uint8_t *bias,
                                        const tl_conv_dims *output_dims, int8_t *data, int8_t *scratch)
{
    int32_t pixels;
    int32_t in_c;
    int32_t out_c;
    int32_t forward;
    int32_t k;
    const tl_status status = tl_cv_check_in_place_call(TL_CV_KIND_CONV, params, quant, input_dims, filter_dims,
                                                       filter_packed, bias, output_dims, data, scratch);
    if (status != TL_OK)
    {
        return status;
    }
    /* Each factor <= 65535 and the tensor byte sizes were checked against INT32_MAX by the adapter. */
    pixels = input_dims->batches * input_dims->height * input_dims->width;
    in_c = input_dims->channels;
    out_c = output_dims->channels;
    forward = out_c <= in_c;

    for (k = 0; k < pixels; k++)
    {
        int32_t pixel = forward ? k : pixels - 1 - k;
        const int8_t *in_pixel = data + pixel * in_c;
        int8_t *out_pixel = data + pixel * out_c;
        int32_t out_ch;
        for (out_ch = 0; out_ch < out_c; out_ch++)
        {
            /* The folded bias holds input_offset * (sum of the channel's weights); no tap is ever padded. */
            uint32_t acc = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
            int32_t e = out_ch * in_c;
            const uint8_t *f = filter_packed + (e >> 1);
            int32_t i = 0;
            if ((e & 1) != 0)
            {
                /* The channel starts on a high nibble: one MAC to reach a byte boundary. */
                acc += (uint32_t)((int32_t)tl_s4_value((uint32_t)*f++ >> 4) * in_pixel[i]);
                i++;
            }
            for (; i + 2 <= in_c; i += 2)
            {
                const uint32_t b = *f++;
                acc += (uint32_t)((int32_t)tl_s4_value(b & 0xFu) * in_pixel[i]);
                acc += (uint32_t)((int32_t)tl_s4_value(b >> 4) * in_pixel[i + 1]);
            }
            if (i < in_c)
            {
                acc += (uint32_t)((int32_t)tl_s4_value((uint32_t)*f & 0xFu) * in_pixel[i]);
            }
            scratch[out_ch] =
                tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min, params->act_max);
        }
        /* Input pixel p is fully read: write the finished pixel over the tensor. */
        for (out_ch = 0; out_ch < out_c; out_ch++)
        {
            out_pixel[out_ch] = scratch[out_ch];
        }
    }
    return TL_OK;
}

tl_status tl_op_pointwise_conv_s4_in_place_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_in_place_pointwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT4, 1, 0, 1);
}

void tl_op_pointwise_conv_s4_in_place(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_conv_op(op, tensors, TL_POINTWISE_CONV_S4_IN_PLACE_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK; outputs[0] is inputs[0]'s address. */
    (void)tl_pointwise_conv_s4_in_place(
        &call.params, &call.quant, &call.input_dims, &call.filter_dims,
        tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S4_IN_PLACE_IN_FILTER]),
        tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S4_IN_PLACE_IN_BIAS]), &call.output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S4_IN_PLACE_OUT_OUTPUT]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S4_IN_PLACE_OUT_SCRATCH]));
}
