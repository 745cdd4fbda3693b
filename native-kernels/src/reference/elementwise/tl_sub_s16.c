/*
 * SUB int16 with broadcasting, bit-exact with SubS16.cs / TFLM's reference integer kernel (left-shifted, rescaled inputs).
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_sub_s16(const tl_add_params *params, const tl_broadcast *bc, const int16_t *input1, const int16_t *input2,
                    int16_t *output)
{
    int32_t rows, row, i;
    int32_t shift1, shift2, out_shift;
    if (params == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    /* Right shifts are stored as non-positive exponents. */
    shift1 = -params->input1_shift;
    shift2 = -params->input2_shift;
    out_shift = -params->output_shift;
    if (bc == 0 || input1 == 0 || input2 == 0 || output == 0 || bc->n < 1 || bc->outer < 0 ||
        bc->outer > TL_BROADCAST_MAX_OUTER || shift1 < 0 || shift1 > 31 || shift2 < 0 || shift2 > 31 || out_shift < 0 ||
        out_shift > 31 || params->left_shift < 0 || params->left_shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const int16_t *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const int16_t *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int32_t x = *a;
            const int32_t y = *b;
            /*
             * Each input: offset, wrapping left shift, rounding doubling high multiply, rounding right shift
             * (MultiplyByQuantizedMultiplierSmallerThanOneExp); then the wrapping difference, rescaled to the output.
             */
            const int32_t scaled1 = tl_d_rdbp(
                tl_d_srdhm(tl_d_wshl(tl_d_wadd(params->input1_offset, x), params->left_shift), params->input1_multiplier),
                shift1);
            const int32_t scaled2 = tl_d_rdbp(
                tl_d_srdhm(tl_d_wshl(tl_d_wadd(params->input2_offset, y), params->left_shift), params->input2_multiplier),
                shift2);
            int32_t result = tl_d_wadd(
                tl_d_rdbp(tl_d_srdhm(tl_d_wsub(scaled1, scaled2), params->output_multiplier), out_shift),
                params->output_offset);
            if (result < params->act_min)
            {
                result = params->act_min;
            }
            if (result > params->act_max)
            {
                result = params->act_max;
            }
            *output++ = (int16_t)result;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_op_sub_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_broadcast bc;
    const int32_t *p;
    tl_status e = tl_ew_tensors(op, tensors, 2, TL_EW_TYPE_INT16, 12 + 4);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (p[1] < 0 || p[4] < 0 || p[6] < 0 || !tl_ew_is_right_shift(p[2]) || !tl_ew_is_right_shift(p[5]) ||
        !tl_ew_is_right_shift(p[7]) || p[9] < 0 || p[9] > 30)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_ew_is_range(p[10], p[11], -32768, 32767))
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_broadcast(op, tensors, 12, 2, &bc);
}

void tl_op_sub_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_broadcast bc;
    tl_add_params params;
    (void)tl_broadcast_decode(p, op->param_count, 12, &bc);
    params.input1_offset = p[0];
    params.input1_multiplier = p[1];
    params.input1_shift = p[2];
    params.input2_offset = p[3];
    params.input2_multiplier = p[4];
    params.input2_shift = p[5];
    params.output_multiplier = p[6];
    params.output_shift = p[7];
    params.output_offset = p[8];
    params.left_shift = p[9];
    params.act_min = p[10];
    params.act_max = p[11];
    (void)tl_sub_s16(&params, &bc,
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[0]),
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[1]),
        (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[0]));
}
