/*
 * The plain CONV_2D loop nest shared by the int8, int8 x packed int4 and int16 kernels (tl_conv2d_s8_plain.c,
 * tl_conv2d_s4_plain.c, tl_conv2d_s16_plain.c): the managed kernels' loops (ConvS8.cs, ConvS4.cs, ConvS16.cs; TFLM
 * reference_integer_ops::ConvPerChannel), the reference the fast paths are tested against. Each kernel checks its
 * arguments and calls tl_conv2d_plain_run with a constant kind; the function is always inlined, so the compiler
 * keeps only that kind's loads, sum and store.
 */
#ifndef TINYLITE_TL_CONV2D_PLAIN_H
#define TINYLITE_TL_CONV2D_PLAIN_H

#include "tl_conv2d_s16_paths.h"

/* The element types of a plain convolution: input and weights. */
typedef enum
{
    TL_CONV_PLAIN_S8,  /* int8 input, int8 weights, int8 output */
    TL_CONV_PLAIN_S4,  /* int8 input, packed int4 weights, int8 output */
    TL_CONV_PLAIN_S16, /* int16 input (little-endian bytes), int8 weights, int16 output */
} tl_conv_plain_kind;

/* Weight `e` (flat OHWI element index) of an int8 filter or of a packed int4 one (tl_cv_load_i4). */
static TL_ALWAYS_INLINE int32_t tl_conv_plain_weight(const void *filter, int32_t e, tl_conv_plain_kind kind)
{
    return kind == TL_CONV_PLAIN_S4 ? tl_cv_load_i4((const uint8_t *)filter, e) : ((const int8_t *)filter)[e];
}

/*
 * Convolves `input` with `filter` into `output`; the arguments are checked by the caller. `bias_type` is read for
 * TL_CONV_PLAIN_S16 only (the int8 kernels' bias is int32 with the input offset folded in by the compiler).
 */
static TL_ALWAYS_INLINE void tl_conv2d_plain_run(tl_conv_plain_kind kind, const tl_conv_params *params,
                                                 const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                                                 const void *input, const tl_conv_dims *filter_dims, const void *filter,
                                                 const uint8_t *bias, tl_conv_bias_type bias_type,
                                                 const tl_conv_dims *output_dims, void *output)
{
    const int32_t in_bytes = kind == TL_CONV_PLAIN_S16 ? 2 : 1;
    const int32_t batches = input_dims->batches;
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t f_c = filter_dims->channels;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    /* in_c / f_c groups, each owning out_c / groups consecutive filters (checked divisible by the caller). */
    const int32_t filters_per_group = out_c / (in_c / f_c);
    const int32_t filter_size = f_h * f_w * f_c;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t o = 0;

    for (batch = 0; batch < batches; batch++)
    {
        const uint8_t *in_batch = (const uint8_t *)input + batch * in_h * in_w * in_c * in_bytes;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            /* C#'s int arithmetic wraps; so does this (only reachable with absurd strides). */
            int32_t in_y_origin = tl_cv_s32((uint32_t)out_y * (uint32_t)params->stride_h - (uint32_t)params->pad_top);
            for (out_x = 0; out_x < out_w; out_x++)
            {
                int32_t in_x_origin =
                    tl_cv_s32((uint32_t)out_x * (uint32_t)params->stride_w - (uint32_t)params->pad_left);
                for (out_ch = 0; out_ch < out_c; out_ch++)
                {
                    int32_t group_start = (out_ch / filters_per_group) * f_c;
                    /* Flat OHWI element index of this filter's first weight. */
                    int32_t filter_out = out_ch * filter_size;
                    /* int8 inputs: C#'s wrapping int32 sum. int16 inputs: products |w * x| <= 2^22, at most 2^31 of
                       them, so the int64 sum cannot overflow. */
                    uint32_t acc = 0;
                    int64_t acc64 = 0;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        int32_t in_y =
                            tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                        const uint8_t *in_row;
                        int32_t filter_row;
                        int32_t filter_x;
                        if (in_y < 0 || in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + (in_y * in_w * in_c + group_start) * in_bytes;
                        filter_row = filter_out + filter_y * f_w * f_c;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            int32_t in_x =
                                tl_cv_s32((uint32_t)in_x_origin + (uint32_t)params->dilation_w * (uint32_t)filter_x);
                            const uint8_t *x;
                            int32_t w;
                            int32_t k;
                            if (in_x < 0 || in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c * in_bytes;
                            w = filter_row + filter_x * f_c;
                            for (k = 0; k < f_c; k++)
                            {
                                const int32_t weight = tl_conv_plain_weight(filter, w + k, kind);
                                if (kind == TL_CONV_PLAIN_S16)
                                {
                                    acc64 += (int64_t)(weight * tl_cv_load_i16(x + k * 2));
                                }
                                else
                                {
                                    /* |w * (x + offset)| <= 128 * 65664 < 2^31: the product fits int32. */
                                    acc += (uint32_t)(weight * (((const int8_t *)x)[k] + params->input_offset));
                                }
                            }
                        }
                    }
                    if (kind == TL_CONV_PLAIN_S16)
                    {
                        tl_conv2d_s16_store((uint8_t *)output + o * 2, acc64, out_ch, quant->table, bias, bias_type,
                                            params->act_min, params->act_max);
                    }
                    else
                    {
                        /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's
                           weights) and the taps above carried their own offset: take the whole-filter term back out
                           (mod 2^32). */
                        const uint32_t weight_sum =
                            kind == TL_CONV_PLAIN_S4 ? tl_cv_sum_s4((const uint8_t *)filter, filter_out, filter_size)
                                                     : tl_cv_sum_s8((const int8_t *)filter + filter_out, filter_size);
                        acc +=
                            (uint32_t)tl_cv_load_i32(bias + out_ch * 4) - (uint32_t)params->input_offset * weight_sum;
                        ((int8_t *)output)[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset,
                                                             params->act_min, params->act_max);
                    }
                    o++;
                }
            }
        }
    }
}

#endif /* TINYLITE_TL_CONV2D_PLAIN_H */
