/*
 * DIV int32 with broadcasting, bit-exact with DivS32.cs / TFLM's reference_ops::Div on int32 (C division).
 */
#include "tinylite/tl_elementwise_kernels.h"

#include "tl_elementwise_checks.h"

tl_status tl_div_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output)
{
    int32_t rows, row, i;
    if (!tl_ew_broadcast_arguments_ok(bc, input1, input2, output))
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const int32_t *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const int32_t *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int32_t x = *a;
            const int32_t y = *b;
            /* C division where it is defined; x / 0 -> 0 and x / -1 -> wrapping negation (INT32_MIN stays). */
            int32_t r = y == 0 ? 0 : (y == -1 ? (int32_t)(0u - (uint32_t)x) : x / y);
            r = r < act_min ? act_min : r;
            r = act_max < r ? act_max : r;
            *output++ = r;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_op_div_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_clamped_s32_validate(op, tensors);
}

void tl_op_div_s32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_broadcast bc;
    (void)p;
    (void)tl_broadcast_decode(p, op->param_count, TL_BINARY_CLAMPED_P_BROADCAST, &bc);
    (void)tl_div_s32(p[TL_BINARY_CLAMPED_P_ACTIVATION_MIN], p[TL_BINARY_CLAMPED_P_ACTIVATION_MAX], &bc,
                     (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_CLAMPED_IN_INPUT1]),
                     (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_CLAMPED_IN_INPUT2]),
                     (int32_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_BINARY_CLAMPED_OUT_OUTPUT]));
}
