/* Load-time checks shared by the dense kernels (mirror of DenseValidation.cs and PoolGeometry.Validate). */
#include "tl_dense_validation.h"

#include "tl_dense_fixed_point.h"

tl_status tl_dv_shape(const tl_op *op, int32_t inputs, int32_t outputs, int32_t param_count)
{
    if (op->inputs == 0 || op->input_count != inputs)
    {
        return TL_ERR_PARAMS;
    }
    if (op->outputs == 0 || op->output_count != outputs)
    {
        return TL_ERR_PARAMS;
    }
    if ((op->params == 0 && param_count > 0) || op->param_count != param_count)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_dv_tensor(const tl_tensors *tensors, int32_t t, int32_t type, int64_t min_bytes)
{
    int32_t actual_type;
    int32_t size;
    if (t < 0)
    {
        return TL_ERR_PARAMS;
    }
    actual_type = tl_tensor_type(tensors, t);
    /* -1: index out of range. */
    if (actual_type < 0)
    {
        return TL_ERR_PARAMS;
    }
    if (type >= 0 && actual_type != type)
    {
        return TL_ERR_PARAMS;
    }
    if (tl_tensor_data(tensors, t) == 0)
    {
        return TL_ERR_PARAMS;
    }
    size = tl_tensor_bytes(tensors, t);
    if (size < 0 || min_bytes < 0 || (int64_t)size < min_bytes)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_dv_at_least(const int32_t *params, int32_t first, int32_t count, int32_t min)
{
    int32_t i;
    for (i = first; i < first + count; i++)
    {
        if (params[i] < min)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

tl_status tl_dv_activation_range(int32_t act_min, int32_t act_max, int32_t lo, int32_t hi)
{
    return (act_min < lo || act_max > hi || act_min > act_max) ? TL_ERR_PARAMS : TL_OK;
}

tl_status tl_dv_multiplier(int32_t multiplier, int32_t shift)
{
    return (multiplier < 0 || shift < -31 || shift > 30) ? TL_ERR_PARAMS : TL_OK;
}

tl_status tl_dv_fully_connected(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type,
                                int32_t io_bytes, int32_t weight_bits, int32_t bias_bytes)
{
    const int32_t *p;
    int64_t batches;
    int64_t in_depth;
    int64_t out_depth;
    int64_t row_bytes;
    int32_t per_channel;
    int64_t pairs;
    /* int16: an optional fifth input, the requantization table split into CMSIS-NN's two arrays (the compiler's
       marker that CMSIS-NN is proven bit-exact for the record), not read by the reference kernel. */
    const int cmsis_quant = io_type == TL_TYPE_INT16 && op->input_count == 5;
    tl_status e = tl_dv_shape(op, cmsis_quant ? 5 : 4, 1, param_count);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, 0, 3, 1);
    if (e != TL_OK)
    {
        return e;
    }
    batches = p[0];
    in_depth = p[1];
    out_depth = p[2];
    row_bytes = weight_bits == 4 ? (in_depth + 1) / 2 : in_depth;
    /* Keep the byte-count products below int64 overflow: no tensor can exceed 2^31 bytes anyway. */
    if (batches * in_depth > INT32_MAX || batches * out_depth > INT32_MAX)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[0], io_type, batches * in_depth * io_bytes);
    if (e == TL_OK)
    {
        /* Packed int4 weights are stored as raw bytes (an int8 tensor). */
        e = tl_dv_tensor(tensors, op->inputs[1], TL_TYPE_INT8, out_depth * row_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[2], bias_bytes == 8 ? TL_TYPE_INT64 : TL_TYPE_INT32,
                         out_depth * bias_bytes);
    }
    /* Last param: 1 = one requantization pair per output channel, 0 = one pair for all. */
    per_channel = p[param_count - 1];
    if (per_channel != 0 && per_channel != 1)
    {
        return TL_ERR_PARAMS;
    }
    pairs = per_channel != 0 ? out_depth : 1;
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[3], TL_TYPE_INT32, pairs * 8);
    }
    if (e == TL_OK && cmsis_quant)
    {
        e = tl_dv_tensor(tensors, op->inputs[4], TL_TYPE_INT32, pairs * 8);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[0], io_type, batches * out_depth * io_bytes);
    }
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_requantization_pairs(tensors, op->inputs[3], pairs);
}

tl_status tl_dv_requantization_pairs(const tl_tensors *tensors, int32_t t, int64_t pairs)
{
    const uint8_t *quant = tl_tensor_data(tensors, t);
    int64_t o;
    for (o = 0; o < pairs; o++)
    {
        tl_status e = tl_dv_multiplier(tl_d_read_i32(quant + o * 8), tl_d_read_i32(quant + o * 8 + 4));
        if (e != TL_OK)
        {
            return e;
        }
    }
    return TL_OK;
}

int tl_dv_overlap(const tl_tensors *tensors, int32_t a, int64_t bytes_a, int32_t b, int64_t bytes_b)
{
    /* Integer addresses: comparing pointers into different objects is undefined in C. */
    const uintptr_t start_a = (uintptr_t)tl_tensor_data(tensors, a);
    const uintptr_t start_b = (uintptr_t)tl_tensor_data(tensors, b);
    if (start_a == 0 || start_b == 0 || bytes_a <= 0 || bytes_b <= 0)
    {
        return 0;
    }
    /* Both ranges lie inside their tensors (checked by tl_dv_tensor), so the sums cannot wrap. */
    return start_a < start_b + (uintptr_t)bytes_b && start_b < start_a + (uintptr_t)bytes_a;
}

tl_status tl_dv_mean(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type,
                     int32_t io_bytes)
{
    const int32_t *p;
    int64_t total;
    int64_t kept = 1;
    int k;
    tl_status e = tl_dv_shape(op, 1, 1, param_count);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, 0, 4, 1);
    if (e != TL_OK)
    {
        return e;
    }
    if (p[4] < 0 || p[4] > 15)
    {
        return TL_ERR_PARAMS;
    }
    /* Each factor is in [1, 2^31), so the product of four fits int64 only after each step is bounded. */
    total = (int64_t)p[0] * p[1];
    if (total > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    total *= p[2];
    if (total > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    total *= p[3];
    if (total > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    for (k = 0; k < 4; k++)
    {
        if ((p[4] & (1 << k)) == 0)
        {
            kept *= p[k];
        }
    }
    e = tl_dv_tensor(tensors, op->inputs[0], io_type, total * io_bytes);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[0], io_type, kept * io_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_multiplier(p[5], p[6]);
    }
    return e;
}

tl_status tl_dv_softmax_cmsis_nn_values(int32_t multiplier, int32_t shift, int32_t diff_min)
{
    /* Differences to the row maximum are at least -255; those at or above diff_min get scaled by 2^shift. */
    const int32_t lowest = diff_min < -255 ? -255 : diff_min;
    if (multiplier <= 0 || shift < 0 || shift > 30 || diff_min > 0 || (int64_t)lowest * ((int64_t)1 << shift) < INT32_MIN)
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
    /* The three CMSIS-NN values are optional (TL_SOFTMAX_S8_CMSIS_NN_PARAM_COUNT). */
    const int32_t count_given =
        op->param_count == TL_SOFTMAX_S8_CMSIS_NN_PARAM_COUNT ? TL_SOFTMAX_S8_CMSIS_NN_PARAM_COUNT : param_count;
    tl_status e = tl_dv_shape(op, 2, 1, count_given);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, 0, 2, 1);
    if (e == TL_OK && count_given == TL_SOFTMAX_S8_CMSIS_NN_PARAM_COUNT)
    {
        e = tl_dv_softmax_cmsis_nn_values(p[2], p[3], p[4]);
    }
    if (e != TL_OK)
    {
        return e;
    }
    count = (int64_t)p[0] * p[1];
    if (count > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[0], TL_TYPE_INT8, count);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[1], TL_TYPE_INT32, 256 * 4);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[0], out_type, count * out_bytes);
    }
    if (e != TL_OK)
    {
        return e;
    }
    table = tl_tensor_data(tensors, op->inputs[1]);
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
    e = tl_dv_at_least(op->params, 0, 1, 0);
    if (e != TL_OK)
    {
        return e;
    }
    count = op->params[0];
    e = tl_dv_tensor(tensors, op->inputs[0], io_type, count * io_bytes);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[1], table_type, table_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[0], io_type, count * io_bytes);
    }
    return e;
}

tl_status tl_dv_lookup_scaling(int32_t multiplier, int32_t shift)
{
    return (multiplier < 0 || multiplier > 32767 || shift < 0 || shift > 31) ? TL_ERR_PARAMS : TL_OK;
}

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

tl_status tl_dv_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                     int32_t type_min, int32_t type_max)
{
    const int32_t *p;
    int64_t batches;
    int64_t depth;
    tl_status e = tl_dv_shape(op, 1, 1, 14);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, 0, 10, 1);
    if (e == TL_OK)
    {
        e = tl_dv_at_least(p, 10, 2, 0);
    }
    if (e != TL_OK)
    {
        return e;
    }
    batches = p[0];
    depth = p[3];
    /* Products of four positive int32 can exceed int64: bound the spatial part first (any tensor is < 2^31 bytes). */
    if ((int64_t)p[1] * p[2] > INT32_MAX || (int64_t)p[4] * p[5] > INT32_MAX || batches * depth > INT32_MAX)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[0], io_type, batches * depth * ((int64_t)p[1] * p[2]) * io_bytes);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[0], io_type, batches * depth * ((int64_t)p[4] * p[5]) * io_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_windows(p[4], p[6], p[8], p[10], p[1]);
    }
    if (e == TL_OK)
    {
        e = tl_dv_windows(p[5], p[7], p[9], p[11], p[2]);
    }
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_activation_range(p[12], p[13], type_min, type_max);
}

tl_status tl_dv_average_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                             int32_t act_lo, int32_t act_hi)
{
    tl_op pool;
    tl_status e;
    int32_t scratch;
    if (op->output_count != 2)
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
    scratch = op->outputs[1];
    if (tl_tensor_type(tensors, scratch) != TL_TYPE_INT8 || tl_tensor_bytes(tensors, scratch) < 4 * (int64_t)op->params[3] ||
        tl_tensor_data(tensors, scratch) == 0 || ((uintptr_t)tl_tensor_data(tensors, scratch) & 3u) != 0)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_dv_pool_params(const int32_t *p, tl_pool_params *out)
{
    out->batches = p[0];
    out->in_height = p[1];
    out->in_width = p[2];
    out->depth = p[3];
    out->out_height = p[4];
    out->out_width = p[5];
    out->stride_height = p[6];
    out->stride_width = p[7];
    out->filter_height = p[8];
    out->filter_width = p[9];
    out->pad_top = p[10];
    out->pad_left = p[11];
    out->act_min = p[12];
    out->act_max = p[13];
}

int tl_dv_pool_params_ok(const tl_pool_params *params)
{
    return params != 0 && params->batches >= 1 && params->in_height >= 1 && params->in_width >= 1 &&
           params->depth >= 1 && params->out_height >= 1 && params->out_width >= 1 && params->stride_height >= 1 &&
           params->stride_width >= 1 && params->filter_height >= 1 && params->filter_width >= 1 &&
           params->pad_top >= 0 && params->pad_left >= 0;
}
