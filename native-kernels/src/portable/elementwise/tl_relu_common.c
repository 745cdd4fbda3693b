/*
 * Record validation and parameter decoding of RELU and LEAKY_RELU int8 and int16 (tl_relu_common.h), the same checks
 * in the same order as ReluS8/S16.cs and LeakyReluS8/S16.cs.
 */
#include "tl_relu_common.h"

#include "tl_elementwise_checks.h"

tl_status tl_ew_relu_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes,
                              int32_t lowest, int32_t highest)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, type, TL_RELU_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (op->param_count != TL_RELU_P_LENGTH || p[TL_RELU_P_MULTIPLIER] < 0 || p[TL_RELU_P_SHIFT] < -31 ||
        p[TL_RELU_P_SHIFT] > 30 || !tl_ew_is_range(p[TL_RELU_P_CLAMP_MIN], p[TL_RELU_P_CLAMP_MAX], lowest, highest))
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_RELU_P_COUNT, element_bytes);
}

void tl_ew_relu_decode(const tl_op *op, tl_relu_params *params)
{
    const int32_t *p = op->params;
    params->input_zero_point = p[TL_RELU_P_INPUT_ZERO_POINT];
    params->output_zero_point = p[TL_RELU_P_OUTPUT_ZERO_POINT];
    params->multiplier = p[TL_RELU_P_MULTIPLIER];
    params->shift = p[TL_RELU_P_SHIFT];
    params->act_min = p[TL_RELU_P_CLAMP_MIN];
    params->act_max = p[TL_RELU_P_CLAMP_MAX];
}

tl_status tl_ew_leaky_relu_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, type, TL_LEAKY_RELU_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (op->param_count != TL_LEAKY_RELU_P_LENGTH || p[TL_LEAKY_RELU_P_IDENTITY_MULTIPLIER] < 0 ||
        p[TL_LEAKY_RELU_P_IDENTITY_SHIFT] < -31 || p[TL_LEAKY_RELU_P_IDENTITY_SHIFT] > 30 ||
        p[TL_LEAKY_RELU_P_ALPHA_MULTIPLIER] < 0 || p[TL_LEAKY_RELU_P_ALPHA_SHIFT] < -31 ||
        p[TL_LEAKY_RELU_P_ALPHA_SHIFT] > 30 || p[TL_LEAKY_RELU_P_ALPHA_NEGATIVE] < 0 ||
        p[TL_LEAKY_RELU_P_ALPHA_NEGATIVE] > 1)
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_LEAKY_RELU_P_COUNT, element_bytes);
}

void tl_ew_leaky_relu_decode(const tl_op *op, tl_leaky_relu_params *params)
{
    const int32_t *p = op->params;
    params->input_zero_point = p[TL_LEAKY_RELU_P_INPUT_ZERO_POINT];
    params->output_zero_point = p[TL_LEAKY_RELU_P_OUTPUT_ZERO_POINT];
    params->identity_multiplier = p[TL_LEAKY_RELU_P_IDENTITY_MULTIPLIER];
    params->identity_shift = p[TL_LEAKY_RELU_P_IDENTITY_SHIFT];
    params->alpha_multiplier = p[TL_LEAKY_RELU_P_ALPHA_MULTIPLIER];
    params->alpha_shift = p[TL_LEAKY_RELU_P_ALPHA_SHIFT];
    params->alpha_negative = p[TL_LEAKY_RELU_P_ALPHA_NEGATIVE];
}
