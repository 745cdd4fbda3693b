/*
 * FULLY_CONNECTED int8 input/output with packed int4 weights (code 202), bit-exact with FullyConnectedS4.cs
 * (TFLM unpacks to int8 and runs its int8 reference; here the nibbles are read in place).
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_fixed_point.h"
#include "tl_dense_validation.h"

#define FC_PARAM_COUNT 7

/* Sign-extends the low nibble of a byte. */
static inline int32_t low_nibble(uint8_t packed)
{
    return (int32_t)(packed & 0x0F) - (int32_t)((packed & 0x08) << 1);
}

/* Sign-extends the high nibble of a byte. */
static inline int32_t high_nibble(uint8_t packed)
{
    return (int32_t)(packed >> 4) - (int32_t)((packed & 0x80) >> 3);
}

tl_status tl_fully_connected_s4(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                const uint8_t *packed_weights, const int32_t *bias, int8_t *output)
{
    int32_t batch;
    int32_t out_ch;
    int32_t pair;
    int32_t in_depth;
    int32_t out_depth;
    int32_t pairs;
    int32_t row_bytes;
    if (params == 0 || quant == 0 || quant->pairs == 0 || input == 0 || packed_weights == 0 || bias == 0 ||
        output == 0 || params->batches < 1 || params->in_depth < 1 || params->out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    in_depth = params->in_depth;
    out_depth = params->out_depth;
    pairs = in_depth >> 1;
    /* A row with odd in_depth ends with an unused high nibble. */
    row_bytes = (in_depth + 1) >> 1;
    for (batch = 0; batch < params->batches; batch++)
    {
        const int8_t *in_row = input + batch * in_depth;
        int8_t *out_row = output + batch * out_depth;
        const uint8_t *w_row = packed_weights;
        for (out_ch = 0; out_ch < out_depth; out_ch++)
        {
            uint32_t acc = (uint32_t)bias[out_ch];
            int32_t value;
            const int32_t *pair_q = quant->pairs + (quant->per_channel != 0 ? 2 * out_ch : 0);
            for (pair = 0; pair < pairs; pair++)
            {
                const uint8_t packed = w_row[pair];
                acc += (uint32_t)(low_nibble(packed) * in_row[2 * pair]);
                acc += (uint32_t)(high_nibble(packed) * in_row[2 * pair + 1]);
            }
            if ((in_depth & 1) != 0)
            {
                acc += (uint32_t)(low_nibble(w_row[pairs]) * in_row[2 * pairs]);
            }
            w_row += row_bytes;
            value = tl_d_wadd(tl_d_mbqm((int32_t)acc, pair_q[0], pair_q[1]), params->output_zero_point);
            if (value < params->act_min)
            {
                value = params->act_min;
            }
            if (value > params->act_max)
            {
                value = params->act_max;
            }
            out_row[out_ch] = (int8_t)value;
        }
    }
    return TL_OK;
}

tl_status tl_op_fully_connected_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status e = tl_dv_fully_connected(op, tensors, FC_PARAM_COUNT, TL_TYPE_INT8, 1, 4, 4);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_activation_range(op->params[4], op->params[5], -128, 127);
}

void tl_op_fully_connected_s4(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_fc_params params;
    tl_fc_quant quant;
    params.batches = p[0];
    params.in_depth = p[1];
    params.out_depth = p[2];
    params.output_zero_point = p[3];
    params.act_min = p[4];
    params.act_max = p[5];
    quant.pairs = (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[3]);
    quant.per_channel = p[6];
    (void)tl_fully_connected_s4(&params, &quant, (const int8_t *)tl_tensor_data(tensors, op->inputs[0]),
                                tl_tensor_data(tensors, op->inputs[1]),
                                (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[2]),
                                (int8_t *)tl_tensor_data(tensors, op->outputs[0]));
}
