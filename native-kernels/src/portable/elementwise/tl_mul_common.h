/*
 * What MUL int8 and int16 with broadcasting share (tl_mul_s8.c, tl_mul_s16.c), bit-exact with QuantizedMul.cs /
 * TFLM's reference integer Mul: the loop (always inlined with a constant element size, so each kernel keeps its own
 * loop), record validation and parameter decoding (tl_mul_common.c).
 */
#ifndef TINYLITE_TL_MUL_COMMON_H
#define TINYLITE_TL_MUL_COMMON_H

#include "tinylite/tl_elementwise_kernels.h"

#include "tinylite/tl_image.h"

#include "../dense/tl_dense_fixed_point.h"
#include "../tl_int_element.h"
#include "tl_elementwise_checks.h"

static TL_ALWAYS_INLINE tl_status tl_mul_run(const tl_mul_params *params, const tl_broadcast *bc, const void *input1,
                                             const void *input2, void *output, int32_t element_bytes)
{
    int32_t rows, row, i;
    unsigned char *out = (unsigned char *)output;
    if (!tl_ew_broadcast_arguments_ok(bc, input1, input2, output) || params == 0 || params->output_shift < -31 ||
        params->output_shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const unsigned char *a = (const unsigned char *)input1 + tl_broadcast_row_offset(bc, row, 0) * element_bytes;
        const unsigned char *b = (const unsigned char *)input2 + tl_broadcast_row_offset(bc, row, 1) * element_bytes;
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int32_t x = tl_int_load(a, 0, element_bytes);
            const int32_t y = tl_int_load(b, 0, element_bytes);
            /* Wrapping int32 product of the offset inputs, then MultiplyByQuantizedMultiplier. */
            const int32_t product = tl_d_wmul(tl_d_wadd(params->input1_offset, x), tl_d_wadd(params->input2_offset, y));
            int32_t result =
                tl_d_wadd(tl_d_mbqm(product, params->output_multiplier, params->output_shift), params->output_offset);
            if (result < params->act_min)
            {
                result = params->act_min;
            }
            if (result > params->act_max)
            {
                result = params->act_max;
            }
            tl_int_store(out, 0, result, element_bytes);
            out += element_bytes;
            a += bc->inner1 * element_bytes;
            b += bc->inner2 * element_bytes;
        }
    }
    return TL_OK;
}

/** Validates a MUL record of element type @p type (int8 or int16) whose outputs lie in [lowest, highest]. */
tl_status tl_ew_mul_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes,
                             int32_t lowest, int32_t highest);

/** Decodes the Params of a MUL record (TL_MUL_P_*) and its broadcast descriptor (a validated record). */
void tl_ew_mul_decode(const tl_op *op, tl_mul_params *params, tl_broadcast *bc);

/** Runs a validated MUL record of @p element_bytes-byte elements: decodes it and calls tl_mul_run. */
static TL_ALWAYS_INLINE void tl_ew_mul_run(const tl_op *op, const tl_tensors *tensors, int32_t element_bytes)
{
    tl_broadcast bc;
    tl_mul_params params;
    tl_ew_mul_decode(op, &params, &bc);
    (void)tl_mul_run(&params, &bc, tl_tensor_data(tensors, op->inputs[TL_MUL_IN_INPUT1]),
                     tl_tensor_data(tensors, op->inputs[TL_MUL_IN_INPUT2]),
                     tl_tensor_data(tensors, op->outputs[TL_MUL_OUT_OUTPUT]), element_bytes);
}

#endif /* TINYLITE_TL_MUL_COMMON_H */
