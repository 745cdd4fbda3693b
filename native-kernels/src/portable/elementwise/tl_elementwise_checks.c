/* Load-time checks shared by the element-wise adapters (mirror of ElementwiseChecks.cs). */
#include "tl_elementwise_checks.h"

#include <string.h>

static tl_status tl_ew_tensor(const tl_tensors *tensors, int32_t t, int32_t type)
{
    if (t < 0 || tl_tensor_type(tensors, t) < 0)
    {
        return TL_ERR_PARAMS;
    }
    if (tl_tensor_type(tensors, t) != type || tl_tensor_data(tensors, t) == 0 || tl_tensor_bytes(tensors, t) < 0)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_ew_tensors(const tl_op *op, const tl_tensors *tensors, int32_t inputs, int32_t type, int32_t min_params)
{
    int32_t i;
    if (op->inputs == 0 || op->input_count != inputs || op->outputs == 0 || op->output_count != 1)
    {
        return TL_ERR_PARAMS;
    }
    if (op->params == 0 || op->param_count < min_params)
    {
        return TL_ERR_PARAMS;
    }
    for (i = 0; i < inputs; i++)
    {
        if (tl_ew_tensor(tensors, op->inputs[i], type) != TL_OK)
        {
            return TL_ERR_PARAMS;
        }
    }
    return tl_ew_tensor(tensors, op->outputs[0], type);
}

tl_status tl_ew_count(const tl_op *op, const tl_tensors *tensors, int32_t count_index, int32_t element_bytes)
{
    int64_t count = op->params[count_index];
    int64_t bytes;
    if (count < 0)
    {
        return TL_ERR_PARAMS;
    }
    bytes = count * element_bytes;
    if (bytes > tl_tensor_bytes(tensors, op->inputs[0]) || bytes > tl_tensor_bytes(tensors, op->outputs[0]))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_ew_broadcast(const tl_op *op, const tl_tensors *tensors, int32_t at, int32_t element_bytes,
                          tl_broadcast *out)
{
    tl_status e = tl_broadcast_decode(op->params, op->param_count, at, out);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_broadcast_check(out, tl_tensor_bytes(tensors, op->inputs[0]) / element_bytes,
                              tl_tensor_bytes(tensors, op->inputs[1]) / element_bytes,
                              tl_tensor_bytes(tensors, op->outputs[0]) / element_bytes);
}

tl_status tl_ew_binary_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t at,
                                int32_t element_bytes)
{
    tl_broadcast bc;
    tl_status e = tl_ew_tensors(op, tensors, 2, type, at + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_ew_broadcast(op, tensors, at, element_bytes, &bc);
}

tl_status tl_ew_binary_clamped_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_broadcast bc;
    tl_status e =
        tl_ew_tensors(op, tensors, 2, TL_EW_TYPE_INT32, TL_BINARY_CLAMPED_P_BROADCAST + TL_BROADCAST_HEADER_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    if (op->params[TL_BINARY_CLAMPED_P_ACTIVATION_MIN] > op->params[TL_BINARY_CLAMPED_P_ACTIVATION_MAX])
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_broadcast(op, tensors, TL_BINARY_CLAMPED_P_BROADCAST, 4, &bc);
}

float tl_ew_float_from_bits(int32_t bits)
{
    float value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

tl_status tl_ew_unary_float_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status e = tl_ew_tensors(op, tensors, 1, TL_EW_TYPE_FLOAT32, TL_UNARY_FLOAT_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    if (op->param_count != TL_UNARY_FLOAT_P_LENGTH)
    {
        return TL_ERR_PARAMS;
    }
    return tl_ew_count(op, tensors, TL_UNARY_FLOAT_P_COUNT, 4);
}
