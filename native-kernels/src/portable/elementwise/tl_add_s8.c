/*
 * ADD int8 with broadcasting, bit-exact with AddS8.cs / TFLM's reference integer kernel (left-shifted,
 * rescaled inputs). The arithmetic, validation and decoding shared with the other ADD/SUB kernels are in
 * tl_add_sub_common.[ch].
 */
#include "tl_add_sub_common.h"

tl_status tl_add_s8(const tl_add_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                     int8_t *output)
{
    int32_t rows, row, i;
    tl_status e = tl_ew_add_sub_arguments(params, bc, input1, input2, output);
    if (e != TL_OK)
    {
        return e;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const int8_t *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const int8_t *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            *output++ = (int8_t)tl_ew_add_sub_element(params, *a, *b, 0);
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_op_add_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_add_sub_validate(op, tensors, TL_TYPE_INT8, 1, -128, 127);
}

void tl_op_add_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_broadcast bc;
    tl_add_params params;
    tl_ew_add_sub_decode(op, &params, &bc);
    (void)tl_add_s8(&params, &bc,
        (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT1]),
        (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT2]),
        (int8_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_ADD_SUB_OUT_OUTPUT]));
}
