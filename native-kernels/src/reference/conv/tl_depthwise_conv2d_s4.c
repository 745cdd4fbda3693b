/*
 * DEPTHWISE_CONV_2D, int8 activations, packed int4 channel-major weights, folded int32 bias (required).
 * Twin of nf-runtime/src/Kernels/Conv/DepthwiseConvS4.cs: element e = (out_c * f_h + f_y) * f_w + f_x is the
 * low nibble of byte e/2 when e is even, the high nibble when odd, sign-extended; read in place.
 */
#include "tl_conv_common.h"

tl_status tl_depthwise_conv2d_s4(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input,
                                 const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                                 const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    int32_t in_h;
    int32_t in_w;
    int32_t in_c;
    int32_t f_h;
    int32_t f_w;
    int32_t taps;
    int32_t in_row_stride;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t o = 0;
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter_packed == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    in_h = input_dims->height;
    in_w = input_dims->width;
    in_c = input_dims->channels;
    f_h = filter_dims->height;
    f_w = filter_dims->width;
    taps = f_h * f_w;
    in_row_stride = in_w * in_c;

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_row_stride;
        for (out_y = 0; out_y < output_dims->height; out_y++)
        {
            /* C#'s int arithmetic wraps; so does this (only reachable with absurd strides). */
            int32_t in_y_origin = tl_cv_s32((uint32_t)out_y * (uint32_t)params->stride_h - (uint32_t)params->pad_top);
            for (out_x = 0; out_x < output_dims->width; out_x++)
            {
                int32_t in_x_origin =
                    tl_cv_s32((uint32_t)out_x * (uint32_t)params->stride_w - (uint32_t)params->pad_left);
                int32_t out_ch = 0;
                int32_t in_ch;
                for (in_ch = 0; in_ch < in_c; in_ch++)
                {
                    const int8_t *in_pixel = in_batch + in_ch;
                    int32_t m;
                    for (m = 0; m < params->depth_multiplier; m++)
                    {
                        /* Flat channel-major element index of this channel's first tap. */
                        int32_t filter_out = out_ch * taps;
                        uint32_t acc = 0;
                        int32_t filter_y;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            int32_t in_y =
                                tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                            const int8_t *in_row;
                            int32_t w;
                            int32_t filter_x;
                            if (in_y < 0 || in_y >= in_h)
                            {
                                continue;
                            }
                            in_row = in_pixel + in_y * in_row_stride;
                            w = filter_out + filter_y * f_w;
                            for (filter_x = 0; filter_x < f_w; filter_x++)
                            {
                                int32_t in_x = tl_cv_s32((uint32_t)in_x_origin +
                                                         (uint32_t)params->dilation_w * (uint32_t)filter_x);
                                if (in_x >= 0 && in_x < in_w)
                                {
                                    /* |w * (x + offset)| <= 8 * 65664. */
                                    acc += (uint32_t)(tl_cv_load_i4(filter_packed, w + filter_x) *
                                                      (in_row[in_x * in_c] + params->input_offset));
                                }
                            }
                        }
                        /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's
                           taps) and the taps above carried their own offset: take the fold back out (mod 2^32). */
                        acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4) -
                               (uint32_t)params->input_offset * tl_cv_sum_s4(filter_packed, filter_out, taps);
                        output[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset,
                                                 params->act_min, params->act_max);
                        o++;
                        out_ch++;
                    }
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_depthwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT4, 1, 0, 1);
}

void tl_op_depthwise_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    /* Params[6] is the depth multiplier; the filter depth is 1. */
    params.depth_multiplier = op->params[6];
    filter_dims.channels = 1;
    quant.table = tl_tensor_data(tensors, op->inputs[3]);
    /* Validated: the status is TL_OK. */
    (void)tl_depthwise_conv2d_s4(&params, &quant, &input_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[0]),
                                  &filter_dims, tl_tensor_data(tensors, op->inputs[1]),
                                  op->inputs[2] >= 0 ? tl_tensor_data(tensors, op->inputs[2]) : 0, &output_dims,
                                  (int8_t *)tl_tensor_data(tensors, op->outputs[0]));
}
