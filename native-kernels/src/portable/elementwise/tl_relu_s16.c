/*
 * RELU int16 (TFLM ReluQuantized: rescale to the output, clamp), bit-exact with ReluS16.cs.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_relu_s16(const tl_relu_params *params, int32_t count, const int16_t *input, int16_t *output)
{
    int32_t i;
    if (input == 0 || output == 0 || count < 0 || params == 0 || params->shift < -31 || params->shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is safe: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        const int32_t x = input[i];
        /* zp_out + MultiplyByQuantizedMultiplier(x - zp_in), clamped (wrapping like the C# twin). */
        int32_t result = tl_d_wadd(params->output_zero_point,
                                   tl_d_mbqm(tl_d_wsub(x, params->input_zero_point), params->multiplier, params->shift));
        result = result < params->act_min ? params->act_min : result;
        result = result > params->act_max ? params->act_max : result;
        output[i] = (int16_t)result;
    }
    return TL_OK;
}

tl_status tl_op_relu_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 1, TL_EW_TYPE_INT16, TL_RELU_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    (void)p;
    if (op->param_count != TL_RELU_P_LENGTH || p[TL_RELU_P_MULTIPLIER] < 0 || p[TL_RELU_P_SHIFT] < -31 ||
        p[TL_RELU_P_SHIFT] > 30 || !tl_ew_is_range(p[TL_RELU_P_CLAMP_MIN], p[TL_RELU_P_CLAMP_MAX], -32768, 32767))
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_RELU_P_COUNT, 2);
}

void tl_op_relu_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int16_t *in = (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_RELU_IN_INPUT]);
    int16_t *out = (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_RELU_OUT_OUTPUT]);
    tl_relu_params params;
    params.input_zero_point = p[TL_RELU_P_INPUT_ZERO_POINT];
    params.output_zero_point = p[TL_RELU_P_OUTPUT_ZERO_POINT];
    params.multiplier = p[TL_RELU_P_MULTIPLIER];
    params.shift = p[TL_RELU_P_SHIFT];
    params.act_min = p[TL_RELU_P_CLAMP_MIN];
    params.act_max = p[TL_RELU_P_CLAMP_MAX];
    (void)tl_relu_s16(&params, p[TL_RELU_P_COUNT], in, out);
}
