/*
 * Streaming FULLY_CONNECTED int8, last part (code 204), bit-exact with FullyConnectedS8Finish.cs: the output
 * stage of tl_fully_connected_s8 (the same tl_fc_s8_output) applied to int32 accumulators built by
 * tl_fully_connected_s8_accumulate.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_validation.h"
#include "tl_fc_s8_output.h"

tl_status tl_fully_connected_s8_finish(const tl_fc_finish_params *params, const tl_fc_quant *quant, const int32_t *acc,
                                       int8_t *output)
{
    int32_t out_ch;
    tl_fc_s8_stage stage;
    if (params == 0 || quant == 0 || quant->pairs == 0 || acc == 0 || output == 0 || params->out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    stage = tl_fc_s8_stage_of(quant, params->output_zero_point, params->act_min, params->act_max);
    /*
     * In place (output at the accumulators' first byte): output byte o lies in accumulator o / 4 <= o, which
     * was read at step o / 4; int8 stores may alias the int32 loads, so the compiler keeps this order.
     */
    for (out_ch = 0; out_ch < params->out_depth; out_ch++)
    {
        output[out_ch] = tl_fc_s8_output((uint32_t)acc[out_ch], out_ch, stage);
    }
    return TL_OK;
}

tl_status tl_op_fully_connected_s8_finish_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    int64_t out_depth;
    int64_t pairs;
    int32_t per_channel;
    tl_status e = tl_dv_shape(op, 2, 1, TL_FULLY_CONNECTED_FINISH_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    e = tl_dv_at_least(p, 0, 1, 1);
    if (e != TL_OK)
    {
        return e;
    }
    out_depth = p[TL_FULLY_CONNECTED_FINISH_P_OUTPUT_DEPTH];
    /* Last param: 1 = one requantization pair per output channel, 0 = one pair for all. */
    per_channel = p[TL_FULLY_CONNECTED_FINISH_P_PER_CHANNEL];
    if (per_channel != 0 && per_channel != 1)
    {
        return TL_ERR_PARAMS;
    }
    pairs = per_channel != 0 ? out_depth : 1;
    e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_FINISH_IN_ACCUMULATORS], TL_TYPE_INT32, out_depth * 4);
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->inputs[TL_FULLY_CONNECTED_FINISH_IN_MULTIPLIERS], TL_TYPE_INT32, pairs * 8);
    }
    if (e == TL_OK)
    {
        e = tl_dv_tensor(tensors, op->outputs[TL_FULLY_CONNECTED_FINISH_OUT_OUTPUT], TL_TYPE_INT8, out_depth);
    }
    if (e == TL_OK)
    {
        e = tl_dv_requantization_pairs(tensors, op->inputs[TL_FULLY_CONNECTED_FINISH_IN_MULTIPLIERS], pairs);
    }
    if (e == TL_OK)
    {
        e = tl_dv_activation_range(p[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MIN],
                                   p[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MAX], -128, 127);
    }
    if (e != TL_OK)
    {
        return e;
    }
    /* In place only from the accumulators' first byte (see tl_fully_connected_s8_finish). */
    if (tl_dv_overlap(tensors, op->outputs[TL_FULLY_CONNECTED_FINISH_OUT_OUTPUT], out_depth,
                      op->inputs[TL_FULLY_CONNECTED_FINISH_IN_ACCUMULATORS], out_depth * 4) &&
        tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_FINISH_OUT_OUTPUT]) !=
            tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_FINISH_IN_ACCUMULATORS]))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_fully_connected_s8_finish(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_fc_finish_params params;
    tl_fc_quant quant;
    params.out_depth = p[TL_FULLY_CONNECTED_FINISH_P_OUTPUT_DEPTH];
    params.output_zero_point = p[TL_FULLY_CONNECTED_FINISH_P_OUTPUT_OFFSET];
    params.act_min = p[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MIN];
    params.act_max = p[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MAX];
    quant.pairs =
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_FINISH_IN_MULTIPLIERS]);
    quant.per_channel = p[TL_FULLY_CONNECTED_FINISH_P_PER_CHANNEL];
    (void)tl_fully_connected_s8_finish(
        &params, &quant,
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_FINISH_IN_ACCUMULATORS]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_FINISH_OUT_OUTPUT]));
}
