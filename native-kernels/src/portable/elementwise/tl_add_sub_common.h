/*
 * What ADD and SUB share for int8 and int16 (TFLM's reference integer add/sub): argument checks, the
 * per-element arithmetic, record validation and parameter decoding. SUB is ADD with the rescaled second input
 * subtracted instead of added; everything else, Params layout included, is the same.
 */
#ifndef TINYLITE_TL_ADD_SUB_COMMON_H
#define TINYLITE_TL_ADD_SUB_COMMON_H

#include "tinylite/tl_elementwise_kernels.h"

#include "tinylite/tl_image.h"

#include "../dense/tl_dense_fixed_point.h"

/** TL_OK when the typed kernel's arguments are usable (shifts in range, pointers set), else TL_ERR_ARGUMENT. */
tl_status tl_ew_add_sub_arguments(const tl_add_params *params, const tl_broadcast *bc, const void *input1,
                                  const void *input2, const void *output);

/**
 * One output element: each input offset, wrapping left shift, rounding doubling high multiply and rounding right
 * shift (MultiplyByQuantizedMultiplierSmallerThanOneExp); then the wrapping sum (or difference when
 * @p subtract), rescaled to the output and clamped to the activation range.
 */
static inline int32_t tl_ew_add_sub_element(const tl_add_params *params, int32_t x, int32_t y, int subtract)
{
    /* Right shifts are stored as non-positive exponents. */
    const int32_t scaled1 = tl_d_rdbp(
        tl_d_srdhm(tl_d_wshl(tl_d_wadd(params->input1_offset, x), params->left_shift), params->input1_multiplier),
        -params->input1_shift);
    const int32_t scaled2 = tl_d_rdbp(
        tl_d_srdhm(tl_d_wshl(tl_d_wadd(params->input2_offset, y), params->left_shift), params->input2_multiplier),
        -params->input2_shift);
    const int32_t combined = subtract ? tl_d_wsub(scaled1, scaled2) : tl_d_wadd(scaled1, scaled2);
    int32_t result = tl_d_wadd(tl_d_rdbp(tl_d_srdhm(combined, params->output_multiplier), -params->output_shift),
                               params->output_offset);
    if (result < params->act_min)
    {
        result = params->act_min;
    }
    if (result > params->act_max)
    {
        result = params->act_max;
    }
    return result;
}

/**
 * The typed ADD/SUB kernels' loop over @p bc's rows for elements of @p width bytes (1: int8, 2: int16), subtracting
 * when @p subtract. Each kernel passes constants, so the compiler specialises the loop: no per-element choice.
 */
static inline tl_status tl_ew_add_sub_rows(const tl_add_params *params, const tl_broadcast *bc, const void *input1,
                                           const void *input2, void *output, int width, int subtract)
{
    int32_t rows, row, i;
    unsigned char *o = (unsigned char *)output;
    tl_status e = tl_ew_add_sub_arguments(params, bc, input1, input2, output);
    if (e != TL_OK)
    {
        return e;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        /* Byte pointers stepped by whole elements: with a constant width this is the typed pointer walk. */
        const unsigned char *a = (const unsigned char *)input1 + width * tl_broadcast_row_offset(bc, row, 0);
        const unsigned char *b = (const unsigned char *)input2 + width * tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int32_t x = width == 1 ? *(const int8_t *)(const void *)a : *(const int16_t *)(const void *)a;
            const int32_t y = width == 1 ? *(const int8_t *)(const void *)b : *(const int16_t *)(const void *)b;
            const int32_t r = tl_ew_add_sub_element(params, x, y, subtract);
            if (width == 1)
            {
                *(int8_t *)(void *)o = (int8_t)r;
            }
            else
            {
                *(int16_t *)(void *)o = (int16_t)r;
            }
            o += width;
            a += width * bc->inner1;
            b += width * bc->inner2;
        }
    }
    return TL_OK;
}

/** Validates an ADD/SUB record of element type @p type (int8 or int16) whose outputs lie in [lowest, highest]. */
tl_status tl_ew_add_sub_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes,
                                 int32_t lowest, int32_t highest);

/** Decodes the Params of an ADD/SUB record (TL_ADD_SUB_P_*) and its broadcast descriptor (a validated record). */
void tl_ew_add_sub_decode(const tl_op *op, tl_add_params *params, tl_broadcast *bc);

/** Runs a validated ADD/SUB record of @p width-byte elements: decodes it and calls tl_ew_add_sub_rows. */
static inline void tl_ew_add_sub_run(const tl_op *op, const tl_tensors *tensors, int width, int subtract)
{
    tl_broadcast bc;
    tl_add_params params;
    tl_ew_add_sub_decode(op, &params, &bc);
    (void)tl_ew_add_sub_rows(&params, &bc, tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT1]),
                             tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT2]),
                             tl_tensor_data(tensors, op->outputs[TL_ADD_SUB_OUT_OUTPUT]), width, subtract);
}

#endif /* TINYLITE_TL_ADD_SUB_COMMON_H */
