/*
 * TFLM's int16 sigmoid-table arithmetic, shared by LOGISTIC and TANH int16 (activations/). The LSTM gates keep
 * their own copy (recurrent/tl_lstm_common.h): through this body tl_lstm_s8 ran 13 instructions more. |x| indexes
 * the 256-entry sigmoid table (0.16 format) with linear interpolation between two entries; tanh(x) = 2 * sigmoid(2x)
 * - 1 reads the same table with one bit less of interpolation.
 */
#ifndef TINYLITE_TL_SIGMOID_S16_H
#define TINYLITE_TL_SIGMOID_S16_H

#include <stdint.h>

#include "tinylite/tl_compiler.h"
#include "tinylite/tl_fixed_point.h"
#include "tinylite/tl_status.h"

/* |scaled| as table index (its bits above @p frac_bits) and @p frac_bits bits of interpolation; an index of 255 or
   more gives @p saturated. Constant @p frac_bits and @p saturated at every call. */
static TL_ALWAYS_INLINE uint32_t tl_sigmoid_table_lookup(int32_t scaled, const uint16_t *table, int frac_bits,
                                                         uint32_t saturated)
{
    const uint32_t magnitude = (uint32_t)(scaled < 0 ? -scaled : scaled);
    const uint32_t index = magnitude >> frac_bits;
    uint32_t lower;
    uint32_t upper;
    if (index >= 255)
    {
        return saturated;
    }
    lower = table[index];
    upper = table[index + 1];
    return (lower << frac_bits) + (magnitude & ((1u << frac_bits) - 1u)) * (upper - lower);
}

/* sigmoid(x) in Q0.15 from x in steps of 1/(3 * 4096) (@p scaled): 9 bits of interpolation; negative inputs use
   1 - sigmoid(|x|). */
static TL_ALWAYS_INLINE int16_t tl_sigmoid_s16_value(int32_t scaled, const uint16_t *table)
{
    uint32_t result = tl_sigmoid_table_lookup(scaled, table, 9, 0x7FFFu << 10);
    result = scaled >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
    return (int16_t)(uint16_t)(result >> 10);
}

/* tanh(x) in Q0.15 from x in steps of 1/(3 * 4096) (@p scaled): 2 * sigmoid(2x) - 1 around the table's 0.5 (1 << 23
   before the final shift), rounded. The managed twins compute in int32 with wrapping; uint32 arithmetic gives the
   same bits without UB. */
static TL_ALWAYS_INLINE int16_t tl_tanh_s16_value(int32_t scaled, const uint16_t *table)
{
    uint32_t result = tl_sigmoid_table_lookup(scaled, table, 8, 0xFFFFu << 8);
    result = scaled >= 0 ? result - (1u << 23) + (1u << 7) : (0u - result) + (1u << 23) + (1u << 7) - 1;
    return (int16_t)(uint16_t)(uint32_t)tl_asr32((int32_t)result, 8);
}

/* The LOGISTIC (@p is_tanh 0) and TANH (@p is_tanh 1) int16 kernels: each input rescaled to steps of 1/(3 * 4096) by
   (x * multiplier + round) >> shift (int32, wrapping like the managed twins), then through the table. */
static TL_ALWAYS_INLINE tl_status tl_sigmoid_table_run(int is_tanh, int32_t count, int32_t multiplier, int32_t shift,
                                                       const int16_t *input, const uint16_t *table, int16_t *output)
{
    int32_t i;
    int32_t round;
    if (input == 0 || table == 0 || output == 0 || count < 0 || multiplier < 0 || multiplier > 32767 || shift < 0 ||
        shift > 31)
    {
        return TL_ERR_ARGUMENT;
    }
    round = shift > 0 ? (int32_t)((uint32_t)1 << (shift - 1)) : 0;
    for (i = 0; i < count; i++)
    {
        /* |x * multiplier| <= 32768 * 32767 and round <= 2^30: the sum stays inside int32. */
        const int32_t scaled = tl_asr32(tl_add32_wrap(input[i] * multiplier, round), shift);
        output[i] = is_tanh ? tl_tanh_s16_value(scaled, table) : tl_sigmoid_s16_value(scaled, table);
    }
    return TL_OK;
}

#endif
