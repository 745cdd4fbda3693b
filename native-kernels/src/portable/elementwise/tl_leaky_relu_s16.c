/*
 * LEAKY_RELU int16 (TFLM QuantizeLeakyRelu), bit-exact with LeakyReluS16.cs.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_leaky_relu_s16(const tl_leaky_relu_params *params, int32_t count, const int16_t *input, int16_t *output)
{
    int32_t i;
    if (input == 0 || output == 0 || count < 0 || params == 0 || params->identity_shift < -31 || params->identity_shift > 30 ||
        params->alpha_shift < -31 || params->alpha_shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is safe: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        const int32_t x = input[i];
        const int32_t value = tl_d_wsub(x, params->input_zero_point);
        int32_t result;
        if (value >= 0)
        {
            result = tl_d_wadd(params->output_zero_point,
                               tl_d_mbqm(value, params->identity_multiplier, params->identity_shift));
        }
        else
        {
            /* Alpha's multiplier is stored as a magnitude; a negative alpha negates the scaled value. */
            const int32_t scaled = tl_d_mbqm(value, params->alpha_multiplier, params->alpha_shift);
            result = tl_d_wadd(params->output_zero_point, params->alpha_negative != 0 ? tl_d_wsub(0, scaled) : scaled);
        }
        result = result < -32768 ? -32768 : result;
        result = result > 32767 ? 32767 : result;
        output[i] = (int16_t)result;
    }
    return TL_OK;
}

tl_status tl_op_leaky_relu_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, TL_EW_TYPE_INT16, TL_LEAKY_RELU_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    (void)p;
    if (op->param_count != TL_LEAKY_RELU_P_LENGTH || p[TL_LEAKY_RELU_P_IDENTITY_MULTIPLIER] < 0 ||
        p[TL_LEAKY_RELU_P_IDENTITY_SHIFT] < -31 || p[TL_LEAKY_RELU_P_IDENTITY_SHIFT] > 30 ||
        p[TL_LEAKY_RELU_P_ALPHA_MULTIPLIER] < 0 || p[TL_LEAKY_RELU_P_ALPHA_SHIFT] < -31 ||
        p[TL_LEAKY_RELU_P_ALPHA_SHIFT] > 30 ||
        p[TL_LEAKY_RELU_P_ALPHA_NEGATIVE] < 0 || p[TL_LEAKY_RELU_P_ALPHA_NEGATIVE] > 1)
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_LEAKY_RELU_P_COUNT, 2);
}

void tl_op_leaky_relu_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int16_t *in = (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_LEAKY_RELU_IN_INPUT]);
    int16_t *out = (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_LEAKY_RELU_OUT_OUTPUT]);
    tl_leaky_relu_params params;
    params.input_zero_point = p[TL_LEAKY_RELU_P_INPUT_ZERO_POINT];
    params.output_zero_point = p[TL_LEAKY_RELU_P_OUTPUT_ZERO_POINT];
    params.identity_multiplier = p[TL_LEAKY_RELU_P_IDENTITY_MULTIPLIER];
    params.identity_shift = p[TL_LEAKY_RELU_P_IDENTITY_SHIFT];
    params.alpha_multiplier = p[TL_LEAKY_RELU_P_ALPHA_MULTIPLIER];
    params.alpha_shift = p[TL_LEAKY_RELU_P_ALPHA_SHIFT];
    params.alpha_negative = p[TL_LEAKY_RELU_P_ALPHA_NEGATIVE];
    (void)tl_leaky_relu_s16(&params, p[TL_LEAKY_RELU_P_COUNT], in, out);
}
