/*
 * Load-time checks of the conv family's image records (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV): the twins of
 * ConvChecks.cs's record checks, built on the shared checks of tl_conv_checks.c.
 */
#include "tl_conv_common.h"

/* tl_cv_decode_conv and tl_cv_check_conv_tensors (and the CMSIS-NN adapters' shared helpers) read CONV_2D and
   DEPTHWISE_CONV_2D records through the conv layout's names: the two layouts of kernels.toml must agree everywhere
   but where the depth multiplier takes the filter depth's place, and share their tensor slots. A C99 compile-time
   check (an array of size -1 when they differ) fails the build otherwise. */
#define TL_CV_SAME_INDEX(name, a, b) typedef char tl_cv_same_index_##name[(int)(a) == (int)(b) ? 1 : -1]
TL_CV_SAME_INDEX(batches, TL_CONV_P_BATCHES, TL_DEPTHWISE_CONV_P_BATCHES);
TL_CV_SAME_INDEX(input_height, TL_CONV_P_INPUT_HEIGHT, TL_DEPTHWISE_CONV_P_INPUT_HEIGHT);
TL_CV_SAME_INDEX(input_width, TL_CONV_P_INPUT_WIDTH, TL_DEPTHWISE_CONV_P_INPUT_WIDTH);
TL_CV_SAME_INDEX(input_depth, TL_CONV_P_INPUT_DEPTH, TL_DEPTHWISE_CONV_P_INPUT_DEPTH);
TL_CV_SAME_INDEX(filter_height, TL_CONV_P_FILTER_HEIGHT, TL_DEPTHWISE_CONV_P_FILTER_HEIGHT);
TL_CV_SAME_INDEX(filter_width, TL_CONV_P_FILTER_WIDTH, TL_DEPTHWISE_CONV_P_FILTER_WIDTH);
TL_CV_SAME_INDEX(filter_depth, TL_CONV_P_FILTER_DEPTH, TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER);
TL_CV_SAME_INDEX(output_height, TL_CONV_P_OUTPUT_HEIGHT, TL_DEPTHWISE_CONV_P_OUTPUT_HEIGHT);
TL_CV_SAME_INDEX(output_width, TL_CONV_P_OUTPUT_WIDTH, TL_DEPTHWISE_CONV_P_OUTPUT_WIDTH);
TL_CV_SAME_INDEX(output_depth, TL_CONV_P_OUTPUT_DEPTH, TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH);
TL_CV_SAME_INDEX(stride_height, TL_CONV_P_STRIDE_HEIGHT, TL_DEPTHWISE_CONV_P_STRIDE_HEIGHT);
TL_CV_SAME_INDEX(stride_width, TL_CONV_P_STRIDE_WIDTH, TL_DEPTHWISE_CONV_P_STRIDE_WIDTH);
TL_CV_SAME_INDEX(dilation_height, TL_CONV_P_DILATION_HEIGHT, TL_DEPTHWISE_CONV_P_DILATION_HEIGHT);
TL_CV_SAME_INDEX(dilation_width, TL_CONV_P_DILATION_WIDTH, TL_DEPTHWISE_CONV_P_DILATION_WIDTH);
TL_CV_SAME_INDEX(padding_top, TL_CONV_P_PADDING_TOP, TL_DEPTHWISE_CONV_P_PADDING_TOP);
TL_CV_SAME_INDEX(padding_left, TL_CONV_P_PADDING_LEFT, TL_DEPTHWISE_CONV_P_PADDING_LEFT);
TL_CV_SAME_INDEX(input_offset, TL_CONV_P_INPUT_OFFSET, TL_DEPTHWISE_CONV_P_INPUT_OFFSET);
TL_CV_SAME_INDEX(output_offset, TL_CONV_P_OUTPUT_OFFSET, TL_DEPTHWISE_CONV_P_OUTPUT_OFFSET);
TL_CV_SAME_INDEX(activation_min, TL_CONV_P_ACTIVATION_MIN, TL_DEPTHWISE_CONV_P_ACTIVATION_MIN);
TL_CV_SAME_INDEX(activation_max, TL_CONV_P_ACTIVATION_MAX, TL_DEPTHWISE_CONV_P_ACTIVATION_MAX);
TL_CV_SAME_INDEX(length, TL_CONV_P_LENGTH, TL_DEPTHWISE_CONV_P_LENGTH);
TL_CV_SAME_INDEX(in_input, TL_CONV_IN_INPUT, TL_DEPTHWISE_CONV_IN_INPUT);
TL_CV_SAME_INDEX(in_filter, TL_CONV_IN_FILTER, TL_DEPTHWISE_CONV_IN_FILTER);
TL_CV_SAME_INDEX(in_bias, TL_CONV_IN_BIAS, TL_DEPTHWISE_CONV_IN_BIAS);
TL_CV_SAME_INDEX(in_multipliers, TL_CONV_IN_MULTIPLIERS, TL_DEPTHWISE_CONV_IN_MULTIPLIERS);
TL_CV_SAME_INDEX(in_raw_bias, TL_CONV_IN_RAW_BIAS, TL_DEPTHWISE_CONV_IN_RAW_BIAS);
/* The int16 kernels' optional fifth input (the split requantization arrays) is the int8 kernels' raw-bias slot. */
TL_CV_SAME_INDEX(in_conv_s16_cmsis, TL_CONV_IN_RAW_BIAS, TL_CONV_S16_IN_CMSIS_MULTIPLIERS);
TL_CV_SAME_INDEX(in_depthwise_s16_cmsis, TL_CONV_IN_RAW_BIAS, TL_DEPTHWISE_CONV_S16_IN_CMSIS_MULTIPLIERS);
TL_CV_SAME_INDEX(out_output, TL_CONV_OUT_OUTPUT, TL_DEPTHWISE_CONV_OUT_OUTPUT);
TL_CV_SAME_INDEX(out_scratch, TL_CONV_OUT_SCRATCH, TL_DEPTHWISE_CONV_OUT_SCRATCH);
static int tl_cv_counts_ok(const tl_op *op, int32_t inputs, int32_t outputs, int32_t parameters)
{
    return op->input_count == inputs && op->output_count == outputs && op->param_count == parameters &&
           op->inputs != 0 && op->outputs != 0 && op->params != 0;
}

static int64_t tl_cv_filter_bytes(int64_t count, int32_t filter_type)
{
    if (count < 0)
    {
        return -1;
    }
    return filter_type == TL_CV_TYPE_INT4 ? (count + 1) / 2 : count;
}

/* The tensor part shared by CONV_2D and DEPTHWISE_CONV_2D (ConvChecks.Conv2D / Depthwise after Geometry). */
static tl_status tl_cv_check_conv_tensors(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                          int32_t filter_type, int64_t filter_count, int int32_bias, int int64_bias,
                                          int bias_required)
{
    const int32_t *p = op->params;
    int32_t element_bytes = activation_type == TL_CV_TYPE_INT8 ? 1 : 2;
    if (tl_cv_check_tensor(tensors, op->inputs[TL_CONV_IN_INPUT], activation_type,
                           tl_cv_product(p[TL_CONV_P_BATCHES], p[TL_CONV_P_INPUT_HEIGHT], p[TL_CONV_P_INPUT_WIDTH],
                                         p[TL_CONV_P_INPUT_DEPTH], element_bytes)) != TL_OK ||
        tl_cv_check_tensor(tensors, op->inputs[TL_CONV_IN_FILTER], filter_type,
                           tl_cv_filter_bytes(filter_count, filter_type)) != TL_OK ||
        (bias_required && op->inputs[TL_CONV_IN_BIAS] == -1) ||
        tl_cv_check_bias(tensors, op->inputs[TL_CONV_IN_BIAS], p[TL_CONV_P_OUTPUT_DEPTH], int32_bias, int64_bias) !=
            TL_OK ||
        tl_cv_check_quant(tensors, op->inputs[TL_CONV_IN_MULTIPLIERS], p[TL_CONV_P_OUTPUT_DEPTH]) != TL_OK ||
        /* Optional fifth input: for int8 activations the raw bias (ConvChecks.RawBias), int32 x out_c, which may be -1
           in a six-input record; for int16 the requantization table split into CMSIS-NN's two arrays
           (ConvChecks.CmsisNnQuant), int32 x 2 * out_c. */
        (op->input_count >= 5 && !(op->input_count == 6 && op->inputs[TL_CONV_IN_RAW_BIAS] == -1) &&
         tl_cv_check_tensor(tensors, op->inputs[TL_CONV_IN_RAW_BIAS], TL_CV_TYPE_INT32,
                            tl_cv_product(p[TL_CONV_P_OUTPUT_DEPTH], activation_type == TL_CV_TYPE_INT16 ? 8 : 4, 1, 1,
                                          1)) != TL_OK) ||
        /* Optional sixth input (int4 depthwise, ConvChecks.Depthwise): the filter in TFLite's order, same type and
           size. */
        (op->input_count == 6 &&
         tl_cv_check_tensor(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_TFLITE_FILTER], filter_type,
                            tl_cv_filter_bytes(filter_count, filter_type)) != TL_OK) ||
        tl_cv_check_tensor(tensors, op->outputs[TL_CONV_OUT_OUTPUT], activation_type,
                           tl_cv_product(p[TL_CONV_P_BATCHES], p[TL_CONV_P_OUTPUT_HEIGHT], p[TL_CONV_P_OUTPUT_WIDTH],
                                         p[TL_CONV_P_OUTPUT_DEPTH], element_bytes)) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

static void tl_cv_type_range(int32_t activation_type, int32_t *lowest, int32_t *highest)
{
    *lowest = activation_type == TL_CV_TYPE_INT8 ? -128 : -32768;
    *highest = activation_type == TL_CV_TYPE_INT8 ? 127 : 32767;
}

tl_status tl_cv_check_conv2d(const tl_op *op, const tl_tensors *tensors, int32_t activation_type, int32_t filter_type,
                             int int32_bias, int int64_bias, int bias_required)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    int32_t lowest;
    int32_t highest;
    const int32_t *p;
    /* A second output is the scratch the compiler reserves for the CMSIS-NN backend, a fifth input the raw bias it
       needs (ConvChecks.RawBias); the reference kernels ignore both. */
    if (!tl_cv_counts_ok(op, op->input_count == 5 ? 5 : 4, op->output_count == 2 ? 2 : 1, TL_CONV_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    p = op->params;
    tl_cv_decode_conv(p, &input_dims, &filter_dims, &output_dims, &params);
    tl_cv_type_range(activation_type, &lowest, &highest);
    if (tl_cv_check_shapes(TL_CV_KIND_CONV, &params, &input_dims, &filter_dims, &output_dims, lowest, highest) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_cv_check_conv_tensors(op, tensors, activation_type, filter_type,
                                    tl_cv_product(p[TL_CONV_P_OUTPUT_DEPTH], p[TL_CONV_P_FILTER_HEIGHT],
                                                  p[TL_CONV_P_FILTER_WIDTH], p[TL_CONV_P_FILTER_DEPTH], 1),
                                    int32_bias, int64_bias, bias_required);
}

tl_status tl_cv_check_depthwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                int32_t filter_type, int int32_bias, int int64_bias, int bias_required)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    int32_t lowest;
    int32_t highest;
    const int32_t *p;
    /* A second output is the scratch the compiler reserves for the CMSIS-NN backend, a fifth input the raw bias it
       needs (ConvChecks.RawBias) or the split int16 requantization arrays (ConvChecks.CmsisNnQuant), a sixth the
       filter in TFLite's order (int4 weights only); the reference kernels ignore them. */
    if (!tl_cv_counts_ok(
            op, op->input_count == 5 || (op->input_count == 6 && filter_type == TL_CV_TYPE_INT4) ? op->input_count : 4,
            op->output_count == 2 ? 2 : 1, TL_DEPTHWISE_CONV_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    p = op->params;
    tl_cv_decode_conv(p, &input_dims, &filter_dims, &output_dims, &params);
    /* The depth multiplier takes the filter depth's place in this layout; the filter has depth 1. */
    params.depth_multiplier = p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER];
    filter_dims.channels = 1;
    tl_cv_type_range(activation_type, &lowest, &highest);
    if (tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, &params, &input_dims, &filter_dims, &output_dims, lowest, highest) !=
        TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_cv_check_conv_tensors(op, tensors, activation_type, filter_type,
                                    tl_cv_product(p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH],
                                                  p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT],
                                                  p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH], 1, 1),
                                    int32_bias, int64_bias, bias_required);
}

tl_status tl_cv_check_transpose(const tl_op *op, const tl_tensors *tensors, int32_t activation_type, int int32_bias,
                                int int64_bias)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    int32_t lowest;
    int32_t highest;
    int32_t element_bytes = activation_type == TL_CV_TYPE_INT8 ? 1 : 2;
    const int32_t *p;
    if (!tl_cv_counts_ok(op, 4, 1, TL_TRANSPOSE_CONV_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    p = op->params;
    tl_cv_decode_transpose(p, &input_dims, &filter_dims, &output_dims, &params);
    tl_cv_type_range(activation_type, &lowest, &highest);
    if (tl_cv_check_shapes(TL_CV_KIND_TRANSPOSE, &params, &input_dims, &filter_dims, &output_dims, lowest, highest) !=
        TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    if (tl_cv_check_tensor(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_INPUT], activation_type,
                           tl_cv_product(p[TL_TRANSPOSE_CONV_P_BATCHES], p[TL_TRANSPOSE_CONV_P_INPUT_HEIGHT],
                                         p[TL_TRANSPOSE_CONV_P_INPUT_WIDTH], p[TL_TRANSPOSE_CONV_P_INPUT_DEPTH],
                                         element_bytes)) != TL_OK ||
        tl_cv_check_tensor(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_FILTER], TL_CV_TYPE_INT8,
                           tl_cv_product(p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH], p[TL_TRANSPOSE_CONV_P_FILTER_HEIGHT],
                                         p[TL_TRANSPOSE_CONV_P_FILTER_WIDTH], p[TL_TRANSPOSE_CONV_P_INPUT_DEPTH], 1)) !=
            TL_OK ||
        tl_cv_check_bias(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_BIAS], p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH],
                         int32_bias, int64_bias) != TL_OK ||
        tl_cv_check_quant(tensors, op->inputs[TL_TRANSPOSE_CONV_IN_MULTIPLIERS], p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH]) !=
            TL_OK ||
        tl_cv_check_tensor(tensors, op->outputs[TL_TRANSPOSE_CONV_OUT_OUTPUT], activation_type,
                           tl_cv_product(p[TL_TRANSPOSE_CONV_P_BATCHES], p[TL_TRANSPOSE_CONV_P_OUTPUT_HEIGHT],
                                         p[TL_TRANSPOSE_CONV_P_OUTPUT_WIDTH], p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH],
                                         element_bytes)) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}
