/*
 * DEPTHWISE_CONV_2D with depth multiplier 1, int8 activations and weights, computed over its own input channel
 * by channel. Twin of nf-runtime/src/Kernels/Conv/DepthwiseConvS8InPlace.cs: every output pixel of channel c
 * goes into a one-channel scratch (out_h * out_w elements), then over channel c of the tensor. Input channel c
 * is read only by output channel c, and output channel c of pixel p lies exactly on channel c of input pixel p
 * (same base, same channel count), so nothing another channel still needs is overwritten, for any stride,
 * dilation or padding. Arithmetic of tl_depthwise_conv2d_s8 (folded bias, padded taps take their share of the
 * fold back out). When one tile of the tiled path covers a channel's whole output, the channels go straight
 * through it with no scratch (tl_depthwise_s8_one_tile).
 */
#include "tl_conv_common.h"

#include "tl_conv_blocks.h"

/* Channel ch of every output pixel into scratch (out_h * out_w values), the managed kernel's loop. */
static void tl_depthwise_s8_in_place_channel(const tl_conv_params *params, const tl_conv_quant *quant,
                                             const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                             const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                             const int8_t *data, int32_t ch, int8_t *scratch)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t channels = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t in_row_stride = in_w * channels;
    const int8_t *filter_ch = filter + ch * f_h * f_w;
    const int8_t *in_channel = data + ch;
    const uint32_t bias_value = (uint32_t)tl_cv_load_i32(bias + ch * 4);
    const int32_t multiplier = tl_cv_load_i32(quant->table + ch * 8);
    const int32_t shift = tl_cv_load_i32(quant->table + ch * 8 + 4);
    int32_t s = 0;
    int32_t out_y;
    for (out_y = 0; out_y < output_dims->height; out_y++)
    {
        /* C#'s int arithmetic wraps; so does this (only reachable with absurd strides). */
        int32_t in_y_origin = tl_cv_s32((uint32_t)out_y * (uint32_t)params->stride_h - (uint32_t)params->pad_top);
        int32_t out_x;
        for (out_x = 0; out_x < output_dims->width; out_x++)
        {
            int32_t in_x_origin = tl_cv_s32((uint32_t)out_x * (uint32_t)params->stride_w - (uint32_t)params->pad_left);
            /* The sum wraps mod 2^32 like C#'s int. */
            uint32_t acc = 0;
            int32_t filter_y;
            for (filter_y = 0; filter_y < f_h; filter_y++)
            {
                int32_t in_y = tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                int row_outside = in_y < 0 || in_y >= in_h;
                const int8_t *w = filter_ch + filter_y * f_w;
                int32_t filter_x;
                for (filter_x = 0; filter_x < f_w; filter_x++)
                {
                    int32_t in_x = tl_cv_s32((uint32_t)in_x_origin + (uint32_t)params->dilation_w * (uint32_t)filter_x);
                    if (row_outside || in_x < 0 || in_x >= in_w)
                    {
                        /* A padded tap: take its share of the folded input offset back out. */
                        acc -= (uint32_t)w[filter_x] * (uint32_t)params->input_offset;
                    }
                    else
                    {
                        acc += (uint32_t)(w[filter_x] * in_channel[in_y * in_row_stride + in_x * channels]);
                    }
                }
            }
            acc += bias_value;
            scratch[s] =
                tl_cv_out_s8_q(acc, multiplier, shift, params->output_offset, params->act_min, params->act_max);
            s++;
        }
    }
}

tl_status tl_depthwise_conv2d_s8_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                          const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                          const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                          int8_t *data, int8_t *scratch)
{
    int32_t channels;
    int32_t out_pixels;
    int32_t ch;
    int tiled;
    const tl_status status = tl_cv_check_in_place_call(TL_CV_KIND_DEPTHWISE, params, quant, input_dims, filter_dims,
                                                       filter, bias, output_dims, data, scratch);
    if (status != TL_OK)
    {
        return status;
    }
    channels = input_dims->channels;
    out_pixels = output_dims->height * output_dims->width;
    /* The tiled fast path of tl_depthwise_conv2d_s8 computes one channel into the scratch when the shape suits
       it (it then says so for every channel); otherwise the plain loop does. Same bytes either way. */
    tiled = tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims);
    if (tiled && tl_depthwise_s8_one_tile(params, input_dims, filter_dims, output_dims))
    {
        /* One tile holds a channel's whole receptive field: each channel is copied into it before its outputs
           go straight over it, as in the layer kernel (no scratch, no second pass). */
        (void)tl_depthwise_s8_tiled(params, quant, input_dims, data, filter_dims, filter, bias, output_dims, 0,
                                    channels, data, channels, 1);
        return TL_OK;
    }
    for (ch = 0; ch < channels; ch++)
    {
        int8_t *out = data + ch;
        int32_t i;
        if (tiled)
        {
            tiled = tl_depthwise_s8_tiled(params, quant, input_dims, data, filter_dims, filter, bias, output_dims, ch,
                                          ch + 1, scratch, 1, 0);
        }
        if (!tiled)
        {
            tl_depthwise_s8_in_place_channel(params, quant, input_dims, filter_dims, filter, bias, output_dims, data,
                                             ch, scratch);
        }
        /* Channel ch of the input is no longer needed: write the finished channel over it, four at a time. */
        for (i = 0; i + 4 <= out_pixels; i += 4)
        {
            out[0] = scratch[i];
            out[channels] = scratch[i + 1];
            out[2 * channels] = scratch[i + 2];
            out[3 * channels] = scratch[i + 3];
            out += 4 * channels;
        }
        for (; i < out_pixels; i++)
        {
            *out = scratch[i];
            out += channels;
        }
    }
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s8_in_place_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_in_place_depthwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
}

void tl_op_depthwise_conv2d_s8_in_place(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_depthwise_op(op, tensors, TL_DEPTHWISE_CONV_S8_IN_PLACE_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK; outputs[0] is inputs[0]'s address. */
    (void)tl_depthwise_conv2d_s8_in_place(
        &call.params, &call.quant, &call.input_dims, &call.filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_PLACE_IN_FILTER]),
        tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_PLACE_IN_BIAS]), &call.output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_IN_PLACE_OUT_OUTPUT]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_IN_PLACE_OUT_SCRATCH]));
}
