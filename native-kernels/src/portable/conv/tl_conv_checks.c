/*
 * Load-time checks shared by the conv kernels: the twins of nf-runtime/src/Kernels/Conv/ConvChecks.cs, plus
 * the Params decoders. Every check returns TL_OK or TL_ERR_PARAMS; sizes are computed with a cap so that a
 * hostile image cannot overflow them.
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

int64_t tl_cv_product(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e)
{
    int32_t factors[5];
    int64_t product = 1;
    int i;
    factors[0] = a;
    factors[1] = b;
    factors[2] = c;
    factors[3] = d;
    factors[4] = e;
    for (i = 0; i < 5; i++)
    {
        if (factors[i] < 0)
        {
            return -1;
        }
        /* product <= INT32_MAX and factor <= INT32_MAX: the int64 product cannot overflow. */
        product *= factors[i];
        if (product > INT32_MAX)
        {
            return -1;
        }
    }
    return product;
}

tl_status tl_cv_check_tensor(const tl_tensors *tensors, int32_t t, int32_t type, int64_t bytes)
{
    /* tl_tensor_type is -1 for an index out of range; the runner has checked every tensor lies inside its
       buffer (arena or image), which is ConvChecks.Tensor's last test. */
    if (t < 0 || tl_tensor_type(tensors, t) != type)
    {
        return TL_ERR_PARAMS;
    }
    if (bytes < 0 || (int64_t)tl_tensor_bytes(tensors, t) != bytes)
    {
        return TL_ERR_PARAMS;
    }
    if (bytes > 0 && tl_tensor_data(tensors, t) == 0)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_cv_check_quant(const tl_tensors *tensors, int32_t t, int32_t channels)
{
    const uint8_t *table;
    int32_t c;
    if (tl_cv_check_tensor(tensors, t, TL_CV_TYPE_INT32, tl_cv_product(channels, 8, 1, 1, 1)) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    table = tl_tensor_data(tensors, t);
    for (c = 0; c < channels; c++)
    {
        int32_t multiplier = tl_cv_load_i32(table + (int64_t)c * 8);
        int32_t shift = tl_cv_load_i32(table + (int64_t)c * 8 + 4);
        if (multiplier < 0 || shift < -31 || shift > 31)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

tl_status tl_cv_check_bias(const tl_tensors *tensors, int32_t t, int32_t channels, int int32_ok, int int64_ok)
{
    int32_t type;
    if (t == -1)
    {
        return TL_OK;
    }
    type = tl_tensor_type(tensors, t);
    if (t < 0 || type < 0)
    {
        return TL_ERR_PARAMS;
    }
    if (type == TL_CV_TYPE_INT32 && int32_ok)
    {
        return tl_cv_check_tensor(tensors, t, TL_CV_TYPE_INT32, tl_cv_product(channels, 4, 1, 1, 1));
    }
    if (type == TL_CV_TYPE_INT64 && int64_ok)
    {
        return tl_cv_check_tensor(tensors, t, TL_CV_TYPE_INT64, tl_cv_product(channels, 8, 1, 1, 1));
    }
    return TL_ERR_PARAMS;
}

static int tl_cv_in_range(int32_t value, int32_t min, int32_t max)
{
    return value >= min && value <= max;
}

static int tl_cv_dims_ok(const tl_conv_dims *d)
{
    return tl_cv_in_range(d->batches, 1, TL_CV_MAX_DIM) && tl_cv_in_range(d->height, 1, TL_CV_MAX_DIM) &&
           tl_cv_in_range(d->width, 1, TL_CV_MAX_DIM) && tl_cv_in_range(d->channels, 1, TL_CV_MAX_DIM);
}

/* ConvChecks.Reach: the last window origin (out - 1) * stride and the window span dilation * (filter - 1)
   each stay below 2^29, so no window coordinate can overflow int32. */
static int tl_cv_reach_ok(int32_t outputs, int32_t stride, int32_t taps, int32_t dilation)
{
    int64_t origin = ((int64_t)outputs - 1) * stride;
    int64_t span = (int64_t)dilation * (taps - 1);
    return origin < ((int64_t)1 << 29) && span < ((int64_t)1 << 29);
}

tl_status tl_cv_check_shapes(int kind, const tl_conv_params *params, const tl_conv_dims *input_dims,
                             const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims, int32_t lowest,
                             int32_t highest)
{
    if (params == 0 || input_dims == 0 || filter_dims == 0 || output_dims == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    if (!tl_cv_dims_ok(input_dims) || !tl_cv_dims_ok(filter_dims) || !tl_cv_dims_ok(output_dims))
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_cv_in_range(params->stride_h, 1, TL_CV_MAX_DIM) || !tl_cv_in_range(params->stride_w, 1, TL_CV_MAX_DIM) ||
        !tl_cv_in_range(params->dilation_h, 1, TL_CV_MAX_DIM) ||
        !tl_cv_in_range(params->dilation_w, 1, TL_CV_MAX_DIM) || !tl_cv_in_range(params->pad_top, 0, TL_CV_MAX_DIM) ||
        !tl_cv_in_range(params->pad_left, 0, TL_CV_MAX_DIM))
    {
        return TL_ERR_PARAMS;
    }
    if (params->act_min < lowest || params->act_max > highest || params->act_min > params->act_max)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_cv_in_range(params->input_offset, -TL_CV_MAX_OFFSET, TL_CV_MAX_OFFSET) ||
        !tl_cv_in_range(params->output_offset, -TL_CV_MAX_OFFSET, TL_CV_MAX_OFFSET))
    {
        return TL_ERR_PARAMS;
    }
    if (input_dims->batches != output_dims->batches || filter_dims->batches != output_dims->channels)
    {
        return TL_ERR_PARAMS;
    }
    if (kind != TL_CV_KIND_TRANSPOSE &&
        (!tl_cv_reach_ok(output_dims->height, params->stride_h, filter_dims->height, params->dilation_h) ||
         !tl_cv_reach_ok(output_dims->width, params->stride_w, filter_dims->width, params->dilation_w)))
    {
        return TL_ERR_PARAMS;
    }
    if (kind == TL_CV_KIND_CONV)
    {
        /* groups = in_c / f_c >= 1 and every group owns out_c / groups filters. */
        if (input_dims->channels % filter_dims->channels != 0 ||
            output_dims->channels % (input_dims->channels / filter_dims->channels) != 0)
        {
            return TL_ERR_PARAMS;
        }
    }
    else if (kind == TL_CV_KIND_DEPTHWISE)
    {
        if (!tl_cv_in_range(params->depth_multiplier, 1, TL_CV_MAX_DIM) || filter_dims->channels != 1 ||
            tl_cv_product(input_dims->channels, params->depth_multiplier, 1, 1, 1) != output_dims->channels)
        {
            return TL_ERR_PARAMS;
        }
    }
    else
    {
        if (filter_dims->channels != input_dims->channels)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

void tl_cv_decode_conv(const int32_t *p, tl_conv_dims *input_dims, tl_conv_dims *filter_dims,
                       tl_conv_dims *output_dims, tl_conv_params *params)
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
         tl_cv_check_tensor(
             tensors, op->inputs[TL_CONV_IN_RAW_BIAS], TL_CV_TYPE_INT32,
             tl_cv_product(p[TL_CONV_P_OUTPUT_DEPTH], activation_type == TL_CV_TYPE_INT16 ? 8 : 4, 1, 1, 1)) != TL_OK) ||
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
    if (tl_cv_check_shapes(TL_CV_KIND_CONV, &params, &input_dims, &filter_dims, &output_dims, lowest, highest) !=
        TL_OK)
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
    if (!tl_cv_counts_ok(op,
                         op->input_count == 5 || (op->input_count == 6 && filter_type == TL_CV_TYPE_INT4) ? op->input_count : 4,
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
    if (tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, &params, &input_dims, &filter_dims, &output_dims, lowest,
                           highest) != TL_OK)
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

/* ---- InPlaceChecks.cs: the in-place records carry a second output, the scratch ---- */

/* The record without its scratch output (InPlaceChecks.WithoutScratch), for the plain checks. */
static int tl_cv_without_scratch(const tl_op *op, tl_op *plain)
{
    if (op->output_count != 2 || op->outputs == 0)
    {
        /* expected 2 outputs (output, scratch) */
        return 0;
    }
    *plain = *op;
    plain->output_count = 1;
    return 1;
}

/* The kernels compute over their input: the output must start where the input starts (same buffer, same
   offset, hence the same address). */
static int tl_cv_same_base(const tl_op *op, const tl_tensors *tensors)
{
    return tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]) ==
           tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]);
}

tl_status tl_cv_check_in_place_depthwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                         int32_t filter_type, int int32_bias, int int64_bias, int bias_required)
{
    tl_op plain;
    const int32_t *p;
    int32_t element_bytes = activation_type == TL_CV_TYPE_INT8 ? 1 : 2;
    if (!tl_cv_without_scratch(op, &plain) ||
        tl_cv_check_depthwise(&plain, tensors, activation_type, filter_type, int32_bias, int64_bias,
                              bias_required) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    p = op->params;
    /* in-place depthwise needs batches 1 and depth multiplier 1 */
    if (p[TL_DEPTHWISE_CONV_P_BATCHES] != 1 || p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER] != 1 ||
        !tl_cv_same_base(op, tensors))
    {
        return TL_ERR_PARAMS;
    }
    /* Scratch: one output channel, out_h * out_w elements. */
    return tl_cv_check_tensor(
        tensors, op->outputs[TL_DEPTHWISE_CONV_S8_IN_PLACE_OUT_SCRATCH], TL_CV_TYPE_INT8,
        tl_cv_product(p[TL_DEPTHWISE_CONV_P_OUTPUT_HEIGHT], p[TL_DEPTHWISE_CONV_P_OUTPUT_WIDTH], element_bytes, 1, 1));
}

tl_status tl_cv_check_in_place_pointwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                         int32_t filter_type, int int32_bias, int int64_bias, int bias_required)
{
    tl_op plain;
    const int32_t *p;
    int32_t element_bytes = activation_type == TL_CV_TYPE_INT8 ? 1 : 2;
    if (!tl_cv_without_scratch(op, &plain) ||
        tl_cv_check_conv2d(&plain, tensors, activation_type, filter_type, int32_bias, int64_bias, bias_required) !=
            TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    p = op->params;
    /* 1x1 filter over the whole input depth, stride 1, no padding, output height and width = input's. */
    if (p[TL_CONV_P_FILTER_HEIGHT] != 1 || p[TL_CONV_P_FILTER_WIDTH] != 1 ||
        p[TL_CONV_P_FILTER_DEPTH] != p[TL_CONV_P_INPUT_DEPTH] || p[TL_CONV_P_STRIDE_HEIGHT] != 1 ||
        p[TL_CONV_P_STRIDE_WIDTH] != 1 || p[TL_CONV_P_PADDING_TOP] != 0 || p[TL_CONV_P_PADDING_LEFT] != 0 ||
        p[TL_CONV_P_OUTPUT_HEIGHT] != p[TL_CONV_P_INPUT_HEIGHT] ||
        p[TL_CONV_P_OUTPUT_WIDTH] != p[TL_CONV_P_INPUT_WIDTH] || !tl_cv_same_base(op, tensors))
    {
        return TL_ERR_PARAMS;
    }
    /* Scratch: one output pixel, out_c elements. */
    return tl_cv_check_tensor(tensors, op->outputs[TL_POINTWISE_CONV_S8_IN_PLACE_OUT_SCRATCH], TL_CV_TYPE_INT8,
                              tl_cv_product(p[TL_CONV_P_OUTPUT_DEPTH], element_bytes, 1, 1, 1));
}
