/* ADD/SUB int8 and int16: shared argument checks, record validation and decoding (see tl_add_sub_common.h). */
#include "tl_add_sub_common.h"

#include "tl_elementwise_checks.h"

tl_status tl_ew_add_sub_arguments(const tl_add_params *params, const tl_broadcast *bc, const void *input1,
                                  const void *input2, const void *output)
{
    if (params == 0 || !tl_ew_broadcast_arguments_ok(bc, input1, input2, output))
    {
        return TL_ERR_ARGUMENT;
    }
    /* Right shifts are stored as non-positive exponents; the doubling high multiply needs them in [0, 31]. */
    if (-params->input1_shift < 0 || -params->input1_shift > 31 || -params->input2_shift < 0 ||
        -params->input2_shift > 31 || -params->output_shift < 0 || -params->output_shift > 31 ||
        params->left_shift < 0 || params->left_shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}

tl_status tl_ew_add_sub_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes,
                                 int32_t lowest, int32_t highest)
{
    tl_broadcast bc;
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 2, type, TL_ADD_SUB_P_BROADCAST + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (p[TL_ADD_SUB_P_INPUT1_MULTIPLIER] < 0 || p[TL_ADD_SUB_P_INPUT2_MULTIPLIER] < 0 ||
        p[TL_ADD_SUB_P_OUTPUT_MULTIPLIER] < 0 || !tl_ew_is_right_shift(p[TL_ADD_SUB_P_INPUT1_SHIFT]) ||
        !tl_ew_is_right_shift(p[TL_ADD_SUB_P_INPUT2_SHIFT]) || !tl_ew_is_right_shift(p[TL_ADD_SUB_P_OUTPUT_SHIFT]) ||
        p[TL_ADD_SUB_P_LEFT_SHIFT] < 0 || p[TL_ADD_SUB_P_LEFT_SHIFT] > 30)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_ew_is_range(p[TL_ADD_SUB_P_ACTIVATION_MIN], p[TL_ADD_SUB_P_ACTIVATION_MAX], lowest, highest))
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_broadcast(op, tensors, TL_ADD_SUB_P_BROADCAST, element_bytes, &bc);
}

void tl_ew_add_sub_decode(const tl_op *op, tl_add_params *params, tl_broadcast *bc)
{
    const int32_t *p = op->params;
    (void)tl_broadcast_decode(p, op->param_count, TL_ADD_SUB_P_BROADCAST, bc);
    params->input1_offset = p[TL_ADD_SUB_P_INPUT1_OFFSET];
    params->input1_multiplier = p[TL_ADD_SUB_P_INPUT1_MULTIPLIER];
    params->input1_shift = p[TL_ADD_SUB_P_INPUT1_SHIFT];
    params->input2_offset = p[TL_ADD_SUB_P_INPUT2_OFFSET];
    params->input2_multiplier = p[TL_ADD_SUB_P_INPUT2_MULTIPLIER];
    params->input2_shift = p[TL_ADD_SUB_P_INPUT2_SHIFT];
    params->output_multiplier = p[TL_ADD_SUB_P_OUTPUT_MULTIPLIER];
    params->output_shift = p[TL_ADD_SUB_P_OUTPUT_SHIFT];
    params->output_offset = p[TL_ADD_SUB_P_OUTPUT_OFFSET];
    params->left_shift = p[TL_ADD_SUB_P_LEFT_SHIFT];
    params->act_min = p[TL_ADD_SUB_P_ACTIVATION_MIN];
    params->act_max = p[TL_ADD_SUB_P_ACTIVATION_MAX];
}
