/*
 * CONV_2D, int16 activations (little-endian), int8 OHWI weights, optional int32 or int64 bias (16x8
 * quantization, zero points 0). Twin of nf-runtime/src/Kernels/Conv/ConvS16.cs: the sum is formed in int64;
 * with an int32 bias TFLM accumulates in int32, whose wrapped value is the int64 sum truncated to 32 bits,
 * and requantizes with the int32 MultiplyByQuantizedMultiplier; otherwise the int64 one.
 */
#include "tl_conv_common.h"

tl_status tl_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                        const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                        const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                        uint8_t *output)
{
    int32_t batches;
    int32_t in_h;
    int32_t in_w;
    int32_t in_c;
    int32_t f_h;
    int32_t f_w;
    int32_t f_c;
    int32_t out_h;
    int32_t out_w;
    int32_t out_c;
    int32_t filters_per_group;
    int32_t filter_size;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t o = 0;
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -32768, 32767);
    if (status != TL_OK)
    {
        return status;
    }
    /* 16x8 quantization has no zero points; the bias is none, int32 or int64. */
    if (params->input_offset != 0 || params->output_offset != 0 ||
        (bias_type != TL_CONV_BIAS_NONE && bias_type != TL_CONV_BIAS_INT32 && bias_type != TL_CONV_BIAS_INT64) ||
        (bias == 0) != (bias_type == TL_CONV_BIAS_NONE))
    {
        return TL_ERR_PARAMS;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    batches = input_dims->batches;
    in_h = input_dims->height;
    in_w = input_dims->width;
    in_c = input_dims->channels;
    f_h = filter_dims->height;
    f_w = filter_dims->width;
    f_c = filter_dims->channels;
    out_h = output_dims->height;
    out_w = output_dims->width;
    out_c = output_dims->channels;
    /* in_c / f_c groups, each owning out_c / groups consecutive filters (checked divisible above). */
    filters_per_group = out_c / (in_c / f_c);
    filter_size = f_h * f_w * f_c;

    for (batch = 0; batch < batches; batch++)
    {
        const uint8_t *in_batch = input + batch * in_h * in_w * in_c * 2;
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
                    const int8_t *filter_out = filter + out_ch * filter_size;
                    /* Products |w * x| <= 2^22, at most 2^31 of them: the int64 sum cannot overflow. */
                    int64_t acc = 0;
                    int32_t multiplier;
                    int32_t shift;
                    int32_t scaled;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        int32_t in_y = tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                        const uint8_t *in_row;
                        const int8_t *filter_row;
                        int32_t filter_x;
                        if (in_y < 0 || in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + (in_y * in_w * in_c + group_start) * 2;
                        filter_row = filter_out + filter_y * f_w * f_c;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            int32_t in_x =
                                tl_cv_s32((uint32_t)in_x_origin + (uint32_t)params->dilation_w * (uint32_t)filter_x);
                            const uint8_t *x;
                            const int8_t *w;
                            int32_t k;
                            if (in_x < 0 || in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c * 2;
                            w = filter_row + filter_x * f_c;
                            for (k = 0; k < f_c; k++)
                            {
                                acc += (int64_t)(w[k] * tl_cv_load_i16(x + k * 2));
                            }
                        }
                    }
                    multiplier = tl_cv_load_i32(quant->table + out_ch * 8);
                    shift = tl_cv_load_i32(quant->table + out_ch * 8 + 4);
                    if (bias_type == TL_CONV_BIAS_NONE)
                    {
                        scaled = tl_cv_mbqm64(acc, multiplier, shift);
                    }
                    else if (bias_type == TL_CONV_BIAS_INT64)
                    {
                        /* C#'s long addition wraps. */
                        acc = tl_cv_s64((uint64_t)acc + (uint64_t)tl_cv_load_i64(bias + out_ch * 8));
                        scaled = tl_cv_mbqm64(acc, multiplier, shift);
                    }
                    else
                    {
                        /* TFLM's int32 accumulator: the wrapped (truncated) sum plus the bias, wrapping. */
                        uint32_t acc32 = (uint32_t)(uint64_t)acc + (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
                        scaled = tl_cv_mbqm(tl_cv_s32(acc32), multiplier, shift);
                    }
                    tl_cv_out_s16(output + o * 2, scaled, params->act_min, params->act_max);
                    o++;
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT16, TL_CV_TYPE_INT8, 1, 1, 0);
    if (status == TL_OK && (op->params[16] != 0 || op->params[17] != 0))
    {
        /* int16 convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    return status;
}

void tl_op_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_conv_bias_type bias_type = TL_CONV_BIAS_NONE;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[3]);
    if (op->inputs[2] >= 0)
    {
        bias_type = tl_tensor_type(tensors, op->inputs[2]) == TL_CV_TYPE_INT64 ? TL_CONV_BIAS_INT64 : TL_CONV_BIAS_INT32;
    }
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s16(&params, &quant, &input_dims, tl_tensor_data(tensors, op->inputs[0]), &filter_dims,
                        (const int8_t *)tl_tensor_data(tensors, op->inputs[1]),
                        op->inputs[2] >= 0 ? tl_tensor_data(tensors, op->inputs[2]) : 0, bias_type, &output_dims,
                        tl_tensor_data(tensors, op->outputs[0]));
}
