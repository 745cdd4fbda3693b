/*
 * DEPTHWISE_CONV_2D, int8 activations, int8 channel-major weights [out_c][f_h][f_w], folded int32 bias (required).
 * Twin of nf-runtime/src/Kernels/Conv/DepthwiseConvS8.cs (TFLM reference_integer_ops::DepthwiseConvPerChannel).
 *
 * tl_depthwise_conv2d_s8_plain is the managed loop nest. The fast path walks one output channel at a time
 * (weights, folded bias and multiplier loaded once), computes each pixel's valid taps once instead of
 * testing every tap, and for pixels whose whole window is inside the input uses
 *   sum w * (x + input_offset) = sum w * x + input_offset * sum w   (mod 2^32)
 * with the second term folded into the bias. A 3x3 filter is held in locals for those pixels. Same bytes.
 */
#include "tl_conv_common.h"

#include "tl_conv_blocks.h"

tl_status tl_depthwise_conv2d_s8_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                       const tl_conv_dims *output_dims, int8_t *output)
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
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || bias == 0 || output == 0)
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
                        const int8_t *filter_out = filter + out_ch * taps;
                        uint32_t acc = 0;
                        int32_t filter_y;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            int32_t in_y =
                                tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                            const int8_t *in_row;
                            const int8_t *w;
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
                                    /* |w * (x + offset)| <= 128 * 65664 < 2^31. */
                                    acc += (uint32_t)(w[filter_x] * (in_row[in_x * in_c] + params->input_offset));
                                }
                            }
                        }
                        /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's
                           taps) and the taps above carried their own offset: take the fold back out (mod 2^32). */
                        acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4) -
                               (uint32_t)params->input_offset * tl_cv_sum_s8(filter_out, taps);
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

/* One output channel over all pixels of one batch (fast path). */
static void tl_depthwise_s8_channel(const tl_conv_params *params, const tl_conv_dims *input_dims,
                                    const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims,
                                    const tl_cv_interior *interior, const int8_t *in_channel, const int8_t *w,
                                    uint32_t folded_bias, const uint8_t *quant_pair, int8_t *out_channel)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t row_stride = in_w * in_c;
    const int32_t step_y = params->dilation_h * row_stride;
    const int32_t step_x = params->dilation_w * in_c;
    const int32_t pixel_step = params->stride_w * in_c;
    const int32_t input_offset = params->input_offset;
    const int32_t output_offset = params->output_offset;
    const int32_t act_min = params->act_min;
    const int32_t act_max = params->act_max;
    const int32_t multiplier = tl_cv_load_i32(quant_pair);
    const int32_t shift = tl_cv_load_i32(quant_pair + 4);
    /* Interior pixels start from the folded bias (model bias + input_offset * sum of the taps) and add w * x;
       edge pixels start from the model bias (fold taken back out, mod 2^32) and add w * (x + input_offset). */
    const uint32_t fold = folded_bias;
    const uint32_t bias = folded_bias - (uint32_t)input_offset * tl_cv_sum_s8(w, f_h * f_w);
    const int is_3x3 = f_h == 3 && f_w == 3;
    int32_t out_y;
    for (out_y = 0; out_y < output_dims->height; out_y++)
    {
        const int y_inside = out_y >= interior->y_begin && out_y < interior->y_end;
        int8_t *out_row = out_channel + out_y * out_w * out_c;
        int32_t out_x = 0;
        /* The rows of taps inside the input are the same for the whole output row. */
        const int32_t origin_y = out_y * params->stride_h - params->pad_top;
        int32_t fy_begin;
        int32_t fy_end;
        tl_cv_tap_range(origin_y, params->dilation_h, in_h, f_h, &fy_begin, &fy_end);
        while (out_x < out_w)
        {
            uint32_t acc;
            int32_t filter_y;
            if (y_inside && out_x >= interior->x_begin && out_x < interior->x_end)
            {
                /* The run of interior pixels of this row: no bounds tests at all. */
                const int32_t run_end = interior->x_end;
                const int8_t *x = in_channel + (out_y * params->stride_h - params->pad_top) * row_stride +
                                  (out_x * params->stride_w - params->pad_left) * in_c;
                if (is_3x3)
                {
                    const int32_t w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6],
                                  w7 = w[7], w8 = w[8];
                    for (; out_x < run_end; out_x++)
                    {
                        const int8_t *r0 = x;
                        const int8_t *r1 = x + step_y;
                        const int8_t *r2 = r1 + step_y;
                        acc = fold;
                        acc += (uint32_t)(w0 * r0[0]) + (uint32_t)(w1 * r0[step_x]) + (uint32_t)(w2 * r0[2 * step_x]);
                        acc += (uint32_t)(w3 * r1[0]) + (uint32_t)(w4 * r1[step_x]) + (uint32_t)(w5 * r1[2 * step_x]);
                        acc += (uint32_t)(w6 * r2[0]) + (uint32_t)(w7 * r2[step_x]) + (uint32_t)(w8 * r2[2 * step_x]);
                        out_row[out_x * out_c] = tl_cv_out_s8_q(acc, multiplier, shift, output_offset, act_min, act_max);
                        x += pixel_step;
                    }
                }
                else
                {
                    for (; out_x < run_end; out_x++)
                    {
                        acc = fold;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            const int8_t *r = x + filter_y * step_y;
                            const int8_t *wr = w + filter_y * f_w;
                            int32_t filter_x;
                            for (filter_x = 0; filter_x < f_w; filter_x++)
                            {
                                acc += (uint32_t)(wr[filter_x] * r[filter_x * step_x]);
                            }
                        }
                        out_row[out_x * out_c] = tl_cv_out_s8_q(acc, multiplier, shift, output_offset, act_min, act_max);
                        x += pixel_step;
                    }
                }
                continue;
            }
            /* Edge pixel: only the taps inside the input; column bounds computed once for the pixel. */
            {
                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                int32_t fx_begin;
                int32_t fx_end;
                tl_cv_tap_range(origin_x, params->dilation_w, in_w, f_w, &fx_begin, &fx_end);
                acc = bias;
                for (filter_y = fy_begin; filter_y < fy_end; filter_y++)
                {
                    const int8_t *x = in_channel + (origin_y + filter_y * params->dilation_h) * row_stride +
                                      (origin_x + fx_begin * params->dilation_w) * in_c;
                    const int8_t *wr = w + filter_y * f_w + fx_begin;
                    int32_t taps = fx_end - fx_begin;
                    while (taps-- > 0)
                    {
                        /* |w * (x + offset)| <= 128 * 65664 < 2^31. */
                        acc += (uint32_t)(*wr++ * (*x + input_offset));
                        x += step_x;
                    }
                }
            }
            out_row[out_x * out_c] = tl_cv_out_s8_q(acc, multiplier, shift, output_offset, act_min, act_max);
            out_x++;
        }
    }
}

/* Largest filter (f_h * f_w taps) handled pixel by pixel with the tap lists on the stack. */
#define TL_CV_DW_MAX_TAPS 64

/*
 * Pixel-major path: each output pixel's in-range taps are listed once (input offsets and tap indices), then
 * every channel runs through the lists: folded bias + w * x over the in-range taps - input_offset * w over
 * the taps in the padding, which is TFLM's bias + sum of w * (x + input_offset) over the in-range taps
 * (mod 2^32). Channels are contiguous in NHWC, so consecutive channels read neighbouring bytes.
 */
static void tl_depthwise_s8_pixel_major(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const int8_t *input,
                                        const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                        const tl_conv_dims *output_dims, int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t taps = f_h * f_w;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t multiplier = params->depth_multiplier;
    const uint32_t input_offset = (uint32_t)params->input_offset;
    int32_t in_offsets[TL_CV_DW_MAX_TAPS];
    int32_t in_taps[TL_CV_DW_MAX_TAPS];
    int32_t pad_taps[TL_CV_DW_MAX_TAPS];
    int32_t batch;
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out = output + batch * out_h * out_w * out_c;
        int32_t out_y;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            const int32_t origin_y = out_y * params->stride_h - params->pad_top;
            int32_t out_x;
            for (out_x = 0; out_x < out_w; out_x++)
            {
                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                int32_t n_in = 0;
                int32_t n_pad = 0;
                int32_t filter_y;
                int32_t in_ch;
                int32_t out_ch = 0;
                for (filter_y = 0; filter_y < f_h; filter_y++)
                {
                    const int32_t in_y = origin_y + filter_y * params->dilation_h;
                    int32_t filter_x;
                    for (filter_x = 0; filter_x < f_w; filter_x++)
                    {
                        const int32_t in_x = origin_x + filter_x * params->dilation_w;
                        if (in_y >= 0 && in_y < in_h && in_x >= 0 && in_x < in_w)
                        {
                            in_offsets[n_in] = (in_y * in_w + in_x) * in_c;
                            in_taps[n_in] = filter_y * f_w + filter_x;
                            n_in++;
                        }
                        else
                        {
                            pad_taps[n_pad] = filter_y * f_w + filter_x;
                            n_pad++;
                        }
                    }
                }
                for (in_ch = 0; in_ch < in_c; in_ch++)
                {
                    const int8_t *x = in_batch + in_ch;
                    int32_t m;
                    for (m = 0; m < multiplier; m++)
                    {
                        const int8_t *w = filter + out_ch * taps;
                        uint32_t acc = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
                        int32_t t;
                        for (t = 0; t < n_in; t++)
                        {
                            acc += (uint32_t)(w[in_taps[t]] * x[in_offsets[t]]);
                        }
                        for (t = 0; t < n_pad; t++)
                        {
                            acc -= input_offset * (uint32_t)(int32_t)w[pad_taps[t]];
                        }
                        *out++ = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                              params->act_max);
                        out_ch++;
                    }
                }
            }
        }
    }
}

tl_status tl_depthwise_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input,
                                 const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                 const tl_conv_dims *output_dims, int8_t *output)
{
    tl_cv_interior interior;
    int32_t batch;
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    if (!tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_depthwise_conv2d_s8_plain(params, quant, input_dims, input, filter_dims, filter, bias,
                                            output_dims, output);
    }
    if (filter_dims->height * filter_dims->width <= TL_CV_DW_MAX_TAPS &&
        output_dims->height * output_dims->width * 4 <= input_dims->channels * 64)
    {
        /* Many channels for few pixels: list each pixel's taps once and share them across the channels. */
        tl_depthwise_s8_pixel_major(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
        return TL_OK;
    }
    tl_cv_interior_range(params, input_dims->height, input_dims->width, filter_dims->height, filter_dims->width,
                         output_dims->height, output_dims->width, &interior);
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * input_dims->height * input_dims->width * input_dims->channels;
        int8_t *out_batch = output + batch * output_dims->height * output_dims->width * output_dims->channels;
        int32_t out_ch;
        for (out_ch = 0; out_ch < output_dims->channels; out_ch++)
        {
            /* Output channel out_ch = in_ch * depth_multiplier + m reads input channel in_ch. */
            int32_t in_ch = out_ch / params->depth_multiplier;
            tl_depthwise_s8_channel(params, input_dims, filter_dims, output_dims, &interior, in_batch + in_ch,
                                    filter + out_ch * filter_dims->height * filter_dims->width,
                                    (uint32_t)tl_cv_load_i32(bias + out_ch * 4),
                                    quant->table + out_ch * 8, out_batch + out_ch);
        }
    }
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_depthwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
}

void tl_op_depthwise_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
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
    (void)tl_depthwise_conv2d_s8(&params, &quant, &input_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[0]),
                                 &filter_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[1]),
                                 op->inputs[2] >= 0 ? tl_tensor_data(tensors, op->inputs[2]) : 0, &output_dims,
                                 (int8_t *)tl_tensor_data(tensors, op->outputs[0]));
}
