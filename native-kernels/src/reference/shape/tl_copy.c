/* COPY (code 400): RESHAPE, SQUEEZE, EXPAND_DIMS; twin of nf-runtime Kernels/Shape/Copy.cs. */
#include <string.h>

#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"

tl_status tl_copy(const uint8_t *input, uint8_t *output, int32_t bytes)
{
    if (bytes < 0 || (bytes > 0 && (input == NULL || output == NULL)))
    {
        return TL_ERR_ARGUMENT;
    }
    /* The planner may give input and output the same bytes: then there is nothing to move. */
    if (bytes > 0 && input != output)
    {
        memmove(output, input, (size_t)bytes);
    }
    return TL_OK;
}

tl_status tl_op_copy_validate(const tl_op *op, const tl_tensors *tensors)
{
    int32_t bytes;
    if (!tl_shape_arity(op, 1, 1, 1))
    {
        return TL_ERR_PARAMS;
    }
    bytes = op->params[0];
    if (!tl_shape_fits(tensors, op->inputs[0], bytes) || !tl_shape_fits(tensors, op->outputs[0], bytes))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_copy(const tl_op *op, const tl_tensors *tensors)
{
    (void)tl_copy(tl_tensor_data(tensors, op->inputs[0]), tl_tensor_data(tensors, op->outputs[0]), op->params[0]);
}
