/*
 * The integer SVDF shared by tl_svdf_s8.c and tl_svdf_s8_s16.c (twin of SvdfCore.cs): the state element width is
 * the only difference between them.
 */
#ifndef TINYLITE_TL_SVDF_COMMON_H
#define TINYLITE_TL_SVDF_COMMON_H

#include <stdint.h>

#include "tinylite/tl_fixed_point.h"
#include "tinylite/tl_image.h"
#include "tinylite/tl_recurrent_kernels.h"

static inline int tl_svdf_tensor(const tl_tensors *tensors, int32_t tensor, int32_t type, int64_t bytes)
{
    return tl_tensor_type(tensors, tensor) == type && bytes <= (int64_t)tl_tensor_bytes(tensors, tensor);
}

static inline tl_status tl_svdf_validate(const tl_op *op, const tl_tensors *tensors, int32_t state_type,
                                         int32_t state_bytes)
{
    const int32_t *p = op->params;
    int32_t batches, input_size, filters, rank, memory, state_limit;
    int64_t units;
    if (op->input_count != 5 || op->output_count != 1 || op->param_count != TL_SVDF_P_LENGTH)
    {
        return TL_ERR_PARAMS;
    }
    batches = p[TL_SVDF_P_BATCHES];
    input_size = p[TL_SVDF_P_INPUT_SIZE];
    filters = p[TL_SVDF_P_FILTERS];
    rank = p[TL_SVDF_P_RANK];
    memory = p[TL_SVDF_P_MEMORY];
    if (batches < 1 || input_size < 1 || filters < 1 || rank < 1 || memory < 1 || filters % rank != 0)
    {
        return TL_ERR_PARAMS;
    }
    state_limit = state_bytes == 1 ? 127 : 32767;
    if (p[TL_SVDF_P_INPUT_ZERO_POINT] < -128 || p[TL_SVDF_P_INPUT_ZERO_POINT] > 127 ||
        p[TL_SVDF_P_OUTPUT_ZERO_POINT] < -128 || p[TL_SVDF_P_OUTPUT_ZERO_POINT] > 127 ||
        p[TL_SVDF_P_STATE_ZERO_POINT] < -state_limit - 1 || p[TL_SVDF_P_STATE_ZERO_POINT] > state_limit ||
        p[TL_SVDF_P_FEATURE_MULTIPLIER] < 0 || p[TL_SVDF_P_OUTPUT_MULTIPLIER] < 0 || p[TL_SVDF_P_FEATURE_SHIFT] < -31 ||
        p[TL_SVDF_P_FEATURE_SHIFT] > 30 || p[TL_SVDF_P_OUTPUT_SHIFT] < -31 || p[TL_SVDF_P_OUTPUT_SHIFT] > 30)
    {
        return TL_ERR_PARAMS;
    }
    units = filters / rank;
    if (!tl_svdf_tensor(tensors, op->inputs[TL_SVDF_IN_INPUT], TL_TYPE_INT8, (int64_t)batches * input_size) ||
        !tl_svdf_tensor(tensors, op->inputs[TL_SVDF_IN_WEIGHTS_FEATURE], TL_TYPE_INT8, (int64_t)filters * input_size) ||
        !tl_svdf_tensor(tensors, op->inputs[TL_SVDF_IN_WEIGHTS_TIME], state_type,
                        (int64_t)filters * memory * state_bytes) ||
        (op->inputs[TL_SVDF_IN_BIAS] != -1 &&
         !tl_svdf_tensor(tensors, op->inputs[TL_SVDF_IN_BIAS], TL_TYPE_INT32, units * 4)) ||
        !tl_svdf_tensor(tensors, op->inputs[TL_SVDF_IN_STATE], state_type,
                        (int64_t)batches * filters * memory * state_bytes) ||
        !tl_svdf_tensor(tensors, op->outputs[TL_SVDF_OUT_OUTPUT], TL_TYPE_INT8, batches * units))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

static inline int32_t tl_svdf_read(const uint8_t *p, int32_t bytes)
{
    return bytes == 1 ? (int32_t)(int8_t)p[0] : (int32_t)(int16_t)(uint16_t)((uint32_t)p[0] | ((uint32_t)p[1] << 8));
}

static inline void tl_svdf_run(const tl_op *op, const tl_tensors *tensors, int32_t state_bytes)
{
    const int32_t *p = op->params;
    const int32_t batches = p[TL_SVDF_P_BATCHES];
    const int32_t input_size = p[TL_SVDF_P_INPUT_SIZE];
    const int32_t filters = p[TL_SVDF_P_FILTERS];
    const int32_t rank = p[TL_SVDF_P_RANK];
    const int32_t memory = p[TL_SVDF_P_MEMORY];
    const int32_t units = filters / rank;
    const int32_t input_zp = p[TL_SVDF_P_INPUT_ZERO_POINT];
    const int32_t state_zp = p[TL_SVDF_P_STATE_ZERO_POINT];
    const int32_t output_zp = p[TL_SVDF_P_OUTPUT_ZERO_POINT];
    const int32_t state_min = state_bytes == 1 ? -128 : -32768;
    const int32_t state_max = state_bytes == 1 ? 127 : 32767;
    const int8_t *input = (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_SVDF_IN_INPUT]);
    const int8_t *feature =
        (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_SVDF_IN_WEIGHTS_FEATURE]);
    const uint8_t *time = tl_tensor_data(tensors, op->inputs[TL_SVDF_IN_WEIGHTS_TIME]);
    const uint8_t *bias = op->inputs[TL_SVDF_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_SVDF_IN_BIAS]) : 0;
    uint8_t *state = tl_tensor_data(tensors, op->inputs[TL_SVDF_IN_STATE]);
    int8_t *output = (int8_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_SVDF_OUT_OUTPUT]);
    const int32_t state_length = batches * filters * memory * state_bytes;
    int32_t b, f, c, u, j, m, i;

    /* The flat state moves one element towards its start (forward copy reads each byte before overwriting it). */
    for (i = 0; i + state_bytes < state_length; i++)
    {
        state[i] = state[i + state_bytes];
    }

    for (b = 0; b < batches; b++)
    {
        const int8_t *w = feature;
        for (f = 0; f < filters; f++)
        {
            int32_t dot = 0, value;
            uint8_t *slot = state + ((b * filters + f) * memory + memory - 1) * state_bytes;
            for (c = 0; c < input_size; c++)
            {
                dot = tl_add32_wrap(dot, tl_mul32_wrap(*w++, input[b * input_size + c] - input_zp));
            }
            dot = tl_multiply_by_quantized_multiplier(dot, p[TL_SVDF_P_FEATURE_MULTIPLIER], p[TL_SVDF_P_FEATURE_SHIFT]);
            dot = tl_clamp32(dot, state_min, state_max);
            value = state_zp + dot; /* stored in the state type: wraps as TFLM's store */
            slot[0] = (uint8_t)((uint32_t)value & 0xFFu);
            if (state_bytes == 2)
            {
                slot[1] = (uint8_t)(((uint32_t)value >> 8) & 0xFFu);
            }
        }
    }

    for (b = 0; b < batches; b++)
    {
        for (u = 0; u < units; u++)
        {
            int32_t acc = 0, x;
            if (bias != 0)
            {
                const uint8_t *q = bias + 4 * u;
                acc =
                    (int32_t)((uint32_t)q[0] | ((uint32_t)q[1] << 8) | ((uint32_t)q[2] << 16) | ((uint32_t)q[3] << 24));
            }
            for (j = 0; j < rank; j++)
            {
                const int32_t filter = u * rank + j;
                const uint8_t *tw = time + filter * memory * state_bytes;
                const uint8_t *s = state + (b * filters + filter) * memory * state_bytes;
                int32_t sum = 0;
                for (m = 0; m < memory; m++)
                {
                    sum = tl_add32_wrap(sum, tl_mul32_wrap(tl_svdf_read(tw + m * state_bytes, state_bytes),
                                                           tl_svdf_read(s + m * state_bytes, state_bytes) - state_zp));
                }
                acc = tl_add32_wrap(acc, sum);
            }
            x = tl_add32_wrap(
                tl_multiply_by_quantized_multiplier(acc, p[TL_SVDF_P_OUTPUT_MULTIPLIER], p[TL_SVDF_P_OUTPUT_SHIFT]),
                output_zp);
            output[b * units + u] = (int8_t)tl_clamp32(x, -128, 127);
        }
    }
}

#endif /* TINYLITE_TL_SVDF_COMMON_H */
