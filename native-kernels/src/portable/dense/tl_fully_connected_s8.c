/*
 * FULLY_CONNECTED int8 x int8 -> int8 (code 200), bit-exact with FullyConnectedS8.cs / TFLM's reference
 * FullyConnected(PerChannel): int32 accumulation (wrapping), double-rounding requantization, clamp.
 * The input zero point is already folded into the bias by the compiler (FullyConnectedLowering), so the inner
 * loop is a plain int8 dot product.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_validation.h"
#include "tl_fc_record.h"
#include "tl_fc_s8_output.h"
#include "../tl_dot_s8.h"

static tl_status fc_s8_check(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                             const int8_t *weights, const int32_t *bias, const int8_t *output)
{
    if (params == 0 || quant == 0 || quant->pairs == 0 || input == 0 || weights == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    if (params->batches < 1 || params->in_depth < 1 || params->out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}

tl_status tl_fully_connected_s8_plain(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                      const int8_t *weights, const int32_t *bias, int8_t *output)
{
    int32_t batch;
    int32_t out_ch;
    int32_t in_idx;
    const int32_t in_depth = params ? params->in_depth : 0;
    const int32_t out_depth = params ? params->out_depth : 0;
    tl_fc_s8_stage stage;
    tl_status status = fc_s8_check(params, quant, input, weights, bias, output);
    if (status != TL_OK)
    {
        return status;
    }
    stage = tl_fc_s8_stage_of(quant, params->output_zero_point, params->act_min, params->act_max);
    for (batch = 0; batch < params->batches; batch++)
    {
        const int8_t *in_row = input + (int32_t)batch * in_depth;
        int8_t *out_row = output + (int32_t)batch * out_depth;
        const int8_t *w_row = weights;
        for (out_ch = 0; out_ch < out_depth; out_ch++)
        {
            /* Unsigned accumulation: the wrapping int32 sum of the C# twin without signed overflow. */
            uint32_t acc = (uint32_t)bias[out_ch];
            for (in_idx = 0; in_idx < in_depth; in_idx++)
            {
                acc += (uint32_t)((int32_t)w_row[in_idx] * in_row[in_idx]);
            }
            w_row += in_depth;
            out_row[out_ch] = tl_fc_s8_output(acc, out_ch, stage);
        }
    }
    return TL_OK;
}

tl_status tl_fully_connected_s8_fast(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                     const int8_t *weights, const int32_t *bias, int8_t *output)
{
    int32_t batch;
    int32_t out_ch;
    const int32_t in_depth = params ? params->in_depth : 0;
    const int32_t out_depth = params ? params->out_depth : 0;
    tl_fc_s8_stage stage;
    tl_status status = fc_s8_check(params, quant, input, weights, bias, output);
    if (status != TL_OK)
    {
        return status;
    }
    stage = tl_fc_s8_stage_of(quant, params->output_zero_point, params->act_min, params->act_max);
    for (batch = 0; batch < params->batches; batch++)
    {
        const int8_t *in_row = input + (int32_t)batch * in_depth;
        int8_t *out_row = output + (int32_t)batch * out_depth;
        const int8_t *w_group = weights;
        out_ch = 0;
        /* Four output channels share each input load (tl_dot_s8.h); the same modular int32 sums as the plain
           loop (addition mod 2^32 does not depend on the order), so the results are identical. */
        for (; out_ch + 4 <= out_depth; out_ch += 4)
        {
            uint32_t acc[4];
            acc[0] = (uint32_t)bias[out_ch];
            acc[1] = (uint32_t)bias[out_ch + 1];
            acc[2] = (uint32_t)bias[out_ch + 2];
            acc[3] = (uint32_t)bias[out_ch + 3];
            tl_dot4_s8(in_row, w_group, in_depth, in_depth, acc);
            out_row[out_ch] = tl_fc_s8_output(acc[0], out_ch, stage);
            out_row[out_ch + 1] = tl_fc_s8_output(acc[1], out_ch + 1, stage);
            out_row[out_ch + 2] = tl_fc_s8_output(acc[2], out_ch + 2, stage);
            out_row[out_ch + 3] = tl_fc_s8_output(acc[3], out_ch + 3, stage);
            w_group += 4 * in_depth;
        }
        /* The remaining 0..3 channels, one at a time. */
        for (; out_ch < out_depth; out_ch++)
        {
            out_row[out_ch] =
                tl_fc_s8_output(tl_dot1_s8(in_row, w_group, in_depth, (uint32_t)bias[out_ch]), out_ch, stage);
            w_group += in_depth;
        }
    }
    return TL_OK;
}

tl_status tl_fully_connected_s8(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                const int8_t *weights, const int32_t *bias, int8_t *output)
{
    if (params != 0 && params->out_depth >= 4)
    {
        return tl_fully_connected_s8_fast(params, quant, input, weights, bias, output);
    }
    return tl_fully_connected_s8_plain(params, quant, input, weights, bias, output);
}

tl_status tl_op_fully_connected_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fc_record_validate(op, tensors, 8);
}

void tl_op_fully_connected_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_fc_params params;
    tl_fc_quant quant;
    tl_fc_record_decode(op, tensors, &params, &quant);
    (void)tl_fully_connected_s8(
        &params, &quant, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_INPUT]),
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_WEIGHTS]),
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_BIAS]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_OUT_OUTPUT]));
}
