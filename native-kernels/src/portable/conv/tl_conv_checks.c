/*
 * Checks shared by the conv kernels' selectors and record checks: the twins of nf-runtime/src/Kernels/Conv/
 * ConvChecks.cs for tensors, quantization tables, biases and shapes. Every check returns TL_OK or TL_ERR_PARAMS;
 * sizes are computed with a cap so that a hostile image cannot overflow them. The image records' own checks are in
 * tl_conv_record_checks.c and tl_conv_in_place_checks.c, the Params decoders in tl_conv_decode.c.
 */
#include "tl_conv_common.h"

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

tl_status tl_cv_check_call(int kind, const tl_conv_params *params, const tl_conv_quant *quant,
                           const tl_conv_dims *input_dims, const void *input, const tl_conv_dims *filter_dims,
                           const void *filter, const void *bias, const tl_conv_dims *output_dims, const void *output)
{
    const tl_status status = tl_cv_check_shapes(kind, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter == 0 || output == 0 || bias == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}

tl_status tl_cv_check_in_place_shapes(int kind, const tl_conv_params *params, const tl_conv_dims *input_dims,
                                      const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims, int32_t lowest,
                                      int32_t highest)
{
    const tl_status status = tl_cv_check_shapes(kind, params, input_dims, filter_dims, output_dims, lowest, highest);
    if (status != TL_OK)
    {
        return status;
    }
    if (kind == TL_CV_KIND_DEPTHWISE)
    {
        return input_dims->batches != 1 || params->depth_multiplier != 1 ? TL_ERR_PARAMS : TL_OK;
    }
    if (filter_dims->height != 1 || filter_dims->width != 1 || filter_dims->channels != input_dims->channels ||
        params->stride_h != 1 || params->stride_w != 1 || params->pad_top != 0 || params->pad_left != 0 ||
        output_dims->height != input_dims->height || output_dims->width != input_dims->width)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_cv_check_in_place_call(int kind, const tl_conv_params *params, const tl_conv_quant *quant,
                                    const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims, const void *filter,
                                    const void *bias, const tl_conv_dims *output_dims, const void *data,
                                    const void *scratch)
{
    const tl_status status = tl_cv_check_in_place_shapes(kind, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || filter == 0 || bias == 0 || data == 0 || scratch == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}
