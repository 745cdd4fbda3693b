/* Pieces shared by the LSTM kernels (mirror of LstmGateMath.cs and LstmValidation.cs). */
#ifndef TINYLITE_TL_LSTM_COMMON_H
#define TINYLITE_TL_LSTM_COMMON_H

#include "tinylite/tl_compiler.h"
#include "tinylite/tl_fixed_point.h"
#include "tinylite/tl_recurrent_kernels.h"

/** Clamps to the int16 range. */
static inline int32_t tl_lstm_saturate16(int32_t v)
{
    return v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
}

/** TFLM's int16 Logistic with multiplier 0: Q3.12 -> Q0.15 through the sigmoid table (LstmGateMath.Sigmoid). */
static inline int32_t tl_lstm_sigmoid(int32_t x, const uint16_t *table)
{
    const int32_t scaled = x * 3;
    const uint32_t magnitude = (uint32_t)(scaled < 0 ? -scaled : scaled);
    const uint32_t index = magnitude >> 9;
    uint32_t result;
    if (index >= 255)
    {
        result = 0x7FFFu << 10;
    }
    else
    {
        const uint32_t lower = table[index];
        const uint32_t upper = table[index + 1];
        result = (lower << 9) + (magnitude & 0x1FF) * (upper - lower);
    }
    result = scaled >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
    return (int16_t)(uint16_t)(result >> 10);
}

/** TFLM's int16 Tanh after the (x * multiplier + round) >> shift rescaling (LstmGateMath.Tanh). */
static inline int32_t tl_lstm_tanh(int32_t x, int32_t multiplier, int32_t shift, const uint16_t *table)
{
    /* |x| <= 32768 and multiplier <= 49152 (validated): the product and the rounding stay inside int32. */
    const int32_t round = shift > 0 ? (int32_t)((uint32_t)1 << (shift - 1)) : 0;
    const int32_t scaled = tl_asr32(x * multiplier + round, shift);
    const uint32_t magnitude = (uint32_t)(scaled < 0 ? -scaled : scaled);
    const uint32_t index = magnitude >> 8;
    uint32_t result;
    if (index >= 255)
    {
        result = 0xFFFFu << 8;
    }
    else
    {
        const uint32_t lower = table[index];
        const uint32_t upper = table[index + 1];
        result = (lower << 8) + (magnitude & 0xFF) * (upper - lower);
    }
    /* The managed twin computes in int32 with wrapping; uint32 arithmetic gives the same bits without UB. */
    result = scaled >= 0 ? result - (1u << 23) + (1u << 7) : (0u - result) + (1u << 23) + (1u << 7) - 1;
    return (int16_t)(uint16_t)(uint32_t)tl_asr32((int32_t)result, 8);
}

/**
 * The cell update and hidden value of one unit from its four activated gates (Q0.15): updates *cell and returns the
 * new hidden value, clamped to the output state's range.
 */
static inline int32_t tl_lstm_update_unit(const tl_lstm_params *p, int32_t input_gate, int32_t forget_gate,
                                          int32_t cell_gate, int32_t output_gate, int16_t *cell, const uint16_t *table)
{
    int32_t c = *cell;
    const int32_t kept = tl_lstm_saturate16(
        tl_multiply_by_quantized_multiplier(forget_gate * c, p->forget_cell_multiplier, p->forget_cell_shift));
    const int32_t added = tl_lstm_saturate16(
        tl_multiply_by_quantized_multiplier(input_gate * cell_gate, p->input_cell_multiplier, p->input_cell_shift));
    int32_t activated;
    int32_t h;
    c = tl_lstm_saturate16(kept + added);
    if (p->cell_clip > 0)
    {
        c = c > p->cell_clip ? p->cell_clip : (c < -p->cell_clip ? -p->cell_clip : c);
    }
    *cell = (int16_t)c;
    activated = tl_lstm_tanh(c, p->cell_tanh_multiplier, p->cell_tanh_shift, table);
    h = p->hidden_zero_point +
        tl_multiply_by_quantized_multiplier(activated * output_gate, p->hidden_multiplier, p->hidden_shift);
    return tl_clamp32(h, p->hidden_min, p->hidden_max);
}

/** The saturated Q3.12 pre-activation of a gate: its requantized input and recurrent products, each saturated to
    int16, summed and saturated again. */
static TL_ALWAYS_INLINE int32_t tl_lstm_gate_sum(int32_t from_input, int32_t from_state)
{
    return tl_lstm_saturate16(tl_lstm_saturate16(from_input) + tl_lstm_saturate16(from_state));
}

/**
 * tl_lstm_update_unit for unit @p k of a block of four from its gates' pre-activations pre[gate][k] (input, forget,
 * cell, output): sigmoid for the input, forget and output gates; tanh of the Q3.12 cell gate (multiplier 3, no shift).
 */
static TL_ALWAYS_INLINE int32_t tl_lstm_unit_from_gates(const tl_lstm_params *p, int32_t pre[4][4], int32_t k,
                                                        int16_t *cell, const uint16_t *table)
{
    return tl_lstm_update_unit(p, tl_lstm_sigmoid(pre[0][k], table), tl_lstm_sigmoid(pre[1][k], table),
                               tl_lstm_tanh(pre[2][k], 3, 0, table), tl_lstm_sigmoid(pre[3][k], table), cell, table);
}

/**
 * The argument checks at the entry of tl_lstm_s8 and tl_lstm_s16: 1 when no pointer, nor any of the four input and
 * four recurrent weight matrices, is NULL and every dimension of @p params is at least 1; else 0 (TL_ERR_ARGUMENT).
 */
static TL_ALWAYS_INLINE int tl_lstm_arguments_ok(const tl_lstm_params *params, const void *input,
                                                 const int8_t *const input_weights[4],
                                                 const int8_t *const recurrent_weights[4], const void *gate_biases,
                                                 const uint16_t *sigmoid_table, const void *output,
                                                 const void *output_state, const int16_t *cell_state)
{
    int32_t gate;
    if (params == 0 || input == 0 || input_weights == 0 || recurrent_weights == 0 || gate_biases == 0 ||
        sigmoid_table == 0 || output == 0 || output_state == 0 || cell_state == 0 || params->batches < 1 ||
        params->time_steps < 1 || params->input_depth < 1 || params->state_depth < 1)
    {
        return 0;
    }
    for (gate = 0; gate < 4; gate++)
    {
        if (input_weights[gate] == 0 || recurrent_weights[gate] == 0)
        {
            return 0;
        }
    }
    return 1;
}

/** Copies the lstm layout's Params into @p p. */
void tl_lstm_read_params(const tl_op *op, tl_lstm_params *p);

/** The four input and four recurrent weight matrices of a validated record, in gate order (input, forget, cell,
    output). */
void tl_lstm_read_weights(const tl_op *op, const tl_tensors *tensors, const int8_t *input_weights[4],
                          const int8_t *recurrent_weights[4]);

/** LstmValidation.Check: every tensor, pair and range the kernels rely on. */
tl_status tl_lstm_validate(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                           int32_t bias_type, int32_t bias_bytes);

#endif /* TINYLITE_TL_LSTM_COMMON_H */
