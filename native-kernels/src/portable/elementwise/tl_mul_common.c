/*
 * Record validation and parameter decoding of MUL int8 and int16 (tl_mul_common.h), the same checks in the same
 * order as QuantizedMul.cs.
 */
#include "tl_mul_common.h"

#include "tl_elementwise_checks.h"

tl_status tl_ew_mul_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes,
                             int32_t lowest, int32_t highest)
{
    tl_broadcast bc;
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 2, type, TL_MUL_P_BROADCAST + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (p[TL_MUL_P_OUTPUT_MULTIPLIER] < 0 || p[TL_MUL_P_OUTPUT_SHIFT] < -31 || p[TL_MUL_P_OUTPUT_SHIFT] > 30)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_ew_is_range(p[TL_MUL_P_ACTIVATION_MIN], p[TL_MUL_P_ACTIVATION_MAX], lowest, highest))
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_broadcast(op, tensors, TL_MUL_P_BROADCAST, element_bytes, &bc);
}

void tl_ew_mul_decode(const tl_op *op, tl_mul_params *params, tl_broadcast *bc)
{
    const int32_t *p = op->params;
    (void)tl_broadcast_decode(p, op->param_count, TL_MUL_P_BROADCAST, bc);
    params->input1_offset = p[TL_MUL_P_INPUT1_OFFSET];
    params->input2_offset = p[TL_MUL_P_INPUT2_OFFSET];
    params->output_offset = p[TL_MUL_P_OUTPUT_OFFSET];
    params->output_multiplier = p[TL_MUL_P_OUTPUT_MULTIPLIER];
    params->output_shift = p[TL_MUL_P_OUTPUT_SHIFT];
    params->act_min = p[TL_MUL_P_ACTIVATION_MIN];
    params->act_max = p[TL_MUL_P_ACTIVATION_MAX];
}
