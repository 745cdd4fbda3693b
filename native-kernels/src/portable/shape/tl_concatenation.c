/* CONCATENATION (TL_OP_CONCATENATION); twin of nf-runtime Kernels/Shape/Concatenation.cs (TFLM's Concatenation). */
#include <string.h>

#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"

/** Most inputs one record can name (the runner bounds input counts to 64). */
#define CONCAT_MAX_INPUTS 64

tl_status tl_concatenation(int32_t outer, int32_t input_count, const uint8_t *const *inputs, const int32_t *chunk_bytes,
                           uint8_t *output)
{
    int32_t row, i;
    if (outer < 0 || input_count < 0)
    {
        return TL_ERR_ARGUMENT;
    }
    for (row = 0; row < outer; row++)
    {
        for (i = 0; i < input_count; i++)
        {
            const int32_t chunk = chunk_bytes[i];
            if (chunk > 0)
            {
                /* Row `row` of input i starts row * chunk bytes in (validated to fit the input). */
                /* memmove: the managed Array.Copy tolerates overlapping tensors, so must this. */
                memmove(output, inputs[i] + (size_t)row * (size_t)chunk, (size_t)chunk);
                output += chunk;
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_concatenation_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int64_t outer, row = 0;
    int32_t i;
    if (!tl_shape_arity(op, -1, 1, -1))
    {
        return TL_ERR_PARAMS;
    }
    /* The count is bounded before the sum is formed, so a hostile count cannot overflow it. */
    if (op->param_count < TL_CONCATENATION_P_LENGTH || p[TL_CONCATENATION_P_INPUT_COUNT] < 1 ||
        p[TL_CONCATENATION_P_INPUT_COUNT] > CONCAT_MAX_INPUTS ||
        op->param_count != TL_CONCATENATION_P_CHUNK_BYTES + p[TL_CONCATENATION_P_INPUT_COUNT] ||
        op->input_count != p[TL_CONCATENATION_P_INPUT_COUNT])
    {
        return TL_ERR_PARAMS;
    }
    outer = p[TL_CONCATENATION_P_OUTER_COUNT];
    if (outer < 0)
    {
        return TL_ERR_PARAMS;
    }
    for (i = 0; i < p[TL_CONCATENATION_P_INPUT_COUNT]; i++)
    {
        const int64_t chunk = p[TL_CONCATENATION_P_CHUNK_BYTES + i];
        if (chunk < 0 || !tl_shape_fits(tensors, op->inputs[TL_CONCATENATION_IN_INPUTS + i], outer * chunk))
        {
            return TL_ERR_PARAMS;
        }
        row += chunk;
        if (row > INT32_MAX)
        {
            return TL_ERR_PARAMS;
        }
    }
    return tl_shape_fits(tensors, op->outputs[TL_CONCATENATION_OUT_OUTPUT], outer * row) ? TL_OK : TL_ERR_PARAMS;
}

void tl_op_concatenation(const tl_op *op, const tl_tensors *tensors)
{
    const uint8_t *inputs[CONCAT_MAX_INPUTS];
    const int32_t count = op->params[TL_CONCATENATION_P_INPUT_COUNT];
    int32_t i;
    for (i = 0; i < count; i++)
    {
        inputs[i] = tl_tensor_data(tensors, op->inputs[TL_CONCATENATION_IN_INPUTS + i]);
    }
    (void)tl_concatenation(op->params[TL_CONCATENATION_P_OUTER_COUNT], count, inputs,
                           op->params + TL_CONCATENATION_P_CHUNK_BYTES,
                           tl_tensor_data(tensors, op->outputs[TL_CONCATENATION_OUT_OUTPUT]));
}
