/*
 * SUB float32 with broadcasting, bit-exact with SubF32.cs / TFLM's reference_ops on float.
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_sub_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                    float *output)
{
    int32_t rows, row, i;
    if (bc == 0 || input1 == 0 || input2 == 0 || output == 0 || bc->n < 1 || bc->outer < 0 ||
        bc->outer > TL_BROADCAST_MAX_OUTER)
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const float *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const float *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const float x = *a;
            const float y = *b;
            /* min(max(r, act_min), act_max) with std::max/std::min argument order. */
            float r = x - y;
            r = r < act_min ? act_min : r;
            r = act_max < r ? act_max : r;
            *output++ = r;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_op_sub_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_broadcast bc;
    tl_status e = tl_ew_tensors(op, tensors, 2, TL_EW_TYPE_FLOAT32,
        TL_BINARY_CLAMPED_P_BROADCAST + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_ew_broadcast(op, tensors, TL_BINARY_CLAMPED_P_BROADCAST, 4, &bc);
}

void tl_op_sub_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_broadcast bc;
    (void)p;
    (void)tl_broadcast_decode(p, op->param_count, TL_BINARY_CLAMPED_P_BROADCAST, &bc);
    (void)tl_sub_f32(tl_ew_float_from_bits(p[TL_BINARY_CLAMPED_P_ACTIVATION_MIN]),
        tl_ew_float_from_bits(p[TL_BINARY_CLAMPED_P_ACTIVATION_MAX]), &bc,
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_CLAMPED_IN_INPUT1]),
        (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_CLAMPED_IN_INPUT2]),
        (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_BINARY_CLAMPED_OUT_OUTPUT]));
}
