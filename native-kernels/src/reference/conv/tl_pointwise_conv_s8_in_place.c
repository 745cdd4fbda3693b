/*
 * CONV_2D 1x1, stride 1, no padding, int8 activations and weights, computed over its own input pixel by pixel.
 * Twin of nf-runtime/src/Kernels/Conv/PointwiseConvS8InPlace.cs: the out_c results of pixel p go into a
 * one-pixel scratch, then over the tensor at output pixel p. Output and input share their base address.
 * out_c <= in_c: pixels go forward (output pixel p ends at or before input pixel p + 1 starts);
 * out_c > in_c: backward (output pixel p starts at or after input pixel p ends, so the pixels 0..p-1 not yet
 * read stay intact). Arithmetic of tl_conv2d_s8 (folded bias, no padded tap). The dot products take four
 * channels per word: even and odd bytes of the input and weight words are widened to int16 pairs (SXTB16) and
 * multiplied pairwise (SMLAD), four output channels sharing each input word; the sums are the same mod 2^32.
 */
#include "tl_conv_common.h"
#include "../tl_dsp.h"

/* Dot products of one pixel with four consecutive filter rows (stride n), added to acc[0..3] (mod 2^32). */
static void tl_pw_dot4(const int8_t *x, const int8_t *w, int32_t n, uint32_t *acc)
{
    uint32_t a0 = acc[0];
    uint32_t a1 = acc[1];
    uint32_t a2 = acc[2];
    uint32_t a3 = acc[3];
    int32_t i = 0;
    for (; i + 4 <= n; i += 4)
    {
        const uint32_t xw = tl_dsp_load4(x + i);
        const uint32_t x_even = tl_dsp_sxtb16(xw);
        const uint32_t x_odd = tl_dsp_sxtb16_odd(xw);
        const int8_t *f = w + i;
        uint32_t fw = tl_dsp_load4(f);
        a0 = tl_dsp_smlad(x_even, tl_dsp_sxtb16(fw), a0);
        a0 = tl_dsp_smlad(x_odd, tl_dsp_sxtb16_odd(fw), a0);
        fw = tl_dsp_load4(f + n);
        a1 = tl_dsp_smlad(x_even, tl_dsp_sxtb16(fw), a1);
        a1 = tl_dsp_smlad(x_odd, tl_dsp_sxtb16_odd(fw), a1);
        fw = tl_dsp_load4(f + 2 * n);
        a2 = tl_dsp_smlad(x_even, tl_dsp_sxtb16(fw), a2);
        a2 = tl_dsp_smlad(x_odd, tl_dsp_sxtb16_odd(fw), a2);
        fw = tl_dsp_load4(f + 3 * n);
        a3 = tl_dsp_smlad(x_even, tl_dsp_sxtb16(fw), a3);
        a3 = tl_dsp_smlad(x_odd, tl_dsp_sxtb16_odd(fw), a3);
    }
    for (; i < n; i++)
    {
        const int32_t xv = x[i];
        a0 += (uint32_t)(w[i] * xv);
        a1 += (uint32_t)(w[n + i] * xv);
        a2 += (uint32_t)(w[2 * n + i] * xv);
        a3 += (uint32_t)(w[3 * n + i] * xv);
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* Dot products of one pixel with two filter rows, added to *acc0 and *acc1 (mod 2^32). */
static void tl_pw_dot2(const int8_t *x, const int8_t *w0, const int8_t *w1, int32_t n, uint32_t *acc0, uint32_t *acc1)
{
    uint32_t a0 = *acc0;
    uint32_t a1 = *acc1;
    int32_t i = 0;
    for (; i + 4 <= n; i += 4)
    {
        const uint32_t xw = tl_dsp_load4(x + i);
        const uint32_t x_even = tl_dsp_sxtb16(xw);
        const uint32_t x_odd = tl_dsp_sxtb16_odd(xw);
        const uint32_t f0 = tl_dsp_load4(w0 + i);
        const uint32_t f1 = tl_dsp_load4(w1 + i);
        a0 = tl_dsp_smlad(x_even, tl_dsp_sxtb16(f0), a0);
        a0 = tl_dsp_smlad(x_odd, tl_dsp_sxtb16_odd(f0), a0);
        a1 = tl_dsp_smlad(x_even, tl_dsp_sxtb16(f1), a1);
        a1 = tl_dsp_smlad(x_odd, tl_dsp_sxtb16_odd(f1), a1);
    }
    for (; i < n; i++)
    {
        a0 += (uint32_t)(w0[i] * x[i]);
        a1 += (uint32_t)(w1[i] * x[i]);
    }
    *acc0 = a0;
    *acc1 = a1;
}

/* Dot product of one pixel with one filter row, added to acc (mod 2^32). */
static uint32_t tl_pw_dot1(const int8_t *x, const int8_t *w, int32_t n, uint32_t acc)
{
    int32_t i = 0;
    for (; i + 4 <= n; i += 4)
    {
        const uint32_t xw = tl_dsp_load4(x + i);
        const uint32_t f = tl_dsp_load4(w + i);
        acc = tl_dsp_smlad(tl_dsp_sxtb16(xw), tl_dsp_sxtb16(f), acc);
        acc = tl_dsp_smlad(tl_dsp_sxtb16_odd(xw), tl_dsp_sxtb16_odd(f), acc);
    }
    for (; i < n; i++)
    {
        acc += (uint32_t)(w[i] * x[i]);
    }
    return acc;
}

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
            tl_pw_dot4(in_pixel, filter + out_ch * in_c, in_c, acc);
            for (j = 0; j < 4; j++)
            {
                scratch[out_ch + j] = tl_cv_out_s8(acc[j], quant->table + (out_ch + j) * 8, params->output_offset,
                                                   params->act_min, params->act_max);
            }
        }
        for (; out_ch + 2 <= out_c; out_ch += 2)
        {
            uint32_t acc0 = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
            uint32_t acc1 = (uint32_t)tl_cv_load_i32(bias + out_ch * 4 + 4);
            tl_pw_dot2(in_pixel, filter + out_ch * in_c, filter + (out_ch + 1) * in_c, in_c, &acc0, &acc1);
            scratch[out_ch] = tl_cv_out_s8(acc0, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                           params->act_max);
            scratch[out_ch + 1] = tl_cv_out_s8(acc1, quant->table + (out_ch + 1) * 8, params->output_offset,
                                               params->act_min, params->act_max);
        }
        if (out_ch < out_c)
        {
            uint32_t acc = tl_pw_dot1(in_pixel, filter + out_ch * in_c, in_c, (uint32_t)tl_cv_load_i32(bias + out_ch * 4));
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
    quant.table = tl_tensor_data(tensors, op->inputs[3]);
    /* Validated: the status is TL_OK; outputs[0] is inputs[0]'s address. */
    (void)tl_pointwise_conv_s8_in_place(&params, &quant, &input_dims, &filter_dims,
                                        (const int8_t *)tl_tensor_data(tensors, op->inputs[1]),
                                        tl_tensor_data(tensors, op->inputs[2]), &output_dims,
                                        (int8_t *)tl_tensor_data(tensors, op->outputs[0]),
                                        (int8_t *)tl_tensor_data(tensors, op->outputs[1]));
}
