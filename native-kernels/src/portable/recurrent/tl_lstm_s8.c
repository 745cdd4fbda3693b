/*
 * UNIDIRECTIONAL_SEQUENCE_LSTM int8 (code 500), bit-exact with LstmS8.cs / TFLM's integer LSTM
 * (EvalLstm<int8, int8, int16, int32>): per unit, the four gates (input and recurrent products requantized to Q3.12 and
 * saturated, their saturated sum through sigmoid or tanh), the cell update and the hidden value, four units at a
 * time; the step's hidden row goes to the output and is copied to the output state after the step (no scratch).
 */
#include <stddef.h>

#include "tl_lstm_common.h"
#include "../tl_dot_s8.h"

#include "tinylite/tl_image.h"

tl_status tl_lstm_s8(const tl_lstm_params *params, const int8_t *input, const int8_t *const input_weights[4],
                     const int8_t *const recurrent_weights[4], const int32_t *gate_biases,
                     const uint16_t *sigmoid_table, int8_t *output, int8_t *output_state, int16_t *cell_state)
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
        int8_t *hidden = output_state + (size_t)b * (size_t)state_depth;
        int16_t *cell = cell_state + (size_t)b * (size_t)state_depth;
        for (t = 0; t < params->time_steps; t++)
        {
            const int32_t row = params->time_major ? t * params->batches + b : b * params->time_steps + t;
            const int8_t *x = input + (size_t)row * (size_t)in_depth;
            int8_t *out = output + (size_t)row * (size_t)state_depth;
            for (unit = 0; unit < state_depth; unit += 4)
            {
                /* Up to four units at a time: each gate's four weight rows against one load of the input and
                   hidden vectors (tl_dot4_s8); a unit's arithmetic is the same as one at a time. */
                const int32_t block = state_depth - unit < 4 ? state_depth - unit : 4;
                int32_t pre[4][4]; /* [gate][unit in block]: saturated Q3.12 pre-activations */
                int32_t k;
                for (gate = 0; gate < 4; gate++)
                {
                    uint32_t from_input[4];
                    uint32_t from_state[4];
                    for (k = 0; k < block; k++)
                    {
                        from_input[k] = (uint32_t)gate_biases[gate * state_depth + unit + k];
                        from_state[k] = (uint32_t)gate_biases[(4 + gate) * state_depth + unit + k];
                    }
                    if (block == 4)
                    {
                        tl_dot4_s8(x, input_weights[gate] + (size_t)unit * (size_t)in_depth, in_depth, in_depth,
                                   from_input);
                        tl_dot4_s8(hidden, recurrent_weights[gate] + (size_t)unit * (size_t)state_depth, state_depth,
                                   state_depth, from_state);
                    }
                    else
                    {
                        for (k = 0; k < block; k++)
                        {
                            from_input[k] = tl_dot1_s8(x, input_weights[gate] + (size_t)(unit + k) * (size_t)in_depth,
                                                       in_depth, from_input[k]);
                            from_state[k] =
                                tl_dot1_s8(hidden, recurrent_weights[gate] + (size_t)(unit + k) * (size_t)state_depth,
                                           state_depth, from_state[k]);
                        }
                    }
                    for (k = 0; k < block; k++)
                    {
                        pre[gate][k] = tl_lstm_gate_sum(
                            tl_multiply_by_quantized_multiplier((int32_t)from_input[k], params->input_multipliers[gate],
                                                                params->input_shifts[gate]),
                            tl_multiply_by_quantized_multiplier((int32_t)from_state[k],
                                                                params->recurrent_multipliers[gate],
                                                                params->recurrent_shifts[gate]));
                    }
                }
                for (k = 0; k < block; k++)
                {
                    out[unit + k] = (int8_t)tl_lstm_unit_from_gates(params, pre, k, &cell[unit + k], sigmoid_table);
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

tl_status tl_op_lstm_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_lstm_validate(op, tensors, TL_TYPE_INT8, 1, TL_TYPE_INT32, 4);
}

void tl_op_lstm_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_lstm_params p;
    const int8_t *input_weights[4];
    const int8_t *recurrent_weights[4];
    tl_lstm_read_params(op, &p);
    tl_lstm_read_weights(op, tensors, input_weights, recurrent_weights);
    (void)tl_lstm_s8(&p, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_INPUT]), input_weights,
                     recurrent_weights,
                     (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_GATE_BIASES]),
                     (const uint16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_SIGMOID_TABLE]),
                     (int8_t *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_OUTPUT]),
                     (int8_t *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_OUTPUT_STATE]),
                     (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LSTM_OUT_CELL_STATE]));
}
