/*
 * CONV_2D 1x1, stride 1, no padding, int8 activations and weights, computed over its own input pixel by pixel.
 * Twin of nf-runtime/src/Kernels/Conv/PointwiseConvS8InPlace.cs: the out_c results of pixel p go into a
 * one-pixel scratch, then over the tensor at output pixel p. Output and input share their base address.
 * out_c <= in_c: pixels go forward (output pixel p ends at or before input pixel p + 1 starts);
 * out_c > in_c: backward (output pixel p starts at or after input pixel p ends, so the pixels 0..p-1 not yet
 * read stay intact). Arithmetic of tl_conv2d_s8 (folded bias, no padded tap). The dot products take four
 * channels per word and four output channels per input word (tl_dot_s8.h); the sums are the same mod 2^32.
 */
#include "tl_conv_common.h"
#include "../tl_dot_s8.h"

tl_status tl_pointwise_conv_s8_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                        const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                        int8_t *data, int8_t *scratch)
{
    int32_t pixels;
    int32_t in_c;
    int32_t out_c;
    int32_t forward;
    int32_t k;
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (filter_dims->height != 1 || filter_dims->width != 1 || filter_dims->channels != input_dims->channels ||
        params->stride_h != 1 || params->stride_w != 1 || params->pad_top != 0 || params->pad_left != 0 ||
        output_dims->height != input_dims->height || output_dims->width != input_dims->width)
    {
        return TL_ERR_PARAMS;
    }
    if (quant == 0 || quant->table == 0 || filter == 0 || bias == 0 || data == 0 || scratch == 0)
    {
        return TL_ERR_ARGUMENT;
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
        /* The folded bias holds input_offset * (sum of the channel's weights); no tap is ever padded. */
        for (out_ch = 0; out_ch + 4 <= out_c; out_ch += 4)
        {
            uint32_t acc[4];
            int32_t j;
            for (j = 0; j < 4; j++)
            {
                acc[j] = (uint32_t)tl_cv_load_i32(bias + (out_ch + j) * 4);
            }
            tl_dot4_s8(in_pixel, filter + out_ch * in_c, in_c, in_c, acc);
            for (j = 0; j < 4; j++)
            {
                scratch[out_ch + j] = tl_cv_out_s8(acc[j], quant->table + (out_ch + j) * 8, params->output_offset,
                                                   params->act_min, params->act_max);
            }
        }
        for (; out_ch < out_c; out_ch++)
        {
            uint32_t acc = tl_dot1_s8(in_pixel, filter + out_ch * in_c, in_c, (uint32_t)tl_cv_load_i32(bias + out_ch * 4));
            scratch[out_ch] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                           params->act_max);
        }
        /* Input pixel p is fully read: write the finished pixel over the tensor. */
        for (out_ch = 0; out_ch < out_c; out_ch++)
        {
            out_pixel[out_ch] = scratch[out_ch];
        }
    }
    return TL_OK;
}

tl_status tl_op_pointwise_conv_s8_in_place_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_in_place_pointwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
}

void tl_op_pointwise_conv_s8_in_place(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S8_IN_PLACE_IN_MULTIPLIERS]);
    /* Validated: the status is TL_OK; outputs[0] is inputs[0]'s address. */
    (void)tl_pointwise_conv_s8_in_place(
        &params, &quant, &input_dims, &filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S8_IN_PLACE_IN_FILTER]),
        tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S8_IN_PLACE_IN_BIAS]), &output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S8_IN_PLACE_OUT_OUTPUT]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S8_IN_PLACE_OUT_SCRATCH]));
}
