/*
 * TRANSPOSE_CONV, int8 activations, int8 OHWI weights, optional int32 bias, per-channel requantization.
 * Twin of nf-runtime/src/Kernels/Conv/TransposeConvS8.cs. TFLM scatters each input pixel into an int32
 * scratch the size of the output; this kernel gathers instead: output (y, x) receives input (iy, ix) through
 * tap (fy, fx) exactly when iy * stride_h - pad_top + fy = y (likewise x), so it sums the same products as
 * TFLM's scratch cell, and wrapping int32 sums (uint32 here) do not depend on the order. No scratch.
 */
#include "tl_conv_common.h"

tl_status tl_transpose_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input,
                                 const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                 const tl_conv_dims *output_dims, int8_t *output)
{
    int32_t in_h;
    int32_t in_w;
    int32_t in_c;
    int32_t f_h;
    int32_t f_w;
    int32_t stride_h;
    int32_t stride_w;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t o = 0;
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_TRANSPOSE, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    in_h = input_dims->height;
    in_w = input_dims->width;
    in_c = input_dims->channels;
    f_h = filter_dims->height;
    f_w = filter_dims->width;
    stride_h = params->stride_h;
    stride_w = params->stride_w;

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
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
                    uint32_t acc = 0;
                    int32_t filter_y;
                    for (filter_y = fy_first; filter_y < f_h && filter_y <= ty; filter_y += stride_h)
                    {
                        int32_t in_y = (ty - filter_y) / stride_h;
                        const int8_t *in_row;
                        const int8_t *filter_row;
                        int32_t filter_x;
                        if (in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + in_y * in_w * in_c;
                        filter_row = filter + (out_ch * f_h + filter_y) * f_w * in_c;
                        for (filter_x = fx_first; filter_x < f_w && filter_x <= tx; filter_x += stride_w)
                        {
                            int32_t in_x = (tx - filter_x) / stride_w;
                            const int8_t *x;
                            const int8_t *w;
                            int32_t k;
                            if (in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c;
                            w = filter_row + filter_x * in_c;
                            for (k = 0; k < in_c; k++)
                            {
                                /* |(x + offset) * w| <= 65664 * 128 < 2^31. */
                                acc += (uint32_t)((x[k] + params->input_offset) * w[k]);
                            }
                        }
                    }
                    if (bias != 0)
                    {
                        acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
                    }
                    output[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                             params->act_max);
                    o++;
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_transpose_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_transpose(op, tensors, TL_CV_TYPE_INT8, 1, 0);
}

void tl_op_transpose_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_transpose(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_MULTIPLIERS]);
    /* Validated: the status is TL_OK. */
    (void)tl_transpose_conv2d_s8(
        &params, &quant, &input_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_INPUT]),
        &filter_dims, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_FILTER]),
        op->inputs[TL_TRANSPOSE_CONV_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_BIAS]) : 0,
        &output_dims, (int8_t *)tl_tensor_data(tensors, op->outputs[TL_TRANSPOSE_CONV_OUT_OUTPUT]));
}
