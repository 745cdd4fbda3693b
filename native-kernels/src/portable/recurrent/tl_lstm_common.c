/* Params and load-time checks shared by the LSTM kernels (mirror of LstmValidation.cs). */
#include "tl_lstm_common.h"

#include "tinylite/tl_image.h"

void tl_lstm_read_params(const tl_op *op, tl_lstm_params *p)
{
    const int32_t *q = op->params;
    int32_t gate;
    p->batches = q[TL_LSTM_P_BATCHES];
    p->time_steps = q[TL_LSTM_P_TIME_STEPS];
    p->input_depth = q[TL_LSTM_P_INPUT_DEPTH];
    p->state_depth = q[TL_LSTM_P_STATE_DEPTH];
    p->time_major = q[TL_LSTM_P_TIME_MAJOR];
    for (gate = 0; gate < 4; gate++)
    {
        p->input_multipliers[gate] = q[TL_LSTM_P_INPUT_MULTIPLIERS + gate];
        p->input_shifts[gate] = q[TL_LSTM_P_INPUT_SHIFTS + gate];
        p->recurrent_multipliers[gate] = q[TL_LSTM_P_RECURRENT_MULTIPLIERS + gate];
        p->recurrent_shifts[gate] = q[TL_LSTM_P_RECURRENT_SHIFTS + gate];
    }
    p->forget_cell_multiplier = q[TL_LSTM_P_FORGET_CELL_MULTIPLIER];
    p->forget_cell_shift = q[TL_LSTM_P_FORGET_CELL_SHIFT];
    p->input_cell_multiplier = q[TL_LSTM_P_INPUT_CELL_MULTIPLIER];
    p->input_cell_shift = q[TL_LSTM_P_INPUT_CELL_SHIFT];
    p->hidden_multiplier = q[TL_LSTM_P_HIDDEN_MULTIPLIER];
    p->hidden_shift = q[TL_LSTM_P_HIDDEN_SHIFT];
    p->hidden_zero_point = q[TL_LSTM_P_HIDDEN_ZERO_POINT];
    p->hidden_min = q[TL_LSTM_P_HIDDEN_MIN];
    p->hidden_max = q[TL_LSTM_P_HIDDEN_MAX];
    p->cell_clip = q[TL_LSTM_P_CELL_CLIP];
    p->cell_tanh_multiplier = q[TL_LSTM_P_CELL_TANH_MULTIPLIER];
    p->cell_tanh_shift = q[TL_LSTM_P_CELL_TANH_SHIFT];
}

/* Tensor t exists, has the type, has storage and holds at least min_bytes bytes. */
static tl_status tl_lstm_tensor(const tl_tensors *tensors, int32_t t, int32_t type, int64_t min_bytes)
{
    if (t < 0 || tl_tensor_type(tensors, t) != type || tl_tensor_data(tensors, t) == 0)
    {
        return TL_ERR_PARAMS;
    }
    return (int64_t)tl_tensor_bytes(tensors, t) >= min_bytes ? TL_OK : TL_ERR_PARAMS;
}

/* a * b for 0 <= a, b <= INT32_MAX, or -1 when either is -1 or the product passes INT32_MAX (no tensor is larger). */
static int64_t tl_lstm_product(int64_t a, int64_t b)
{
    if (a < 0 || b < 0)
    {
        return -1;
    }
    return a * b > INT32_MAX ? -1 : a * b;
}

static int tl_lstm_pair_ok(int32_t multiplier, int32_t shift)
{
    return multiplier >= 0 && shift >= -31 && shift <= 30;
}

/* The first bytes of two checked tensors share a byte (arena and image never overlap). */
static int tl_lstm_overlap(const tl_tensors *tensors, int32_t a, int64_t bytes_a, int32_t b, int64_t bytes_b)
{
    const uintptr_t pa = (uintptr_t)tl_tensor_data(tensors, a);
    const uintptr_t pb = (uintptr_t)tl_tensor_data(tensors, b);
    return pa < pb + (uintptr_t)bytes_b && pb < pa + (uintptr_t)bytes_a;
}

tl_status tl_lstm_validate(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                           int32_t bias_type, int32_t bias_bytes)
{
    const int32_t *q = op->params;
    int64_t batches, steps, in_depth, state_depth;
    int64_t input_bytes, output_bytes, hidden_bytes, cell_bytes;
    int32_t type_min = io_bytes == 1 ? -128 : -32768;
    int32_t type_max = io_bytes == 1 ? 127 : 32767;
    int32_t i;
    if (op->inputs == 0 || op->input_count != TL_LSTM_IN_SIGMOID_TABLE + 1 || op->outputs == 0 ||
        op->output_count != TL_LSTM_OUT_CELL_STATE + 1 || q == 0 || op->param_count != TL_LSTM_P_LENGTH)
    {
        return TL_ERR_PARAMS;
    }
    for (i = TL_LSTM_P_BATCHES; i <= TL_LSTM_P_STATE_DEPTH; i++)
    {
        if (q[i] < 1)
        {
            return TL_ERR_PARAMS;
        }
    }
    if (q[TL_LSTM_P_TIME_MAJOR] != 0 && q[TL_LSTM_P_TIME_MAJOR] != 1)
    {
        return TL_ERR_PARAMS;
    }
    batches = q[TL_LSTM_P_BATCHES];
    steps = q[TL_LSTM_P_TIME_STEPS];
    in_depth = q[TL_LSTM_P_INPUT_DEPTH];
    state_depth = q[TL_LSTM_P_STATE_DEPTH];
    /* Products of Params checked step by step: four int32 factors can overflow even an int64 (UBSan, fuzzing). */
    input_bytes = tl_lstm_product(tl_lstm_product(tl_lstm_product(batches, steps), in_depth), io_bytes);
    output_bytes = tl_lstm_product(tl_lstm_product(tl_lstm_product(batches, steps), state_depth), io_bytes);
    hidden_bytes = tl_lstm_product(tl_lstm_product(batches, state_depth), io_bytes);
    cell_bytes = tl_lstm_product(tl_lstm_product(batches, state_depth), 2);
    if (input_bytes < 0 || output_bytes < 0 || hidden_bytes < 0 || cell_bytes < 0)
    {
        return TL_ERR_PARAMS;
    }
    if (tl_lstm_tensor(tensors, op->inputs[TL_LSTM_IN_INPUT], io_type, input_bytes) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    for (i = 0; i < 4; i++)
    {
        if (tl_lstm_tensor(tensors, op->inputs[TL_LSTM_IN_INPUT_TO_INPUT_WEIGHTS + i], TL_TYPE_INT8,
                           state_depth * in_depth) != TL_OK ||
            tl_lstm_tensor(tensors, op->inputs[TL_LSTM_IN_RECURRENT_TO_INPUT_WEIGHTS + i], TL_TYPE_INT8,
                           state_depth * state_depth) != TL_OK ||
            !tl_lstm_pair_ok(q[TL_LSTM_P_INPUT_MULTIPLIERS + i], q[TL_LSTM_P_INPUT_SHIFTS + i]) ||
            !tl_lstm_pair_ok(q[TL_LSTM_P_RECURRENT_MULTIPLIERS + i], q[TL_LSTM_P_RECURRENT_SHIFTS + i]))
        {
            return TL_ERR_PARAMS;
        }
    }
    if (tl_lstm_tensor(tensors, op->inputs[TL_LSTM_IN_GATE_BIASES], bias_type, 8 * state_depth * bias_bytes) != TL_OK ||
        tl_lstm_tensor(tensors, op->inputs[TL_LSTM_IN_SIGMOID_TABLE], TL_TYPE_INT16, 512) != TL_OK ||
        tl_lstm_tensor(tensors, op->outputs[TL_LSTM_OUT_OUTPUT], io_type, output_bytes) != TL_OK ||
        tl_lstm_tensor(tensors, op->outputs[TL_LSTM_OUT_OUTPUT_STATE], io_type, hidden_bytes) != TL_OK ||
        tl_lstm_tensor(tensors, op->outputs[TL_LSTM_OUT_CELL_STATE], TL_TYPE_INT16, cell_bytes) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_lstm_pair_ok(q[TL_LSTM_P_FORGET_CELL_MULTIPLIER], q[TL_LSTM_P_FORGET_CELL_SHIFT]) ||
        !tl_lstm_pair_ok(q[TL_LSTM_P_INPUT_CELL_MULTIPLIER], q[TL_LSTM_P_INPUT_CELL_SHIFT]) ||
        !tl_lstm_pair_ok(q[TL_LSTM_P_HIDDEN_MULTIPLIER], q[TL_LSTM_P_HIDDEN_SHIFT]))
    {
        return TL_ERR_PARAMS;
    }
    if (q[TL_LSTM_P_HIDDEN_MIN] < type_min || q[TL_LSTM_P_HIDDEN_MAX] > type_max ||
        q[TL_LSTM_P_HIDDEN_MIN] > q[TL_LSTM_P_HIDDEN_MAX] || q[TL_LSTM_P_HIDDEN_ZERO_POINT] < type_min ||
        q[TL_LSTM_P_HIDDEN_ZERO_POINT] > type_max)
    {
        return TL_ERR_PARAMS;
    }
    if (q[TL_LSTM_P_CELL_CLIP] < 0 || q[TL_LSTM_P_CELL_CLIP] > 32767 || q[TL_LSTM_P_CELL_TANH_MULTIPLIER] < 1 ||
        q[TL_LSTM_P_CELL_TANH_MULTIPLIER] > 49152 || q[TL_LSTM_P_CELL_TANH_SHIFT] < 0 ||
        q[TL_LSTM_P_CELL_TANH_SHIFT] > 31)
    {
        return TL_ERR_PARAMS;
    }
    {
        const int32_t input = op->inputs[TL_LSTM_IN_INPUT];
        const int32_t output = op->outputs[TL_LSTM_OUT_OUTPUT];
        const int32_t hidden = op->outputs[TL_LSTM_OUT_OUTPUT_STATE];
        const int32_t cell = op->outputs[TL_LSTM_OUT_CELL_STATE];
        if (tl_lstm_overlap(tensors, output, output_bytes, input, input_bytes) ||
            tl_lstm_overlap(tensors, output, output_bytes, hidden, hidden_bytes) ||
            tl_lstm_overlap(tensors, output, output_bytes, cell, cell_bytes) ||
            tl_lstm_overlap(tensors, hidden, hidden_bytes, cell, cell_bytes) ||
            tl_lstm_overlap(tensors, hidden, hidden_bytes, input, input_bytes) ||
            tl_lstm_overlap(tensors, cell, cell_bytes, input, input_bytes))
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

void tl_lstm_read_weights(const tl_op *op, const tl_tensors *tensors, const int8_t *input_weights[4],
                          const int8_t *recurrent_weights[4])
{
    int32_t gate;
    for (gate = 0; gate < 4; gate++)
    {
        input_weights[gate] =
            (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_INPUT_TO_INPUT_WEIGHTS + gate]);
        recurrent_weights[gate] =
            (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LSTM_IN_RECURRENT_TO_INPUT_WEIGHTS + gate]);
    }
}
