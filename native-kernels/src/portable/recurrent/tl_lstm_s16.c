/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM int16x8 (code 501), bit-exact with LstmS16.cs / TFLM's integer LSTM
 * (EvalLstm<int16, int8, int16, int64>): as tl_lstm_s8.c with int64 accumulators and biases; per unit, the four gates (input and recurrent products requantized to Q3.12 and
 * saturated, their saturated sum through sigmoid or tanh), the cell update and the hidden value; the step's hidden
 * row goes to the output and is copied to the output state after the step (no scratch).
 */
#include <stddef.h>

#include "tl_lstm_common.h"

#include "tinylite/tl_image.h"

/* Requantized, saturated product of one weight row with an int16 vector (int64 accumulator, TFLM's int64
   requantization). */
static int32_t tl_lstm_s16_product(const int8_t *row, const int16_t *vector, int32_t depth, int64_t bias,
                                   int32_t multiplier, int32_t shift)
{
    int64_t acc = bias;
    int32_t d;
    for (d = 0; d < depth; d++)
    {
        acc += row[d] * vector[d];
    }
    return tl_lstm_saturate16(tl_multiply_by_quantized_multiplier_64(acc, multiplier, shift));
}

tl_status tl_lstm_s16(const tl_lstm_params *params, const int16_t *input, const int8_t *const input_weights[4],
                      const int8_t *const recurrent_weights[4], const int64_t *gate_biases,
                      const uint16_t *sigmoid_table, int16_t *output, int16_t *output_state, int16_t *cell_state)
{
    int32_t b, t, unit, gate;
    int32_t in_depth, state_depth;
    if (params == 0 || input == 0 || input_weights == 0 || recurrent_weights == 0 || gate_biases == 0 ||
        sigmoid_table == 0 || output == 0 || output_state == 0 || cell_state == 0 || params->batches < 1 ||
        params->time_steps < 1 || params->input_depth < 1 || params->state_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    for (gate = 0; gate < 4; gate++)
    {
        if (input_weights[gate] == 0 || recurrent_weights[gate] == 0)
        {
            return TL_ERR_ARGUMENT;
        }
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
            for (unit = 0; unit < state_depth; unit++)
            {
                int32_t activated[4];
                for (gate = 0; gate < 4; gate++)
                {
                    const int32_t from_input = tl_lstm_s16_product(
                        input_weights[gate] + (size_t)unit * (size_t)in_depth, x, in_depth,
                        gate_biases[gate * state_depth + unit], params->input_multipliers[gate],
                        params->input_shifts[gate]);
                    const int32_t from_state = tl_lstm_s16_product(
                        recurrent_weights[gate] + (size_t)unit * (size_t)state_depth, hidden, state_depth,
                        gate_biases[(4 + gate) * state_depth + unit], params->recurrent_multipliers[gate],
                        params->recurrent_shifts[gate]);
                    const int32_t sum = tl_lstm_saturate16(from_input + from_state);
                    /* Gate 2 (cell) is tanh of a Q3.12 value: multiplier 3, no shift. */
                    activated[gate] = gate == 2 ? tl_lstm_tanh(sum, 3, 0, sigmoid_table) : tl_lstm_sigmoid(sum, sigmoid_table);
                }
                out[unit] = (int16_t)tl_lstm_update_unit(params, activated[0], activated[1], activated[2], activated[3],
                                                        &cell[unit], sigmoid_table);
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
    int32_t gate;
    tl_lstm_read_params(op, &p);
    for (gate = 0; gate < 4; gate++)
    {
        input_weights[gate] = (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_INPUT_TO_INPUT_WEIGHTS + gate]);
        recurrent_weights[gate] =
            (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_RECURRENT_TO_INPUT_WEIGHTS + gate]);
    }
    (void)tl_lstm_s16(&p, (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_INPUT]),
                     input_weights, recurrent_weights,
                     (const int64_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_GATE_BIASES]),
                     (const uint16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_SIGMOID_TABLE]),
                     (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_OUTPUT]),
                     (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_OUTPUT_STATE]),
                     (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_CELL_STATE]));
}
