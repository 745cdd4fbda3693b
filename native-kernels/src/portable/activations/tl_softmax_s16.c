/*
 * SOFTMAX int16 -> int16 (code 232; zero points 0, output scale 2^-15), bit-exact with SoftmaxS16.cs / TFLM's
 * reference SoftmaxInt16: the difference to the row maximum is rescaled so that [-65535, 0] spans [-10, 0],
 * exp comes from a 513-entry interpolated table, 1/sum from a second table of 1/(1+x) after normalizing the
 * sum. The exps are kept in the output row and then scaled in place.
 */
#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_activation_checks.h"

/* Entries per table (exp over [-10, 0], then 1/(1+x) over [0, 1]). */
#define SOFTMAX_S16_TABLE_SIZE 513

/*
 * TFLM's int16 LUTLookup: the top 9 bits of value (recentred by 256) pick an entry, the low 7 bits interpolate
 * linearly to the next one with rounding. value in [-32768, 32767], so index + 1 <= 512.
 */
static inline int32_t lut_lookup(const int16_t *table, int32_t value)
{
    const int32_t index = 256 + tl_d_asr32(value, 7);
    const int32_t lower = table[index];
    const int32_t upper = table[index + 1];
    /* The difference wraps to int16 as in TFLM (int16 arithmetic). */
    const int32_t slope = (int16_t)(uint16_t)(uint32_t)(upper - lower);
    const int32_t delta = tl_d_asr32(slope * (value & 0x7F) + 64, 7);
    return (int16_t)(uint16_t)(uint32_t)(lower + delta);
}

static inline int32_t clamp16(int32_t value)
{
    return value < -32768 ? -32768 : (value > 32767 ? 32767 : value);
}

tl_status tl_softmax_s16(int32_t outer, int32_t depth, int32_t multiplier, int32_t shift, const int16_t *input,
                         const int16_t *tables, int16_t *output)
{
    const int16_t *exp_table = tables;
    const int16_t *reciprocal_table = tables + SOFTMAX_S16_TABLE_SIZE;
    int32_t row, c;
    if (input == 0 || tables == 0 || output == 0 || outer < 1 || depth < 1 || shift < -31 || shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    for (row = 0; row < outer; row++)
    {
        const int16_t *in_row = input + row * depth;
        int16_t *out_row = output + row * depth;
        int32_t max = -32768;
        uint32_t sum = 0;
        int32_t headroom_plus_one, shifted_sum, symmetric, reciprocal, right_shift;
        int64_t round;
        for (c = 0; c < depth; c++)
        {
            if (in_row[c] > max)
            {
                max = in_row[c];
            }
        }
        for (c = 0; c < depth; c++)
        {
            /* x - max is in [-65535, 0]; the rescaled difference is recentred on 32767 and saturated. */
            const int32_t scaled = tl_d_wadd(tl_d_mbqm(in_row[c] - max, multiplier, shift), 32767);
            const int32_t e = lut_lookup(exp_table, clamp16(scaled));
            out_row[c] = (int16_t)e;
            sum += (uint32_t)e;
        }
        /* Normalize the sum (shift counts modulo 64 as in C#: only hostile tables make the sum negative). */
        headroom_plus_one = tl_fp_count_leading_zeros(sum);
        shifted_sum = (int32_t)tl_d_asr64(
            (int64_t)(((uint64_t)(int64_t)(int32_t)sum << ((headroom_plus_one - 1) & 63)) + (1u << 13)), 14);
        symmetric = tl_d_wsub(tl_d_wsub(shifted_sum, 1 << 15), 1 << 16);
        reciprocal = lut_lookup(reciprocal_table, clamp16(symmetric));
        right_shift = 31 - headroom_plus_one;
        round = right_shift > 0 ? (int64_t)1 << (right_shift - 1) : 0;
        for (c = 0; c < depth; c++)
        {
            int32_t value = (int32_t)tl_d_asr64((int64_t)out_row[c] * reciprocal + round, right_shift & 63);
            value = value < 0 ? 0 : (value > 32767 ? 32767 : value);
            out_row[c] = (int16_t)value;
        }
    }
    return TL_OK;
}

tl_status tl_op_softmax_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    int64_t count;
    tl_status e = tl_dv_shape(op, 2, 1, TL_SOFTMAX_S16_P_LENGTH);
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
    count = (int64_t)p[TL_SOFTMAX_S16_P_ROWS] * p[TL_SOFTMAX_S16_P_DEPTH];
    if (count > INT32_MAX / 4)
    {
        return TL_ERR_PARAMS;
    }
    e = tl_dv_tensor(tensors, op->inputs[TL_SOFTMAX_S16_IN_INPUT], TL_TYPE_INT16, count * 2);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_SOFTMAX_S16_IN_TABLES], TL_TYPE_INT16, 2 * 2 * SOFTMAX_S16_TABLE_SIZE);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_SOFTMAX_S16_OUT_OUTPUT], TL_TYPE_INT16, count * 2);
    }
    if (e == TL_OK)
    {
        e = tl_dv_multiplier(p[TL_SOFTMAX_S16_P_INPUT_MULTIPLIER], p[TL_SOFTMAX_S16_P_INPUT_SHIFT]);
    }
    return e;
}

void tl_op_softmax_s16(const tl_op *op, const tl_tensors *tensors)
{
    (void)tl_softmax_s16(op->params[TL_SOFTMAX_S16_P_ROWS], op->params[TL_SOFTMAX_S16_P_DEPTH],
                         op->params[TL_SOFTMAX_S16_P_INPUT_MULTIPLIER], op->params[TL_SOFTMAX_S16_P_INPUT_SHIFT],
                         (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S16_IN_INPUT]),
                         (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S16_IN_TABLES]),
                         (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_SOFTMAX_S16_OUT_OUTPUT]));
}
