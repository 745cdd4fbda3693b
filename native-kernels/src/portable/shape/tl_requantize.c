/* REQUANTIZE int8/int16/int32 -> int8/int16/int32 (TL_OP_REQUANTIZE); twin of nf-runtime Kernels/Shape/Requantize.cs
 * (TFLM's Requantize). */
#include "tinylite/tl_fixed_point.h"
#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"

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
    if (!tl_shape_arity(op, 1, 1, TL_REQUANTIZE_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    if (!is_integer_type(p[TL_REQUANTIZE_P_INPUT_TYPE]) || !is_integer_type(p[TL_REQUANTIZE_P_OUTPUT_TYPE]) ||
        p[TL_REQUANTIZE_P_MULTIPLIER] < 0 || p[TL_REQUANTIZE_P_SHIFT] < -31 || p[TL_REQUANTIZE_P_SHIFT] > 30)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_shape_fits(tensors, op->inputs[TL_REQUANTIZE_IN_INPUT],
                       (int64_t)tl_shape_element_size(p[TL_REQUANTIZE_P_INPUT_TYPE]) * p[TL_REQUANTIZE_P_COUNT]) ||
        !tl_shape_type(tensors, op->inputs[TL_REQUANTIZE_IN_INPUT], p[TL_REQUANTIZE_P_INPUT_TYPE]) ||
        !tl_shape_fits(tensors, op->outputs[TL_REQUANTIZE_OUT_OUTPUT],
                       (int64_t)tl_shape_element_size(p[TL_REQUANTIZE_P_OUTPUT_TYPE]) * p[TL_REQUANTIZE_P_COUNT]) ||
        !tl_shape_type(tensors, op->outputs[TL_REQUANTIZE_OUT_OUTPUT], p[TL_REQUANTIZE_P_OUTPUT_TYPE]))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_requantize(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_requantize_params params;
    params.input_type = p[TL_REQUANTIZE_P_INPUT_TYPE];
    params.output_type = p[TL_REQUANTIZE_P_OUTPUT_TYPE];
    params.input_zero_point = p[TL_REQUANTIZE_P_INPUT_ZERO_POINT];
    params.output_zero_point = p[TL_REQUANTIZE_P_OUTPUT_ZERO_POINT];
    params.multiplier = p[TL_REQUANTIZE_P_MULTIPLIER];
    params.shift = p[TL_REQUANTIZE_P_SHIFT];
    (void)tl_requantize(&params, p[TL_REQUANTIZE_P_COUNT], tl_tensor_data(tensors, op->inputs[TL_REQUANTIZE_IN_INPUT]),
                        tl_tensor_data(tensors, op->outputs[TL_REQUANTIZE_OUT_OUTPUT]));
}
