/*
 * MUL int8 with broadcasting, bit-exact with QuantizedMul.cs (RunMulS8) / TFLM's reference integer Mul.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_mul_s8(const tl_mul_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                    int8_t *output)
{
    int32_t rows, row, i;
    if (bc == 0 || input1 == 0 || input2 == 0 || output == 0 || bc->n < 1 || bc->outer < 0 ||
        bc->outer > TL_BROADCAST_MAX_OUTER || params == 0 || params->output_shift < -31 || params->output_shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const int8_t *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const int8_t *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int32_t x = *a;
            const int32_t y = *b;
            /* Wrapping int32 product of the offset inputs, then MultiplyByQuantizedMultiplier. */
            const int32_t product = tl_d_wmul(tl_d_wadd(params->input1_offset, x), tl_d_wadd(params->input2_offset, y));
            int32_t result = tl_d_wadd(tl_d_mbqm(product, params->output_multiplier, params->output_shift),
                                       params->output_offset);
            if (result < params->act_min)
            {
                result = params->act_min;
            }
            if (result > params->act_max)
            {
                result = params->act_max;
            }
            *output++ = (int8_t)result;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_op_mul_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_broadcast bc;
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 2, TL_EW_TYPE_INT8, TL_MUL_P_BROADCAST + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (p[TL_MUL_P_OUTPUT_MULTIPLIER] < 0 || p[TL_MUL_P_OUTPUT_SHIFT] < -31 || p[TL_MUL_P_OUTPUT_SHIFT] > 30)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_ew_is_range(p[TL_MUL_P_ACTIVATION_MIN], p[TL_MUL_P_ACTIVATION_MAX], -128, 127))
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_broadcast(op, tensors, TL_MUL_P_BROADCAST, 1, &bc);
}

void tl_op_mul_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_broadcast bc;
    tl_mul_params params;
    (void)tl_broadcast_decode(p, op->param_count, TL_MUL_P_BROADCAST, &bc);
    params.input1_offset = p[TL_MUL_P_INPUT1_OFFSET];
    params.input2_offset = p[TL_MUL_P_INPUT2_OFFSET];
    params.output_offset = p[TL_MUL_P_OUTPUT_OFFSET];
    params.output_multiplier = p[TL_MUL_P_OUTPUT_MULTIPLIER];
    params.output_shift = p[TL_MUL_P_OUTPUT_SHIFT];
    params.act_min = p[TL_MUL_P_ACTIVATION_MIN];
    params.act_max = p[TL_MUL_P_ACTIVATION_MAX];
    (void)tl_mul_s8(&params, &bc,
        (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_MUL_IN_INPUT1]),
        (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_MUL_IN_INPUT2]),
        (int8_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_MUL_OUT_OUTPUT]));
}
