/* Load-time checks of the in-place conv records (InPlaceChecks.cs): they carry a second output, the scratch. */
#include "tl_conv_common.h"

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

/* The geometry an in-place record computes over: for TL_CV_KIND_DEPTHWISE batches 1 and depth multiplier 1; for
   TL_CV_KIND_CONV a 1x1 filter over the whole input depth, stride 1, no padding, output height and width = input's. */
static int tl_cv_in_place_geometry(int kind, const int32_t *p)
{
    if (kind == TL_CV_KIND_DEPTHWISE)
    {
        return p[TL_DEPTHWISE_CONV_P_BATCHES] == 1 && p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER] == 1;
    }
    return p[TL_CONV_P_FILTER_HEIGHT] == 1 && p[TL_CONV_P_FILTER_WIDTH] == 1 &&
           p[TL_CONV_P_FILTER_DEPTH] == p[TL_CONV_P_INPUT_DEPTH] && p[TL_CONV_P_STRIDE_HEIGHT] == 1 &&
           p[TL_CONV_P_STRIDE_WIDTH] == 1 && p[TL_CONV_P_PADDING_TOP] == 0 && p[TL_CONV_P_PADDING_LEFT] == 0 &&
           p[TL_CONV_P_OUTPUT_HEIGHT] == p[TL_CONV_P_INPUT_HEIGHT] &&
           p[TL_CONV_P_OUTPUT_WIDTH] == p[TL_CONV_P_INPUT_WIDTH];
}

/* Both in-place records: the plain checks of the record without its scratch, the geometry, the output at the
   input's address, then the scratch output's size. */
static tl_status tl_cv_check_in_place(int kind, const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                      int32_t filter_type, int int32_bias, int int64_bias, int bias_required)
{
    tl_op plain;
    const int32_t *p;
    int32_t element_bytes = activation_type == TL_CV_TYPE_INT8 ? 1 : 2;
    if (!tl_cv_without_scratch(op, &plain))
    {
        return TL_ERR_PARAMS;
    }
    if ((kind == TL_CV_KIND_DEPTHWISE ? tl_cv_check_depthwise(&plain, tensors, activation_type, filter_type, int32_bias,
                                                              int64_bias, bias_required)
                                      : tl_cv_check_conv2d(&plain, tensors, activation_type, filter_type, int32_bias,
                                                           int64_bias, bias_required)) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    p = op->params;
    if (!tl_cv_in_place_geometry(kind, p) || !tl_cv_same_base(op, tensors))
    {
        return TL_ERR_PARAMS;
    }
    /* Scratch: depthwise one output channel (out_h * out_w elements), pointwise one output pixel (out_c). */
    return tl_cv_check_tensor(tensors,
                              op->outputs[kind == TL_CV_KIND_DEPTHWISE ? TL_DEPTHWISE_CONV_S8_IN_PLACE_OUT_SCRATCH
                                                                       : TL_POINTWISE_CONV_S8_IN_PLACE_OUT_SCRATCH],
                              TL_CV_TYPE_INT8,
                              kind == TL_CV_KIND_DEPTHWISE
                                  ? tl_cv_product(p[TL_DEPTHWISE_CONV_P_OUTPUT_HEIGHT],
                                                  p[TL_DEPTHWISE_CONV_P_OUTPUT_WIDTH], element_bytes, 1, 1)
                                  : tl_cv_product(p[TL_CONV_P_OUTPUT_DEPTH], element_bytes, 1, 1, 1));
}

tl_status tl_cv_check_in_place_depthwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                         int32_t filter_type, int int32_bias, int int64_bias, int bias_required)
{
    return tl_cv_check_in_place(TL_CV_KIND_DEPTHWISE, op, tensors, activation_type, filter_type, int32_bias, int64_bias,
                                bias_required);
}

tl_status tl_cv_check_in_place_pointwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                         int32_t filter_type, int int32_bias, int int64_bias, int bias_required)
{
    return tl_cv_check_in_place(TL_CV_KIND_CONV, op, tensors, activation_type, filter_type, int32_bias, int64_bias,
                                bias_required);
}
