/*
 * The plain DEPTHWISE_CONV_2D loop nest shared by the int8, int8 x packed int4 and int16 kernels
 * (tl_depthwise_conv2d_s8_plain.c, tl_depthwise_conv2d_s4_plain in tl_depthwise_conv2d_s4.c,
 * tl_depthwise_conv2d_s16.c): the managed kernels' loops (DepthwiseConvS8.cs, DepthwiseConvS4.cs,
 * DepthwiseConvS16.cs; TFLM reference_integer_ops::DepthwiseConvPerChannel). Each kernel checks its arguments and
 * calls tl_depthwise_conv2d_plain_run with a constant kind; the function is always inlined, so the compiler keeps
 * only that kind's loads, sum and store.
 */
#ifndef TINYLITE_TL_DEPTHWISE_CONV2D_PLAIN_H
#define TINYLITE_TL_DEPTHWISE_CONV2D_PLAIN_H

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"

/* The element types of a plain depthwise convolution: input and weights. */
typedef enum
{
    TL_DW_PLAIN_S8,  /* int8 input, int8 weights, int8 output, folded int32 bias */
    TL_DW_PLAIN_S4,  /* int8 input, packed int4 weights, int8 output, folded int32 bias */
    TL_DW_PLAIN_S16, /* int16 input (little-endian bytes), int8 weights, int16 output, optional int64 bias */
} tl_dw_plain_kind;

/* Tap `e` (flat channel-major element index) of an int8 filter or of a packed int4 one (tl_cv_load_i4). */
static TL_ALWAYS_INLINE int32_t tl_dw_plain_weight(const void *filter, int32_t e, tl_dw_plain_kind kind)
{
    return kind == TL_DW_PLAIN_S4 ? tl_cv_load_i4((const uint8_t *)filter, e) : ((const int8_t *)filter)[e];
}

/* Convolves each input channel of `input` with its depth_multiplier filters into `output`; the arguments are checked
   by the caller. For TL_DW_PLAIN_S16 `bias` may be 0 (no bias). */
static TL_ALWAYS_INLINE void tl_depthwise_conv2d_plain_run(tl_dw_plain_kind kind, const tl_conv_params *params,
                                                           const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                                                           const void *input, const tl_conv_dims *filter_dims,
                                                           const void *filter, const uint8_t *bias,
                                                           const tl_conv_dims *output_dims, void *output)
{
    const int32_t in_bytes = kind == TL_DW_PLAIN_S16 ? 2 : 1;
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t taps = f_h * f_w;
    const int32_t in_row_stride = in_w * in_c;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t o = 0;

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const uint8_t *in_batch = (const uint8_t *)input + batch * in_h * in_row_stride * in_bytes;
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
                    const uint8_t *in_pixel = in_batch + in_ch * in_bytes;
                    int32_t m;
                    for (m = 0; m < params->depth_multiplier; m++)
                    {
                        /* Flat channel-major element index of this channel's first tap. */
                        int32_t filter_out = out_ch * taps;
                        /* int8 inputs: C#'s wrapping int32 sum. int16 inputs: products |w * x| <= 2^22, at most 2^31
                           of them, so the int64 sum cannot overflow. */
                        uint32_t acc = 0;
                        int64_t acc64 = 0;
                        int32_t filter_y;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            int32_t in_y =
                                tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                            const uint8_t *in_row;
                            int32_t w;
                            int32_t filter_x;
                            if (in_y < 0 || in_y >= in_h)
                            {
                                continue;
                            }
                            in_row = in_pixel + in_y * in_row_stride * in_bytes;
                            w = filter_out + filter_y * f_w;
                            for (filter_x = 0; filter_x < f_w; filter_x++)
                            {
                                int32_t in_x = tl_cv_s32((uint32_t)in_x_origin +
                                                         (uint32_t)params->dilation_w * (uint32_t)filter_x);
                                if (in_x >= 0 && in_x < in_w)
                                {
                                    const int32_t weight = tl_dw_plain_weight(filter, w + filter_x, kind);
                                    if (kind == TL_DW_PLAIN_S16)
                                    {
                                        acc64 += (int64_t)(weight * tl_cv_load_i16(in_row + in_x * in_c * 2));
                                    }
                                    else
                                    {
                                        /* |w * (x + offset)| <= 128 * 65664 < 2^31. */
                                        acc += (uint32_t)(weight * (((const int8_t *)in_row)[in_x * in_c] +
                                                                    params->input_offset));
                                    }
                                }
                            }
                        }
                        if (kind == TL_DW_PLAIN_S16)
                        {
                            if (bias != 0)
                            {
                                /* C#'s long addition wraps. */
                                acc64 = tl_cv_s64((uint64_t)acc64 + (uint64_t)tl_cv_load_i64(bias + out_ch * 8));
                            }
                            tl_cv_out_s16((uint8_t *)output + o * 2,
                                          tl_cv_mbqm64(acc64, tl_cv_load_i32(quant->table + out_ch * 8),
                                                       tl_cv_load_i32(quant->table + out_ch * 8 + 4)),
                                          params->act_min, params->act_max);
                        }
                        else
                        {
                            /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's
                               taps) and the taps above carried their own offset: take the fold back out (mod 2^32). */
                            const uint32_t tap_sum = kind == TL_DW_PLAIN_S4
                                                         ? tl_cv_sum_s4((const uint8_t *)filter, filter_out, taps)
                                                         : tl_cv_sum_s8((const int8_t *)filter + filter_out, taps);
                            acc +=
                                (uint32_t)tl_cv_load_i32(bias + out_ch * 4) - (uint32_t)params->input_offset * tap_sum;
                            ((int8_t *)output)[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset,
                                                                 params->act_min, params->act_max);
                        }
                        o++;
                        out_ch++;
                    }
                }
            }
        }
    }
}

#endif /* TINYLITE_TL_DEPTHWISE_CONV2D_PLAIN_H */
