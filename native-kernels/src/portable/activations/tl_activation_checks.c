/* Load-time checks of the softmax and lookup activation records (mirror of DenseValidation.cs). */
#include "tl_activation_checks.h"

#include "../dense/tl_dense_fixed_point.h"

/* tl_dv_lookup reads the lookup_s8 and lookup_s16 records through the first layout's names. */
TL_DV_SAME_INDEX(lookup_count, TL_LOOKUP_S8_P_COUNT, TL_LOOKUP_S16_P_COUNT);
TL_DV_SAME_INDEX(lookup_in_input, TL_LOOKUP_S8_IN_INPUT, TL_LOOKUP_S16_IN_INPUT);
TL_DV_SAME_INDEX(lookup_in_table, TL_LOOKUP_S8_IN_TABLE, TL_LOOKUP_S16_IN_SIGMOID_TABLE);
TL_DV_SAME_INDEX(lookup_out_output, TL_LOOKUP_S8_OUT_OUTPUT, TL_LOOKUP_S16_OUT_OUTPUT);

tl_status tl_dv_softmax_cmsis_nn_values(int32_t multiplier, int32_t shift, int32_t diff_min)
{
    /* Differences to the row maximum are at least -255; those at or above diff_min get scaled by 2^shift. */
    const int32_t lowest = diff_min < -255 ? -255 : diff_min;
    if (multiplier <= 0 || shift < 0 || shift > 30 || diff_min > 0 ||
        (int64_t)lowest * ((int64_t)1 << shift) < INT32_MIN)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_dv_softmax_s8(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t out_type,
                           int32_t out_bytes)
{
    const int32_t *p;
    int64_t count;
    const uint8_t *table;
    int k;
    /* The three CMSIS-NN values are optional (the layout's optional tail, TL_SOFTMAX_S8_P_MAX_LENGTH). */
    const int32_t count_given =
        op->param_count == TL_SOFTMAX_S8_P_MAX_LENGTH ? TL_SOFTMAX_S8_P_MAX_LENGTH : param_count;
    tl_status e = tl_dv_shape(op, 2, 1, count_given);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, TL_SOFTMAX_S8_P_ROWS, 2, 1);
    if (e == TL_OK && count_given == TL_SOFTMAX_S8_P_MAX_LENGTH)
    {
        e = tl_dv_softmax_cmsis_nn_values(p[TL_SOFTMAX_S8_P_BETA_MULTIPLIER], p[TL_SOFTMAX_S8_P_BETA_SHIFT],
                                          p[TL_SOFTMAX_S8_P_DIFF_MIN]);
    }
    if (e != TL_OK)
    {
        return e;
    }
    count = (int64_t)p[TL_SOFTMAX_S8_P_ROWS] * p[TL_SOFTMAX_S8_P_DEPTH];
    if (count > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[TL_SOFTMAX_S8_IN_INPUT], TL_TYPE_INT8, count);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_SOFTMAX_S8_IN_EXP_TABLE], TL_TYPE_INT32, 256 * 4);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_SOFTMAX_S8_OUT_OUTPUT], out_type, count * out_bytes);
    }
    if (e != TL_OK)
    {
        return e;
    }
    table = tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S8_IN_EXP_TABLE]);
    for (k = 0; k < 256; k++)
    {
        if (tl_d_read_i32(table + 4 * k) < 0)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

tl_status tl_dv_lookup(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type,
                       int32_t io_bytes, int32_t table_type, int32_t table_bytes)
{
    int64_t count;
    tl_status e = tl_dv_shape(op, 2, 1, param_count);
    if (e != TL_OK)
    {
        return e;
    }
    e = tl_dv_at_least(op->params, TL_LOOKUP_S8_P_COUNT, 1, 0);
    if (e != TL_OK)
    {
        return e;
    }
    count = op->params[TL_LOOKUP_S8_P_COUNT];
    e = tl_dv_tensor(tensors, op->inputs[TL_LOOKUP_S8_IN_INPUT], io_type, count * io_bytes);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_LOOKUP_S8_IN_TABLE], table_type, table_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_LOOKUP_S8_OUT_OUTPUT], io_type, count * io_bytes);
    }
    return e;
}

tl_status tl_dv_lookup_scaling(int32_t multiplier, int32_t shift)
{
    return (multiplier < 0 || multiplier > 32767 || shift < 0 || shift > 31) ? TL_ERR_PARAMS : TL_OK;
}

tl_status tl_dv_lookup_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_status e = tl_dv_lookup(op, tensors, TL_LOOKUP_S16_P_LENGTH, TL_TYPE_INT16, 2, TL_TYPE_INT16, 512);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_lookup_scaling(op->params[TL_LOOKUP_S16_P_INPUT_MULTIPLIER], op->params[TL_LOOKUP_S16_P_INPUT_SHIFT]);
}

void tl_lookup_s16_run(const tl_op *op, const tl_tensors *tensors, tl_lookup_s16_kernel kernel)
{
    (void)kernel(op->params[TL_LOOKUP_S16_P_COUNT], op->params[TL_LOOKUP_S16_P_INPUT_MULTIPLIER],
                 op->params[TL_LOOKUP_S16_P_INPUT_SHIFT],
                 (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LOOKUP_S16_IN_INPUT]),
                 (const uint16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LOOKUP_S16_IN_SIGMOID_TABLE]),
                 (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LOOKUP_S16_OUT_OUTPUT]));
}
