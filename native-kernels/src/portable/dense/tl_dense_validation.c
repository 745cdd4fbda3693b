/* Load-time checks shared by the dense family's kernels (mirror of DenseValidation.cs); the pooling and activation
   records' own checks are in ../pooling/tl_pool_checks.c and ../activations/tl_activation_checks.c. */
#include "tl_dense_validation.h"

#include "tl_dense_fixed_point.h"

/* tl_dv_fully_connected reads the fully_connected and fully_connected_s16 records through the first layout's names:
   the layouts of kernels.toml must agree where these checks rely on it (TL_DV_SAME_INDEX). */
TL_DV_SAME_INDEX(fc_batches, TL_FULLY_CONNECTED_P_BATCHES, TL_FULLY_CONNECTED_S16_P_BATCHES);
TL_DV_SAME_INDEX(fc_input_depth, TL_FULLY_CONNECTED_P_INPUT_DEPTH, TL_FULLY_CONNECTED_S16_P_INPUT_DEPTH);
TL_DV_SAME_INDEX(fc_output_depth, TL_FULLY_CONNECTED_P_OUTPUT_DEPTH, TL_FULLY_CONNECTED_S16_P_OUTPUT_DEPTH);
/* The per-channel flag is the last param of both (read as params[param_count - 1]). */
TL_DV_SAME_INDEX(fc_per_channel, TL_FULLY_CONNECTED_P_PER_CHANNEL, TL_FULLY_CONNECTED_P_LENGTH - 1);
TL_DV_SAME_INDEX(fc_s16_per_channel, TL_FULLY_CONNECTED_S16_P_PER_CHANNEL, TL_FULLY_CONNECTED_S16_P_LENGTH - 1);
TL_DV_SAME_INDEX(fc_in_input, TL_FULLY_CONNECTED_IN_INPUT, TL_FULLY_CONNECTED_S16_IN_INPUT);
TL_DV_SAME_INDEX(fc_in_weights, TL_FULLY_CONNECTED_IN_WEIGHTS, TL_FULLY_CONNECTED_S16_IN_WEIGHTS);
TL_DV_SAME_INDEX(fc_in_bias, TL_FULLY_CONNECTED_IN_BIAS, TL_FULLY_CONNECTED_S16_IN_BIAS);
TL_DV_SAME_INDEX(fc_in_multipliers, TL_FULLY_CONNECTED_IN_MULTIPLIERS, TL_FULLY_CONNECTED_S16_IN_MULTIPLIERS);
TL_DV_SAME_INDEX(fc_out_output, TL_FULLY_CONNECTED_OUT_OUTPUT, TL_FULLY_CONNECTED_S16_OUT_OUTPUT);

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
    const int cmsis_quant =
        io_type == TL_TYPE_INT16 && op->input_count == TL_FULLY_CONNECTED_S16_IN_CMSIS_MULTIPLIERS + 1;
    tl_status e = tl_dv_shape(op, cmsis_quant ? 5 : 4, 1, param_count);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, TL_FULLY_CONNECTED_P_BATCHES, 3, 1);
    if (e != TL_OK)
    {
        return e;
    }
    batches = p[TL_FULLY_CONNECTED_P_BATCHES];
    in_depth = p[TL_FULLY_CONNECTED_P_INPUT_DEPTH];
    out_depth = p[TL_FULLY_CONNECTED_P_OUTPUT_DEPTH];
    row_bytes = weight_bits == 4 ? (in_depth + 1) / 2 : in_depth;
    /* Keep the byte-count products below int64 overflow: no tensor can exceed 2^31 bytes anyway. */
    if (batches * in_depth > INT32_MAX || batches * out_depth > INT32_MAX)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_IN_INPUT], io_type, batches * in_depth * io_bytes);
    if (e == TL_OK)
    {
        /* Packed int4 weights are stored as raw bytes (an int8 tensor). */
        e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_IN_WEIGHTS], TL_TYPE_INT8, out_depth * row_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_IN_BIAS],
                         bias_bytes == 8 ? TL_TYPE_INT64 : TL_TYPE_INT32, out_depth * bias_bytes);
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
        e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_IN_MULTIPLIERS], TL_TYPE_INT32, pairs * 8);
    }
    if (e == TL_OK && cmsis_quant)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_CMSIS_MULTIPLIERS], TL_TYPE_INT32, pairs * 8);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_FULLY_CONNECTED_OUT_OUTPUT], io_type, batches * out_depth * io_bytes);
    }
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_requantization_pairs(tensors, op->inputs[TL_FULLY_CONNECTED_IN_MULTIPLIERS], pairs);
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

tl_status tl_dv_mean(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type, int32_t io_bytes)
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
    e = tl_dv_at_least(p, TL_MEAN_P_DIMS, 4, 1);
    if (e != TL_OK)
    {
        return e;
    }
    if (p[TL_MEAN_P_AXES_MASK] < 0 || p[TL_MEAN_P_AXES_MASK] > 15)
    {
        return TL_ERR_PARAMS;
    }
    /* Each factor is in [1, 2^31), so the product of four fits int64 only after each step is bounded. */
    total = (int64_t)p[TL_MEAN_P_DIMS] * p[TL_MEAN_P_DIMS + 1];
    if (total > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    total *= p[TL_MEAN_P_DIMS + 2];
    if (total > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    total *= p[TL_MEAN_P_DIMS + 3];
    if (total > INT32_MAX / 2)
    {
        return TL_ERR_PARAMS;
    }
    for (k = 0; k < 4; k++)
    {
        if ((p[TL_MEAN_P_AXES_MASK] & (1 << k)) == 0)
        {
            kept *= p[TL_MEAN_P_DIMS + k];
        }
    }
    e = tl_dv_tensor(tensors, op->inputs[TL_MEAN_IN_INPUT], io_type, total * io_bytes);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_MEAN_OUT_OUTPUT], io_type, kept * io_bytes);
    }
    if (e == TL_OK)
    {
        e = tl_dv_multiplier(p[TL_MEAN_P_MULTIPLIER], p[TL_MEAN_P_SHIFT]);
    }
    return e;
}

tl_status tl_dv_fully_connected_accumulate(const tl_op *op, const tl_tensors *tensors, int32_t weight_bits)
{
    const int32_t *p;
    int64_t n;
    int64_t out_depth;
    int64_t weight_bytes;
    int32_t acc;
    int32_t start;
    tl_status e = tl_dv_shape(op, 3, 1, TL_FULLY_CONNECTED_ACCUMULATE_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, 0, 2, 1);
    if (e != TL_OK)
    {
        return e;
    }
    n = p[TL_FULLY_CONNECTED_ACCUMULATE_P_SLICE_LENGTH];
    out_depth = p[TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH];
    /* n and out_depth are below 2^31, so the products fit int64. Packed int4 rows start on a byte. */
    weight_bytes = weight_bits == 8 ? out_depth * n : out_depth * ((n + 1) / 2);
    e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_INPUT], TL_TYPE_INT8, n);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_WEIGHTS], TL_TYPE_INT8, weight_bytes);
    }
    start = op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START];
    if (e == TL_OK && start != -1)
    {
        e = tl_dv_tensor(tensors, start, TL_TYPE_INT32, out_depth * 4);
    }
    acc = op->outputs[TL_FULLY_CONNECTED_ACCUMULATE_OUT_ACCUMULATORS];
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, acc, TL_TYPE_INT32, out_depth * 4);
    }
    if (e != TL_OK)
    {
        return e;
    }
    /* The kernel writes the accumulators while it still reads the slice and the weights. */
    if (tl_dv_overlap(tensors, acc, out_depth * 4, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_INPUT], n) ||
        tl_dv_overlap(tensors, acc, out_depth * 4, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_WEIGHTS], weight_bytes))
    {
        return TL_ERR_PARAMS;
    }
    /* Start values: the accumulators themselves (same first byte) or disjoint from them. */
    if (start != -1 && tl_dv_overlap(tensors, acc, out_depth * 4, start, out_depth * 4) &&
        tl_tensor_data(tensors, start) != tl_tensor_data(tensors, acc))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}
