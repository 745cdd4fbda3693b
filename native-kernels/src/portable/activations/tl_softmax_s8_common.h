/*
 * The loop of SOFTMAX int8 -> int8 and int8 -> int16 (tl_softmax_s8.c, tl_softmax_s8_s16.c), bit-exact with
 * SoftmaxS8.cs / SoftmaxS8S16.cs and TFLM's reference quantized softmax: the exp of each difference to the row maximum
 * comes from the compiler's table (Q0), the sum is taken in Q12, its reciprocal by gemmlowp's 1/(1+x), and each output
 * is a rounding shift to the output's bits offset by its lowest value. Always inlined with constant output bits.
 */
#ifndef TINYLITE_TL_SOFTMAX_S8_COMMON_H
#define TINYLITE_TL_SOFTMAX_S8_COMMON_H

#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "../tl_int_element.h"

static TL_ALWAYS_INLINE tl_status tl_softmax_s8_run(int32_t outer, int32_t depth, const int8_t *input,
                                                    const int32_t *exp_table, void *output, int32_t output_bits)
{
    int32_t row, i;
    /* The output type's lowest and highest values: the offset and the clamp. */
    const int32_t lowest = output_bits == 8 ? -128 : -32768;
    const int32_t highest = output_bits == 8 ? 127 : 32767;
    if (input == 0 || exp_table == 0 || output == 0 || outer < 1 || depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    for (row = 0; row < outer; row++)
    {
        const int8_t *in_row = input + row * depth;
        const int32_t out_row = row * depth;
        int32_t max = -128;
        uint32_t sum = 0;
        int32_t headroom, bits_over_unit, shifted_sum_minus_one, exponent, round_mask, round_half;
        int64_t scale;
        for (i = 0; i < depth; i++)
        {
            if (in_row[i] > max)
            {
                max = in_row[i];
            }
        }
        /* Sum of exps in Q12: each Q0 exp (non-negative, checked at load) rounding-shifted right by 12. */
        for (i = 0; i < depth; i++)
        {
            const int32_t e = exp_table[max - in_row[i]];
            sum += (uint32_t)((e >> 12) + ((e & 4095) > 2047 ? 1 : 0));
        }
        /* 1/sum as TFLM's GetReciprocal: normalize the sum to [1, 2), take 1/(1+x) of the fraction. */
        headroom = tl_fp_count_leading_zeros(sum);
        bits_over_unit = 12 - headroom;
        shifted_sum_minus_one = (int32_t)((headroom < 32 ? (sum << headroom) : 0u) - 0x80000000u);
        scale = tl_fp_one_over_one_plus_x(shifted_sum_minus_one);
        exponent = bits_over_unit + 31 - output_bits;
        if (exponent > 31)
        {
            /* TFLM aborts here (sums beyond its range); stay in bounds instead, as the C# twin. */
            exponent = 31;
        }
        /* Shift counts taken modulo 64 / 32 as C# does: only a hostile table can make exponent negative. */
        round_mask = (int32_t)(uint32_t)(((uint64_t)1 << (exponent & 63)) - 1);
        round_half = round_mask >> 1;
        for (i = 0; i < depth; i++)
        {
            /* max - x is in [0, 255] unless an output overlapping the input has overwritten x by now (a hostile
               image's aliasing): the mask changes nothing otherwise and keeps the table read in bounds. */
            const int32_t e = exp_table[(max - in_row[i]) & 255];
            /* Doubling high multiply of two non-negative Q0 values, then rounding shift right. */
            const int32_t product = (int32_t)tl_d_asr64(scale * e + ((int64_t)1 << 30), 31);
            int32_t value = tl_d_asr32(product, exponent & 31) + ((product & round_mask) > round_half ? 1 : 0) + lowest;
            if (value > highest)
            {
                value = highest;
            }
            tl_int_store(output, out_row + i, value, output_bits / 8);
        }
    }
    return TL_OK;
}

/* Runs a validated SOFTMAX int8 record with @p output_bits-bit outputs (8 or 16). */
static TL_ALWAYS_INLINE void tl_softmax_s8_op(const tl_op *op, const tl_tensors *tensors, int32_t output_bits)
{
    (void)tl_softmax_s8_run(
        op->params[TL_SOFTMAX_S8_P_ROWS], op->params[TL_SOFTMAX_S8_P_DEPTH],
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S8_IN_INPUT]),
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S8_IN_EXP_TABLE]),
        tl_tensor_data(tensors, op->outputs[TL_SOFTMAX_S8_OUT_OUTPUT]), output_bits);
}

#endif /* TINYLITE_TL_SOFTMAX_S8_COMMON_H */
