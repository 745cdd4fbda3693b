/*
 * What TRANSPOSE_CONV int8 and int16 share (tl_transpose_conv2d_s8.c, tl_transpose_conv2d_s16.c; twins of
 * TransposeConvS8.cs and TransposeConvS16.cs): the gathering loop nest and the adapter's decoding. TFLM scatters each
 * input pixel into a scratch the size of the output; these kernels gather instead: output (y, x) receives input
 * (iy, ix) through tap (fy, fx) exactly when iy * stride_h - pad_top + fy = y (likewise x), so each output sums the
 * same products as TFLM's scratch cell, and the wrapping sums do not depend on the order. No scratch. The loop is
 * always inlined with a constant element size, so each kernel keeps its own accumulator, loads and store.
 */
#ifndef TINYLITE_TL_TRANSPOSE_CONV2D_COMMON_H
#define TINYLITE_TL_TRANSPOSE_CONV2D_COMMON_H

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"

/*
 * Gathers every output of a checked TRANSPOSE_CONV: int8 activations (element_bytes 1: uint32 sums, C#'s wrapping
 * int32, with the input offset and an optional int32 bias) or int16 ones (element_bytes 2: int64 sums, no offsets,
 * an optional int64 bias, TFLM's int64 requantization). `bias` may be 0.
 */
static TL_ALWAYS_INLINE void tl_transpose_conv2d_run(const tl_conv_params *params, const tl_conv_quant *quant,
                                                     const tl_conv_dims *input_dims, const void *input,
                                                     const tl_conv_dims *filter_dims, const int8_t *filter,
                                                     const uint8_t *bias, const tl_conv_dims *output_dims, void *output,
                                                     int32_t element_bytes)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t stride_h = params->stride_h;
    const int32_t stride_w = params->stride_w;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t o = 0;

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const uint8_t *in_batch = (const uint8_t *)input + batch * in_h * in_w * in_c * element_bytes;
        for (out_y = 0; out_y < output_dims->height; out_y++)
        {
            /* Taps reaching this row: filter_y = (out_y + pad_top) - in_y * stride_h, one residue class
               modulo stride_h. Both terms are <= 65535, so nothing here can overflow. */
            int32_t ty = out_y + params->pad_top;
            int32_t fy_first = ty % stride_h;
            for (out_x = 0; out_x < output_dims->width; out_x++)
            {
                int32_t tx = out_x + params->pad_left;
                int32_t fx_first = tx % stride_w;
                for (out_ch = 0; out_ch < output_dims->channels; out_ch++)
                {
                    /* int16: products |x * w| <= 2^22, at most 2^31 of them, so the int64 sum cannot overflow. */
                    uint32_t acc = 0;
                    int64_t acc64 = 0;
                    int32_t filter_y;
                    for (filter_y = fy_first; filter_y < f_h && filter_y <= ty; filter_y += stride_h)
                    {
                        int32_t in_y = (ty - filter_y) / stride_h;
                        const uint8_t *in_row;
                        const int8_t *filter_row;
                        int32_t filter_x;
                        if (in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + in_y * in_w * in_c * element_bytes;
                        filter_row = filter + (out_ch * f_h + filter_y) * f_w * in_c;
                        for (filter_x = fx_first; filter_x < f_w && filter_x <= tx; filter_x += stride_w)
                        {
                            int32_t in_x = (tx - filter_x) / stride_w;
                            const uint8_t *x;
                            const int8_t *w;
                            int32_t k;
                            if (in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c * element_bytes;
                            w = filter_row + filter_x * in_c;
                            for (k = 0; k < in_c; k++)
                            {
                                if (element_bytes == 1)
                                {
                                    /* |(x + offset) * w| <= 65664 * 128 < 2^31. */
                                    acc += (uint32_t)((((const int8_t *)x)[k] + params->input_offset) * w[k]);
                                }
                                else
                                {
                                    acc64 += (int64_t)(tl_cv_load_i16(x + k * 2) * w[k]);
                                }
                            }
                        }
                    }
                    if (element_bytes == 1)
                    {
                        if (bias != 0)
                        {
                            acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
                        }
                        ((int8_t *)output)[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset,
                                                             params->act_min, params->act_max);
                    }
                    else
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
                    o++;
                }
            }
        }
    }
}

/* The geometry, parameters and requantization table of a validated TRANSPOSE_CONV record. */
static TL_ALWAYS_INLINE void tl_transpose_conv2d_decode(const tl_op *op, const tl_tensors *tensors,
                                                        tl_conv_dims *input_dims, tl_conv_dims *filter_dims,
                                                        tl_conv_dims *output_dims, tl_conv_params *params,
                                                        tl_conv_quant *quant)
{
    tl_cv_decode_transpose(op->params, input_dims, filter_dims, output_dims, params);
    quant->table = tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_MULTIPLIERS]);
}

/* The optional bias of a TRANSPOSE_CONV record, 0 without one. */
static TL_ALWAYS_INLINE const uint8_t *tl_transpose_conv2d_bias(const tl_op *op, const tl_tensors *tensors)
{
    return op->inputs[TL_TRANSPOSE_CONV_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_BIAS])
                                                      : 0;
}

#endif /* TINYLITE_TL_TRANSPOSE_CONV2D_COMMON_H */
