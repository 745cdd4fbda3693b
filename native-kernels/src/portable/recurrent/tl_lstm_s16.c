/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM int16x8 (code 501), bit-exact with LstmS16.cs / TFLM's integer LSTM
 * (EvalLstm<int16, int8, int16, int64>): as tl_lstm_s8.c with int64 accumulators and biases. Per unit, the four gates
 * (input and recurrent products requantized to Q3.12 and saturated, their saturated sum through sigmoid or tanh), the
 * cell update and the hidden value, four units at a time; the step's hidden row goes to the output and is copied to
 * the output state after the step (no scratch).
 */
#include <stddef.h>

#include "tl_lstm_common.h"

#include "tinylite/tl_image.h"

/* |weight * input| <= 128 * 32768 = 2^22, so a sum of up to 511 products cannot leave int32: the dot products run in
   int32 over chunks of that many inputs and each chunk's sum is added to the int64 accumulator, which gives exactly
   TFLM's int64 sums with half the registers per row. */
#define TL_LSTM_S16_CHUNK 511

/* Adds to acc[0..count-1] the products of the n int16 values at x with count (1..4) consecutive weight rows of
   stride row starting at w, each input loaded once for all rows. */
/* acc + a wrapping at 64 bits, as the managed kernel's long addition: a hostile image's bias near the int64 limits
   must not be undefined behaviour (the loader fuzzer found one: seed 1796532137). */
static int64_t tl_lstm_s16_add(int64_t acc, int32_t a)
{
    return (int64_t)((uint64_t)acc + (uint64_t)(int64_t)a);
}

static void tl_lstm_s16_dot(const int16_t *x, const int8_t *w, int32_t n, int32_t row, int32_t count, int64_t acc[4])
{
    int32_t start;
    for (start = 0; start < n; start += TL_LSTM_S16_CHUNK)
    {
        const int32_t end = n - start < TL_LSTM_S16_CHUNK ? n : start + TL_LSTM_S16_CHUNK;
        int32_t i;
        if (count == 4)
        {
            int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (i = start; i < end; i++)
            {
                const int32_t xv = x[i];
                a0 += w[i] * xv;
                a1 += w[row + i] * xv;
                a2 += w[2 * row + i] * xv;
                a3 += w[3 * row + i] * xv;
            }
            acc[0] = tl_lstm_s16_add(acc[0], a0);
            acc[1] = tl_lstm_s16_add(acc[1], a1);
            acc[2] = tl_lstm_s16_add(acc[2], a2);
            acc[3] = tl_lstm_s16_add(acc[3], a3);
            continue;
        }
        for (i = 0; i < count; i++)
        {
            int32_t a = 0;
            int32_t d;
            for (d = start; d < end; d++)
            {
                a += w[i * row + d] * x[d];
            }
            acc[i] = tl_lstm_s16_add(acc[i], a);
        }
    }
}

tl_status tl_lstm_s16(const tl_lstm_params *params, const int16_t *input, const int8_t *const input_weights[4],
                      const int8_t *const recurrent_weights[4], const int64_t *gate_biases,
                      const uint16_t *sigmoid_table, int16_t *output, int16_t *output_state, int16_t *cell_state)
{
    int32_t b, t, unit, gate;
    int32_t in_depth, state_depth;
    if (!tl_lstm_arguments_ok(params, input, input_weights, recurrent_weights, gate_biases, sigmoid_table, output,
                              output_state, cell_state))
    {
        return TL_ERR_ARGUMENT;
    }
    in_depth = params->input_depth;
    state_depth = params->state_depth;
    for (b = 0; b < params->batches; b++)
    {
        int16_t *hidden = output_state + (size_t)b * (size_t)state_depth;
        int16_t *cell = cell_state + (size_t)b * (size_t)state_depth;
        for (t = 0; t < params->time_steps; t++)
        {
            const int32_t row = params->time_major ? t * params->batches + b : b * params->time_steps + t;
            const int16_t *x = input + (size_t)row * (size_t)in_depth;
            int16_t *out = output + (size_t)row * (size_t)state_depth;
            for (unit = 0; unit < state_depth; unit += 4)
            {
                /* Up to four units at a time, each input value loaded once for the four weight rows. */
                const int32_t block = state_depth - unit < 4 ? state_depth - unit : 4;
                int32_t pre[4][4]; /* [gate][unit in block]: saturated Q3.12 pre-activations */
                int32_t k;
                for (gate = 0; gate < 4; gate++)
                {
                    int64_t from_input[4];
                    int64_t from_state[4];
                    for (k = 0; k < block; k++)
                    {
                        from_input[k] = gate_biases[gate * state_depth + unit + k];
                        from_state[k] = gate_biases[(4 + gate) * state_depth + unit + k];
                    }
                    tl_lstm_s16_dot(x, input_weights[gate] + (size_t)unit * (size_t)in_depth, in_depth, in_depth, block,
                                    from_input);
                    tl_lstm_s16_dot(hidden, recurrent_weights[gate] + (size_t)unit * (size_t)state_depth, state_depth,
                                    state_depth, block, from_state);
                    for (k = 0; k < block; k++)
                    {
                        pre[gate][k] = tl_lstm_gate_sum(
                            tl_multiply_by_quantized_multiplier_64(from_input[k], params->input_multipliers[gate],
                                                                   params->input_shifts[gate]),
                            tl_multiply_by_quantized_multiplier_64(from_state[k], params->recurrent_multipliers[gate],
                                                                   params->recurrent_shifts[gate]));
                    }
                }
                for (k = 0; k < block; k++)
                {
                    out[unit + k] = (int16_t)tl_lstm_unit_from_gates(params, pre, k, &cell[unit + k], sigmoid_table);
                }
            }
            for (unit = 0; unit < state_depth; unit++)
            {
                hidden[unit] = out[unit];
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_lstm_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_lstm_validate(op, tensors, TL_TYPE_INT16, 2, TL_TYPE_INT64, 8);
}

void tl_op_lstm_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_lstm_params p;
    const int8_t *input_weights[4];
    const int8_t *recurrent_weights[4];
    tl_lstm_read_params(op, &p);
    tl_lstm_read_weights(op, tensors, input_weights, recurrent_weights);
    (void)tl_lstm_s16(&p, (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_INPUT]),
                      input_weights, recurrent_weights,
                      (const int64_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_GATE_BIASES]),
                      (const uint16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_SIGMOID_TABLE]),
                      (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_OUTPUT]),
                      (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_OUTPUT_STATE]),
                      (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_CELL_STATE]));
}
