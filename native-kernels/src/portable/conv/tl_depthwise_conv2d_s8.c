/*
 * DEPTHWISE_CONV_2D, int8 activations, int8 channel-major weights [out_c][f_h][f_w], folded int32 bias (required).
 * Twin of nf-runtime/src/Kernels/Conv/DepthwiseConvS8.cs (TFLM reference_integer_ops::DepthwiseConvPerChannel).
 *
 * This file holds the image adapters (tl_op_depthwise_conv2d_s8_validate, tl_op_depthwise_conv2d_s8; the CMSIS-NN
 * backend's twin of this file replaces them) and the selector tl_depthwise_conv2d_s8. Every path produces the bytes
 * of tl_depthwise_conv2d_s8_plain (tl_depthwise_conv2d_s8_plain.c, the managed loop nest):
 *  - tiled (tl_depthwise_conv2d_s8_tiled.c; dilation 1, -input_offset an int8, the usual case): the receptive field
 *    copied into a stack tile with the padding written as -input_offset, no bounds tests;
 *  - otherwise pixel-major with per-pixel tap lists when channels are many and pixels few
 *    (tl_depthwise_conv2d_s8_pixel_major.c), else channel by channel (tl_depthwise_conv2d_s8_channel.c).
 */
#include "tl_depthwise_conv2d_s8_paths.h"

#include "tl_conv_cmsis_scratch.h"

tl_status tl_depthwise_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output)
{
    tl_cv_interior interior;
    int32_t batch;
    tl_status status = tl_cv_check_call(TL_CV_KIND_DEPTHWISE, params, quant, input_dims, input, filter_dims, filter,
                                        bias, output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    if (!tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_depthwise_conv2d_s8_plain(params, quant, input_dims, input, filter_dims, filter, bias, output_dims,
                                            output);
    }
    if (tl_depthwise_s8_tiled(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, 0,
                              input_dims->channels, output, output_dims->channels, 1))
    {
        return TL_OK;
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
                                    (uint32_t)tl_cv_load_i32(bias + out_ch * 4), quant->table + out_ch * 8,
                                    out_batch + out_ch);
        }
    }
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_depthwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S8);
}

void tl_op_depthwise_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_depthwise_op(op, tensors, TL_DEPTHWISE_CONV_S8_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK. */
    (void)tl_depthwise_conv2d_s8(&call.params, &call.quant, &call.input_dims,
                                 (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_INPUT]),
                                 &call.filter_dims,
                                 (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_FILTER]),
                                 tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_S8_IN_BIAS]), &call.output_dims,
                                 (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_S8_OUT_OUTPUT]));
}
