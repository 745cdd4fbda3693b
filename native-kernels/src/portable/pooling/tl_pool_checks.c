/* Load-time checks of the pooling records (mirror of PoolGeometry.Validate and CmsisNnPoolScratch.ValidatePool). */
#include "tl_pool_checks.h"

/* Along one axis, each output's window clamped to the input is not empty. */
static tl_status tl_dv_windows(int32_t out_size, int32_t stride, int32_t filter, int32_t pad, int32_t in_size)
{
    int32_t o;
    for (o = 0; o < out_size; o++)
    {
        int64_t origin = (int64_t)o * stride - pad;
        int64_t start = origin < 0 ? -origin : 0;
        int64_t end = in_size - origin < filter ? in_size - origin : filter;
        if (start >= end)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

tl_status tl_dv_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes, int32_t type_min,
                     int32_t type_max)
{
    const int32_t *p;
    int64_t batches;
    int64_t depth;
    tl_status e = tl_dv_shape(op, 1, 1, TL_POOL_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    /* Everything up to the filter width is positive, the two paddings non-negative. */
    e = tl_dv_at_least(p, TL_POOL_P_BATCHES, TL_POOL_P_PADDING_TOP, 1);
    if (e == TL_OK)
    {
        e = tl_dv_at_least(p, TL_POOL_P_PADDING_TOP, 2, 0);
    }
    if (e != TL_OK)
    {
        return e;
    }
    batches = p[TL_POOL_P_BATCHES];
    depth = p[TL_POOL_P_DEPTH];
    /* Products of four positive int32 can exceed int64: bound the spatial part first (any tensor is < 2^31 bytes). */
    if ((int64_t)p[TL_POOL_P_INPUT_HEIGHT] * p[TL_POOL_P_INPUT_WIDTH] > INT32_MAX ||
        (int64_t)p[TL_POOL_P_OUTPUT_HEIGHT] * p[TL_POOL_P_OUTPUT_WIDTH] > INT32_MAX || batches * depth > INT32_MAX)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[TL_POOL_IN_INPUT], io_type,
                     batches * depth * ((int64_t)p[TL_POOL_P_INPUT_HEIGHT] * p[TL_POOL_P_INPUT_WIDTH]) * io_bytes);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_POOL_OUT_OUTPUT], io_type,
                         batches * depth * ((int64_t)p[TL_POOL_P_OUTPUT_HEIGHT] * p[TL_POOL_P_OUTPUT_WIDTH]) *
                             io_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_windows(p[TL_POOL_P_OUTPUT_HEIGHT], p[TL_POOL_P_STRIDE_HEIGHT], p[TL_POOL_P_FILTER_HEIGHT],
                          p[TL_POOL_P_PADDING_TOP], p[TL_POOL_P_INPUT_HEIGHT]);
    }
    if (e == TL_OK)
    {
        e = tl_dv_windows(p[TL_POOL_P_OUTPUT_WIDTH], p[TL_POOL_P_STRIDE_WIDTH], p[TL_POOL_P_FILTER_WIDTH],
                          p[TL_POOL_P_PADDING_LEFT], p[TL_POOL_P_INPUT_WIDTH]);
    }
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_activation_range(p[TL_POOL_P_ACTIVATION_MIN], p[TL_POOL_P_ACTIVATION_MAX], type_min, type_max);
}

tl_status tl_dv_average_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                             int32_t act_lo, int32_t act_hi)
{
    tl_op pool;
    tl_status e;
    int32_t scratch;
    if (op->output_count != TL_POOL_OUT_SCRATCH + 1)
    {
        return tl_dv_pool(op, tensors, io_type, io_bytes, act_lo, act_hi);
    }
    /* A second output is the CMSIS-NN scratch (compile --cmsis-nn; unused by the reference kernels): the record is
       checked without it, then the scratch. */
    pool = *op;
    pool.output_count = 1;
    e = tl_dv_pool(&pool, tensors, io_type, io_bytes, act_lo, act_hi);
    if (e != TL_OK)
    {
        return e;
    }
    scratch = op->outputs[TL_POOL_OUT_SCRATCH];
    if (tl_tensor_type(tensors, scratch) != TL_TYPE_INT8 ||
        tl_tensor_bytes(tensors, scratch) < 4 * (int64_t)op->params[TL_POOL_P_DEPTH] ||
        tl_tensor_data(tensors, scratch) == 0 || ((uintptr_t)tl_tensor_data(tensors, scratch) & 3u) != 0)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_dv_pool_params(const int32_t *p, tl_pool_params *out)
{
    out->batches = p[TL_POOL_P_BATCHES];
    out->in_height = p[TL_POOL_P_INPUT_HEIGHT];
    out->in_width = p[TL_POOL_P_INPUT_WIDTH];
    out->depth = p[TL_POOL_P_DEPTH];
    out->out_height = p[TL_POOL_P_OUTPUT_HEIGHT];
    out->out_width = p[TL_POOL_P_OUTPUT_WIDTH];
    out->stride_height = p[TL_POOL_P_STRIDE_HEIGHT];
    out->stride_width = p[TL_POOL_P_STRIDE_WIDTH];
    out->filter_height = p[TL_POOL_P_FILTER_HEIGHT];
    out->filter_width = p[TL_POOL_P_FILTER_WIDTH];
    out->pad_top = p[TL_POOL_P_PADDING_TOP];
    out->pad_left = p[TL_POOL_P_PADDING_LEFT];
    out->act_min = p[TL_POOL_P_ACTIVATION_MIN];
    out->act_max = p[TL_POOL_P_ACTIVATION_MAX];
}

int tl_dv_pool_params_ok(const tl_pool_params *params)
{
    return params != 0 && params->batches >= 1 && params->in_height >= 1 && params->in_width >= 1 &&
           params->depth >= 1 && params->out_height >= 1 && params->out_width >= 1 && params->stride_height >= 1 &&
           params->stride_width >= 1 && params->filter_height >= 1 && params->filter_width >= 1 &&
           params->pad_top >= 0 && params->pad_left >= 0;
}
