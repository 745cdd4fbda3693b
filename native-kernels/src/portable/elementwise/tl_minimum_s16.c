/*
 * MINIMUM int16 with broadcasting, bit-exact with MinimumS16.cs / TFLM's MinimumOp (x < y ? x : y).
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

tl_status tl_minimum_s16(const tl_broadcast *bc, const int16_t *input1, const int16_t *input2,
                    int16_t *output)
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
        const int16_t *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const int16_t *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int16_t x = *a;
            const int16_t y = *b;
            *output++ = x < y ? x : y;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_op_minimum_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_broadcast bc;
    tl_status e = tl_ew_tensors(op, tensors, 2, TL_EW_TYPE_INT16, TL_BINARY_P_BROADCAST + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_ew_broadcast(op, tensors, TL_BINARY_P_BROADCAST, 2, &bc);
}

void tl_op_minimum_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_broadcast bc;
    (void)p;
    (void)tl_broadcast_decode(p, op->param_count, TL_BINARY_P_BROADCAST, &bc);
    (void)tl_minimum_s16(&bc,
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_IN_INPUT1]),
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_IN_INPUT2]),
        (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_BINARY_OUT_OUTPUT]));
}
