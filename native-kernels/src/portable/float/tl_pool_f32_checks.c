/* Load-time checks of the pool_f32 and activation_f32 layouts (mirror of PoolF32Checks.cs and FloatChecks.cs). */
#include "tl_float_checks.h"

/* Along one axis: every output's window, clamped to the input, is not empty (TFLM fails on an empty average). */
static tl_status tl_fl_pool_windows(int32_t out_size, int32_t stride, int32_t filter, int32_t pad, int32_t in_size)
{
    int32_t o;
    if (tl_fl_reach(out_size, stride, filter, 1, pad) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    for (o = 0; o < out_size; o++)
    {
        const int64_t origin = (int64_t)o * stride - pad;
        const int64_t start = origin < 0 ? -origin : 0;
        const int64_t end = in_size - origin < filter ? in_size - origin : filter;
        if (start >= end)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

tl_status tl_fl_pool_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_fl_shape(op, 1, 1, TL_POOL_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (tl_fl_within(p, TL_POOL_F32_P_BATCHES, TL_POOL_F32_P_PADDING_TOP - TL_POOL_F32_P_BATCHES, 1, INT32_MAX) !=
            TL_OK ||
        tl_fl_within(p, TL_POOL_F32_P_PADDING_TOP, 2, 0, 65535) != TL_OK ||
        tl_fl_tensor(tensors, op->inputs[TL_POOL_F32_IN_INPUT],
                     tl_fl_elements(p[TL_POOL_F32_P_BATCHES], p[TL_POOL_F32_P_INPUT_HEIGHT],
                                    p[TL_POOL_F32_P_INPUT_WIDTH], p[TL_POOL_F32_P_DEPTH])) != TL_OK ||
        tl_fl_tensor(tensors, op->outputs[TL_POOL_F32_OUT_OUTPUT],
                     tl_fl_elements(p[TL_POOL_F32_P_BATCHES], p[TL_POOL_F32_P_OUTPUT_HEIGHT],
                                    p[TL_POOL_F32_P_OUTPUT_WIDTH], p[TL_POOL_F32_P_DEPTH])) != TL_OK ||
        tl_fl_pool_windows(p[TL_POOL_F32_P_OUTPUT_HEIGHT], p[TL_POOL_F32_P_STRIDE_HEIGHT],
                           p[TL_POOL_F32_P_FILTER_HEIGHT], p[TL_POOL_F32_P_PADDING_TOP],
                           p[TL_POOL_F32_P_INPUT_HEIGHT]) != TL_OK ||
        tl_fl_pool_windows(p[TL_POOL_F32_P_OUTPUT_WIDTH], p[TL_POOL_F32_P_STRIDE_WIDTH], p[TL_POOL_F32_P_FILTER_WIDTH],
                           p[TL_POOL_F32_P_PADDING_LEFT], p[TL_POOL_F32_P_INPUT_WIDTH]) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_fl_activation_range(p[TL_POOL_F32_P_ACTIVATION_MIN], p[TL_POOL_F32_P_ACTIVATION_MAX]);
}

tl_status tl_fl_activation_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status e = tl_fl_shape(op, 1, 1, TL_ACTIVATION_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    if (tl_fl_within(op->params, TL_ACTIVATION_F32_P_COUNT, 1, 0, INT32_MAX) != TL_OK ||
        tl_fl_tensor(tensors, op->inputs[TL_ACTIVATION_F32_IN_INPUT], op->params[TL_ACTIVATION_F32_P_COUNT]) != TL_OK ||
        tl_fl_tensor(tensors, op->outputs[TL_ACTIVATION_F32_OUT_OUTPUT], op->params[TL_ACTIVATION_F32_P_COUNT]) !=
            TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}
