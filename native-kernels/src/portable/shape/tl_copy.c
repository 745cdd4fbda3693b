/* COPY (TL_OP_COPY): RESHAPE, SQUEEZE, EXPAND_DIMS; twin of nf-runtime Kernels/Shape/Copy.cs. */
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
    if (!tl_shape_arity(op, 1, 1, TL_COPY_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    bytes = op->params[TL_COPY_P_BYTE_COUNT];
    if (!tl_shape_fits(tensors, op->inputs[TL_COPY_IN_SOURCE], bytes) ||
        !tl_shape_fits(tensors, op->outputs[TL_COPY_OUT_DESTINATION], bytes))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_copy(const tl_op *op, const tl_tensors *tensors)
{
    (void)tl_copy(tl_tensor_data(tensors, op->inputs[TL_COPY_IN_SOURCE]),
                  tl_tensor_data(tensors, op->outputs[TL_COPY_OUT_DESTINATION]), op->params[TL_COPY_P_BYTE_COUNT]);
}
