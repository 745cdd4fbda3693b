/* REQUANTIZE int8/int16/int32 -> int8/int16/int32 (code 405); twin of nf-runtime Kernels/Shape/Requantize.cs
 * (TFLM's Requantize). */
#include "tinylite/tl_fixed_point.h"
#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"

#define REQUANTIZE_PARAM_COUNT 7

static int is_integer_type(int32_t type)
{
    return type == TL_TYPE_INT8 || type == TL_TYPE_INT16 || type == TL_TYPE_INT32;
}

tl_status tl_requantize(const tl_requantize_params *params, int32_t count, const void *input, void *output)
{
    const int32_t in_size = tl_shape_element_size(params->input_type);
    const int32_t out_size = tl_shape_element_size(params->output_type);
    const int32_t min = out_size == 1 ? -128 : (out_size == 2 ? -32768 : INT32_MIN);
    const int32_t max = out_size == 1 ? 127 : (out_size == 2 ? 32767 : INT32_MAX);
    int32_t i;
    if (!is_integer_type(params->input_type) || !is_integer_type(params->output_type))
    {
        return TL_ERR_ARGUMENT;
    }
    /* Element i is read before element i is written, and an output element is never wider than the input
       one when they share the buffer, so in-place use reads every input before it is overwritten. */
    for (i = 0; i < count; i++)
    {
        int32_t value, scaled;
        if (in_size == 1)
        {
            value = ((const int8_t *)input)[i];
        }
        else if (in_size == 2)
        {
            value = ((const int16_t *)input)[i];
        }
        else
        {
            value = ((const int32_t *)input)[i];
        }
        /* int32 arithmetic that wraps like the C reference (and the managed twin). */
        scaled = tl_add32_wrap(tl_multiply_by_quantized_multiplier(tl_sub32_wrap(value, params->input_zero_point),
                                                                   params->multiplier, params->shift),
                               params->output_zero_point);
        scaled = tl_clamp32(scaled, min, max);
        if (out_size == 1)
        {
            ((int8_t *)output)[i] = (int8_t)scaled;
        }
        else if (out_size == 2)
        {
            ((int16_t *)output)[i] = (int16_t)scaled;
        }
        else
        {
            ((int32_t *)output)[i] = scaled;
        }
    }
    return TL_OK;
}

tl_status tl_op_requantize_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    if (!tl_shape_arity(op, 1, 1, REQUANTIZE_PARAM_COUNT))
    {
        return TL_ERR_PARAMS;
    }
    if (!is_integer_type(p[1]) || !is_integer_type(p[2]) || p[5] < 0 || p[6] < -31 || p[6] > 30)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_shape_fits(tensors, op->inputs[0], (int64_t)tl_shape_element_size(p[1]) * p[0]) ||
        !tl_shape_type(tensors, op->inputs[0], p[1]) ||
        !tl_shape_fits(tensors, op->outputs[0], (int64_t)tl_shape_element_size(p[2]) * p[0]) ||
        !tl_shape_type(tensors, op->outputs[0], p[2]))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_requantize(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_requantize_params params;
    params.input_type = p[1];
    params.output_type = p[2];
    params.input_zero_point = p[3];
    params.output_zero_point = p[4];
    params.multiplier = p[5];
    params.shift = p[6];
    (void)tl_requantize(&params, p[0], tl_tensor_data(tensors, op->inputs[0]), tl_tensor_data(tensors, op->outputs[0]));
}
