/*
 * DEPTHWISE_CONV_2D, int16 activations (little-endian), int8 channel-major weights, optional int64 bias
 * (16x8 quantization: no zero points, int64 accumulator, TFLM's int64 requantization). Twin of
 * nf-runtime/src/Kernels/Conv/DepthwiseConvS16.cs.
 */
#include "tl_conv_common.h"
#include "tl_conv_cmsis_scratch.h"

tl_status tl_depthwise_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const uint8_t *input,
                                  const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                  const tl_conv_dims *output_dims, uint8_t *output)
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
        tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, params, input_dims, filter_dims, output_dims, -32768, 32767);
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
    taps = f_h * f_w;
    in_row_stride = in_w * in_c;

    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const uint8_t *in_batch = input + batch * in_h * in_row_stride * 2;
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
                    const uint8_t *in_pixel = in_batch + in_ch * 2;
                    int32_t m;
                    for (m = 0; m < params->depth_multiplier; m++)
                    {
                        const int8_t *filter_out = filter + out_ch * taps;
                        /* Products |w * x| <= 2^22, at most 2^31 of them: the int64 sum cannot overflow. */
                        int64_t acc = 0;
                        int32_t filter_y;
                        for (filter_y = 0; filter_y < f_h; filter_y++)
                        {
                            int32_t in_y =
                                tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                            const uint8_t *in_row;
                            const int8_t *w;
                            int32_t filter_x;
                            if (in_y < 0 || in_y >= in_h)
                            {
                                continue;
                            }
                            in_row = in_pixel + in_y * in_row_stride * 2;
                            w = filter_out + filter_y * f_w;
                            for (filter_x = 0; filter_x < f_w; filter_x++)
                            {
                                int32_t in_x = tl_cv_s32((uint32_t)in_x_origin +
                                                         (uint32_t)params->dilation_w * (uint32_t)filter_x);
                                if (in_x >= 0 && in_x < in_w)
                                {
                                    acc += (int64_t)(w[filter_x] * tl_cv_load_i16(in_row + in_x * in_c * 2));
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
                        out_ch++;
                    }
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_depthwise(op, tensors, TL_CV_TYPE_INT16, TL_CV_TYPE_INT8, 0, 1, 0);
    if (status == TL_OK &&
        (op->params[TL_DEPTHWISE_CONV_P_INPUT_OFFSET] != 0 || op->params[TL_DEPTHWISE_CONV_P_OUTPUT_OFFSET] != 0))
    {
        /* int16 convolution with non-zero offsets */
        status = TL_ERR_PARAMS;
    }
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S16);
}

void tl_op_depthwise_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    /* The depth multiplier takes the filter depth's place in this layout; the filter depth is 1. */
    params.depth_multiplier = op->params[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER];
    filter_dims.channels = 1;
    quant.table = tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_MULTIPLIERS]);
    /* Validated: the status is TL_OK. */
    (void)tl_depthwise_conv2d_s16(&params, &quant, &input_dims,
                                  tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_INPUT]), &filter_dims,
                                  (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_FILTER]),
                                  op->inputs[TL_DEPTHWISE_CONV_S16_IN_BIAS] >= 0
                                      ? tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S16_IN_BIAS])
                                      : 0,
                                  &output_dims, tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S16_OUT_OUTPUT]));
}
