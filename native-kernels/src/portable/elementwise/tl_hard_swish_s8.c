/*
 * HARD_SWISH int8 (TL_OP_HARD_SWISH_S8), bit-exact with HardSwishS8.cs / TFLM's 16-bit fixed-point reference
 * (reference_ops::HardSwish with HardSwishParams): the input less its zero point goes to a "high resolution"
 * scale (times 2^7); one branch rescales it to the output scale, the other maps it to a "relu-ish" factor in
 * [0, 1]; their product is shifted to the output scale, offset and saturated. Every step keeps gemmlowp's
 * int16 semantics, including its int16 RoundingDivideByPOT mask for shifts of 16 and more.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

/* gemmlowp's int16 SaturatingRoundingDoublingHighMul for a non-negative multiplier (no saturation case). */
static inline int32_t srdhm16(int32_t a, int32_t b)
{
    int32_t ab = a * b; /* |a| <= 32768, 0 <= b <= 32767: fits int32. */
    ab += ab >= 0 ? 0x4000 : -0x3FFF;
    return (int16_t)tl_d_asr32(ab >= 0 ? ab : ab + 0x7FFF, 15);
}

/* Rounding right shift with gemmlowp's int16 mask (it truncates to -1 for shifts of 16 and more). */
static inline int32_t rdbp16(int32_t x, int32_t right, int32_t mask)
{
    const int32_t half = mask >> 1;
    return tl_d_asr32(x, (int)right) + ((x & mask) > (half + (x < 0 ? 1 : 0)) ? 1 : 0);
}

/* (int16_t)((1 << right) - 1) as gemmlowp computes its mask in int16. */
static inline int32_t mask16(int32_t right)
{
    return (int16_t)(uint16_t)((((uint64_t)1) << right) - 1);
}

tl_status tl_hard_swish_s8(const tl_hard_swish_params *params, int32_t count, const int8_t *input, int8_t *output)
{
    int32_t i;
    int32_t reluish_right, reluish_mask, out_right, out_mask;
    if (params == 0 || input == 0 || output == 0 || count < 0 || params->input_zero_point < -128 ||
        params->input_zero_point > 127 || params->output_zero_point < -128 || params->output_zero_point > 127 ||
        params->reluish_multiplier < 0 || params->reluish_multiplier > 32767 || params->reluish_exponent < -31 ||
        params->reluish_exponent > 31 || params->output_multiplier < 0 || params->output_multiplier > 32767 ||
        params->output_exponent < -31 || params->output_exponent > 0)
    {
        return TL_ERR_ARGUMENT;
    }
    reluish_right = params->reluish_exponent < 0 ? -params->reluish_exponent : 0;
    reluish_mask = mask16(reluish_right);
    out_right = -params->output_exponent;
    out_mask = mask16(out_right);
    for (i = 0; i < count; i++)
    {
        /* x - zp is in [-255, 255]: times 2^7 it fits int16. */
        const int32_t hires = (input[i] - params->input_zero_point) * 128;
        /* The input on the pre-shift output scale. */
        const int32_t preshift_out = srdhm16(hires, params->output_multiplier);
        int32_t reluish = hires;
        int32_t value;
        if (params->reluish_exponent > 0)
        {
            /* Saturating left shift by exponent - 1 (the last bit comes after the multiply). */
            const int64_t shifted = (int64_t)reluish * ((int64_t)1 << (params->reluish_exponent - 1));
            reluish = shifted > 32767 ? 32767 : shifted < -32768 ? -32768 : (int32_t)shifted;
        }
        reluish = srdhm16(reluish, params->reluish_multiplier);
        if (params->reluish_exponent > 0)
        {
            reluish = reluish > 16383 ? 32767 : reluish < -16384 ? -32768 : reluish * 2;
        }
        else if (params->reluish_exponent < 0)
        {
            reluish = rdbp16(reluish, reluish_right, reluish_mask);
        }
        /* From [-1, 1] to [0, 1] in Q0.15. */
        reluish = (reluish + 32768) >> 1;
        /* Truncating doubling high multiply; reluish in [0, 32767]: no saturation case. */
        value = reluish * preshift_out;
        value = (int16_t)tl_d_asr32(value >= 0 ? value : value + 0x7FFF, 15);
        value = rdbp16(value, out_right, out_mask);
        value = (int16_t)(value + params->output_zero_point);
        value = value > 127 ? 127 : value < -128 ? -128 : value;
        output[i] = (int8_t)value;
    }
    return TL_OK;
}

tl_status tl_op_hard_swish_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, TL_EW_TYPE_INT8, TL_HARD_SWISH_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (op->param_count != TL_HARD_SWISH_P_LENGTH || p[TL_HARD_SWISH_P_INPUT_ZERO_POINT] < -128 ||
        p[TL_HARD_SWISH_P_INPUT_ZERO_POINT] > 127 || p[TL_HARD_SWISH_P_OUTPUT_ZERO_POINT] < -128 ||
        p[TL_HARD_SWISH_P_OUTPUT_ZERO_POINT] > 127 || p[TL_HARD_SWISH_P_RELUISH_MULTIPLIER] < 0 ||
        p[TL_HARD_SWISH_P_RELUISH_MULTIPLIER] > 32767 || p[TL_HARD_SWISH_P_RELUISH_SHIFT] < -31 ||
        p[TL_HARD_SWISH_P_RELUISH_SHIFT] > 31 || p[TL_HARD_SWISH_P_OUTPUT_MULTIPLIER] < 0 ||
        p[TL_HARD_SWISH_P_OUTPUT_MULTIPLIER] > 32767 || p[TL_HARD_SWISH_P_OUTPUT_SHIFT] < -31 ||
        p[TL_HARD_SWISH_P_OUTPUT_SHIFT] > 0)
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_HARD_SWISH_P_COUNT, 1);
}

void tl_op_hard_swish_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_hard_swish_params params;
    params.input_zero_point = p[TL_HARD_SWISH_P_INPUT_ZERO_POINT];
    params.output_zero_point = p[TL_HARD_SWISH_P_OUTPUT_ZERO_POINT];
    params.reluish_multiplier = p[TL_HARD_SWISH_P_RELUISH_MULTIPLIER];
    params.reluish_exponent = p[TL_HARD_SWISH_P_RELUISH_SHIFT];
    params.output_multiplier = p[TL_HARD_SWISH_P_OUTPUT_MULTIPLIER];
    params.output_exponent = p[TL_HARD_SWISH_P_OUTPUT_SHIFT];
    (void)tl_hard_swish_s8(&params, p[TL_HARD_SWISH_P_COUNT],
                           (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_HARD_SWISH_IN_INPUT]),
                           (int8_t *)tl_tensor_data(tensors, op->outputs[TL_HARD_SWISH_OUT_OUTPUT]));
}
