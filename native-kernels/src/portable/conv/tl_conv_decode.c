/* The conv family's Params decoders: a record's Params (the conv, depthwise_conv and transpose_conv layouts) as
   the kernels' typed dims and params. Only called on records the checks accepted. */
#include "tl_conv_common.h"

void tl_cv_decode_conv(const int32_t *p, tl_conv_dims *input_dims, tl_conv_dims *filter_dims, tl_conv_dims *output_dims,
                       tl_conv_params *params)
{
    input_dims->batches = p[TL_CONV_P_BATCHES];
    input_dims->height = p[TL_CONV_P_INPUT_HEIGHT];
    input_dims->width = p[TL_CONV_P_INPUT_WIDTH];
    input_dims->channels = p[TL_CONV_P_INPUT_DEPTH];
    filter_dims->batches = p[TL_CONV_P_OUTPUT_DEPTH];
    filter_dims->height = p[TL_CONV_P_FILTER_HEIGHT];
    filter_dims->width = p[TL_CONV_P_FILTER_WIDTH];
    /* CONV_2D: filter depth; DEPTHWISE_CONV_2D: depth multiplier (the filter depth is 1). */
    filter_dims->channels = p[TL_CONV_P_FILTER_DEPTH];
    output_dims->batches = p[TL_CONV_P_BATCHES];
    output_dims->height = p[TL_CONV_P_OUTPUT_HEIGHT];
    output_dims->width = p[TL_CONV_P_OUTPUT_WIDTH];
    output_dims->channels = p[TL_CONV_P_OUTPUT_DEPTH];
    params->stride_h = p[TL_CONV_P_STRIDE_HEIGHT];
    params->stride_w = p[TL_CONV_P_STRIDE_WIDTH];
    params->dilation_h = p[TL_CONV_P_DILATION_HEIGHT];
    params->dilation_w = p[TL_CONV_P_DILATION_WIDTH];
    params->pad_top = p[TL_CONV_P_PADDING_TOP];
    params->pad_left = p[TL_CONV_P_PADDING_LEFT];
    params->depth_multiplier = 1;
    params->input_offset = p[TL_CONV_P_INPUT_OFFSET];
    params->output_offset = p[TL_CONV_P_OUTPUT_OFFSET];
    params->act_min = p[TL_CONV_P_ACTIVATION_MIN];
    params->act_max = p[TL_CONV_P_ACTIVATION_MAX];
}

void tl_cv_decode_conv_op(const tl_op *op, const tl_tensors *tensors, int32_t multipliers, tl_cv_call *call)
{
    tl_cv_decode_conv(op->params, &call->input_dims, &call->filter_dims, &call->output_dims, &call->params);
    call->quant.table = tl_tensor_data(tensors, op->inputs[multipliers]);
}

void tl_cv_decode_depthwise_op(const tl_op *op, const tl_tensors *tensors, int32_t multipliers, tl_cv_call *call)
{
    tl_cv_decode_conv_op(op, tensors, multipliers, call);
    call->params.depth_multiplier = op->params[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER];
    call->filter_dims.channels = 1;
}

tl_conv_bias_type tl_cv_s16_bias_type(const tl_tensors *tensors, int32_t bias)
{
    if (bias < 0)
    {
        return TL_CONV_BIAS_NONE;
    }
    return tl_tensor_type(tensors, bias) == TL_CV_TYPE_INT64 ? TL_CONV_BIAS_INT64 : TL_CONV_BIAS_INT32;
}

void tl_cv_decode_transpose(const int32_t *p, tl_conv_dims *input_dims, tl_conv_dims *filter_dims,
                            tl_conv_dims *output_dims, tl_conv_params *params)
{
    input_dims->batches = p[TL_TRANSPOSE_CONV_P_BATCHES];
    input_dims->height = p[TL_TRANSPOSE_CONV_P_INPUT_HEIGHT];
    input_dims->width = p[TL_TRANSPOSE_CONV_P_INPUT_WIDTH];
    input_dims->channels = p[TL_TRANSPOSE_CONV_P_INPUT_DEPTH];
    filter_dims->batches = p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH];
    filter_dims->height = p[TL_TRANSPOSE_CONV_P_FILTER_HEIGHT];
    filter_dims->width = p[TL_TRANSPOSE_CONV_P_FILTER_WIDTH];
    filter_dims->channels = p[TL_TRANSPOSE_CONV_P_INPUT_DEPTH];
    output_dims->batches = p[TL_TRANSPOSE_CONV_P_BATCHES];
    output_dims->height = p[TL_TRANSPOSE_CONV_P_OUTPUT_HEIGHT];
    output_dims->width = p[TL_TRANSPOSE_CONV_P_OUTPUT_WIDTH];
    output_dims->channels = p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH];
    params->stride_h = p[TL_TRANSPOSE_CONV_P_STRIDE_HEIGHT];
    params->stride_w = p[TL_TRANSPOSE_CONV_P_STRIDE_WIDTH];
    params->dilation_h = 1;
    params->dilation_w = 1;
    params->pad_top = p[TL_TRANSPOSE_CONV_P_PADDING_TOP];
    params->pad_left = p[TL_TRANSPOSE_CONV_P_PADDING_LEFT];
    params->depth_multiplier = 1;
    params->input_offset = p[TL_TRANSPOSE_CONV_P_INPUT_OFFSET];
    params->output_offset = p[TL_TRANSPOSE_CONV_P_OUTPUT_OFFSET];
    params->act_min = p[TL_TRANSPOSE_CONV_P_ACTIVATION_MIN];
    params->act_max = p[TL_TRANSPOSE_CONV_P_ACTIVATION_MAX];
}
