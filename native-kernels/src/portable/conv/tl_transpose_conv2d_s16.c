/*
 * TRANSPOSE_CONV, int16 activations (little-endian), int8 OHWI weights, optional int64 bias (16x8
 * quantization: no zero points, int64 accumulator, TFLM's int64 requantization; an int16 bias is widened to
 * int64 by the compiler). Twin of nf-runtime/src/Kernels/Conv/TransposeConvS16.cs; gathers like
 * tl_transpose_conv2d_s8.c, so it needs no int64 scratch of the output size.
 */
#include "tl_conv_common.h"

tl_status tl_transpose_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const uint8_t *input,
                                  const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                  const tl_conv_dims *output_dims, uint8_t *output)
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
        tl_cv_check_shapes(TL_CV_KIND_TRANSPOSE, params, input_dims, filter_dims, output_dims, -32768, 32767);
    if (status != TL_OK)
    {
        return status;
    }
    /* 16x8 quantization has no zero points. */
    if (params->input_offset != 0 || params->output_offset != 0)
    {
        return TL_ERR_PARAMS;
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
        const uint8_t *in_batch = input + batch * in_h * in_w * in_c * 2;
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
                    /* Products |x * w| <= 2^22, at most 2^31 of them: the int64 sum cannot overflow. */
                    int64_t acc = 0;
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
                        in_row = in_batch + in_y * in_w * in_c * 2;
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
                            x = in_row + in_x * in_c * 2;
                            w = filter_row + filter_x * in_c;
                            for (k = 0; k < in_c; k++)
                            {
                                acc += (int64_t)(tl_cv_load_i16(x + k * 2) * w[k]);
                            }
                        }
                    }
                    if (bias != 0)
                    {
                        /* C#'s long addition wraps. */
                        acc = tl_cv_s64((uint64_t)acc + (uint64_t)tl_cv_load_i64(bias + out_ch * 8));
                    }
                    tl_cv_out_s16(output + o * 2,
                                  tl_cv_mbqm64(acc, tl_cv_load_i32(quant->table + out_ch * 8),
                                               tl_cv_load_i32(quant->table + out_ch * 8 + 4)),
                                  params->act_min, params->act_max);
                    o++;
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_transpose_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_transpose(op, tensors, TL_CV_TYPE_INT16, 0, 1);
    if (status == TL_OK &&
        (op->params[TL_TRANSPOSE_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_TRANSPOSE_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 transposed convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    return status;
}

void tl_op_transpose_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_transpose(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_MULTIPLIERS]);
    /* Validated: the status is TL_OK. */
    (void)tl_transpose_conv2d_s16(
        &params, &quant, &input_dims, tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_INPUT]), &filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_FILTER]),
        op->inputs[TL_TRANSPOSE_CONV_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_BIAS]) : 0,
        &output_dims, tl_tensor_data(tensors, op->outputs[TL_TRANSPOSE_CONV_OUT_OUTPUT]));
}
