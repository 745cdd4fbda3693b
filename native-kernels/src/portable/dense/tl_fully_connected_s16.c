/*
 * FULLY_CONNECTED int16 x int8 -> int16 (code 201), bit-exact with FullyConnectedS16.cs / TFLM's 16x8
 * reference: int64 accumulation and the int64 requantization, or (model bias int32) the low 32 bits of the
 * same sum and the int32 requantization.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_fixed_point.h"
#include "tl_dense_validation.h"

tl_status tl_fully_connected_s16(const tl_fc_params *params, const tl_fc_quant *quant, int32_t accumulate32,
                                 const int16_t *input, const int8_t *weights, const int64_t *bias, int16_t *output)
{
    int32_t batch;
    int32_t out_ch;
    int32_t in_idx;
    int32_t in_depth;
    int32_t out_depth;
    if (params == 0 || quant == 0 || quant->pairs == 0 || input == 0 || weights == 0 || bias == 0 || output == 0 ||
        params->batches < 1 || params->in_depth < 1 || params->out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    in_depth = params->in_depth;
    out_depth = params->out_depth;
    for (batch = 0; batch < params->batches; batch++)
    {
        const int16_t *in_row = input + batch * in_depth;
        int16_t *out_row = output + batch * out_depth;
        const int8_t *w_row = weights;
        for (out_ch = 0; out_ch < out_depth; out_ch++)
        {
            /* Unsigned 64-bit accumulation wraps like C#'s long (never reached by real models). */
            uint64_t acc = (uint64_t)bias[out_ch];
            const int32_t *pair = quant->pairs + (quant->per_channel != 0 ? 2 * out_ch : 0);
            int32_t multiplier = pair[0];
            int32_t shift = pair[1];
            int32_t value;
            for (in_idx = 0; in_idx < in_depth; in_idx++)
            {
                /* |w * x| <= 128 * 32768: fits int32. */
                acc += (uint64_t)(int64_t)((int32_t)w_row[in_idx] * in_row[in_idx]);
            }
            w_row += in_depth;
            if (accumulate32 != 0)
            {
                /* TFLM's int32 accumulator wraps; the low 32 bits of the exact sum are the same value. */
                value = tl_d_mbqm((int32_t)(uint32_t)acc, multiplier, shift);
            }
            else
            {
                value = tl_d_mbqm64((int64_t)acc, multiplier, shift);
            }
            value = tl_d_wadd(value, params->output_zero_point);
            if (value < params->act_min)
            {
                value = params->act_min;
            }
            if (value > params->act_max)
            {
                value = params->act_max;
            }
            out_row[out_ch] = (int16_t)value;
        }
    }
    return TL_OK;
}

tl_status tl_op_fully_connected_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status e = tl_dv_fully_connected(op, tensors, TL_FULLY_CONNECTED_S16_P_LENGTH, TL_TYPE_INT16, 2, 8, 8);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_activation_range(op->params[TL_FULLY_CONNECTED_S16_P_ACTIVATION_MIN],
                                  op->params[TL_FULLY_CONNECTED_S16_P_ACTIVATION_MAX], -32768, 32767);
}

void tl_op_fully_connected_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_fc_params params;
    tl_fc_quant quant;
    params.batches = p[TL_FULLY_CONNECTED_S16_P_BATCHES];
    params.in_depth = p[TL_FULLY_CONNECTED_S16_P_INPUT_DEPTH];
    params.out_depth = p[TL_FULLY_CONNECTED_S16_P_OUTPUT_DEPTH];
    params.output_zero_point = p[TL_FULLY_CONNECTED_S16_P_OUTPUT_OFFSET];
    params.act_min = p[TL_FULLY_CONNECTED_S16_P_ACTIVATION_MIN];
    params.act_max = p[TL_FULLY_CONNECTED_S16_P_ACTIVATION_MAX];
    quant.pairs =
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_MULTIPLIERS]);
    quant.per_channel = p[TL_FULLY_CONNECTED_S16_P_PER_CHANNEL];
    (void)tl_fully_connected_s16(
        &params, &quant, p[TL_FULLY_CONNECTED_S16_P_BIAS_IS_INT32],
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_INPUT]),
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_WEIGHTS]),
        (const int64_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_S16_IN_BIAS]),
        (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_S16_OUT_OUTPUT]));
}
