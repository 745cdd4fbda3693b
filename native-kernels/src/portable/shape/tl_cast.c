/* CAST (TL_OP_CAST); twin of nf-runtime Kernels/Shape/Cast.cs: C static_cast semantics (integers wrap to the
 * narrower width, integers become the nearest float32, float32 truncates toward zero). */
#include <string.h>

#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"
#include "tl_shape_float.h"

static int is_numeric(int32_t type)
{
    return type == TL_TYPE_INT8 || type == TL_TYPE_INT16 || type == TL_TYPE_INT32 || type == TL_TYPE_UINT32 ||
           type == TL_TYPE_FLOAT32;
}

/** float32 to int64 truncating toward zero; where C's conversion is undefined it saturates (NaN gives 0). */
static int64_t float_to_int64(float real)
{
    if (real != real)
    {
        return 0;
    }
    if (real >= 9223372036854775808.0f)
    {
        return INT64_MAX;
    }
    if (real <= -9223372036854775808.0f)
    {
        return INT64_MIN;
    }
    return (int64_t)real;
}

tl_status tl_cast(int32_t input_type, int32_t output_type, int32_t count, const void *input, void *output)
{
    const int32_t in_size = tl_shape_element_size(input_type);
    const int32_t out_size = tl_shape_element_size(output_type);
    const uint8_t *in = (const uint8_t *)input;
    uint8_t *out = (uint8_t *)output;
    int32_t i;
    if ((!is_numeric(input_type) && input_type != TL_TYPE_BOOL) || !is_numeric(output_type) || count < 0)
    {
        return TL_ERR_ARGUMENT;
    }
    if (input_type == output_type)
    {
        if (count > 0)
        {
            /* memmove: Array.Copy semantics when a (hostile) record overlaps input and output. */
            memmove(output, input, (size_t)count * (size_t)in_size);
        }
        return TL_OK;
    }
    for (i = 0; i < count; i++, in += in_size, out += out_size)
    {
        int64_t integer = 0;
        uint32_t bits;
        switch (input_type)
        {
        case TL_TYPE_FLOAT32:
            integer = float_to_int64(*(const float *)(const void *)in);
            break;
        case TL_TYPE_INT8:
            integer = *(const int8_t *)(const void *)in;
            break;
        case TL_TYPE_BOOL:
            integer = *in != 0 ? 1 : 0;
            break;
        case TL_TYPE_INT16:
            integer = *(const int16_t *)(const void *)in;
            break;
        case TL_TYPE_INT32:
            integer = *(const int32_t *)(const void *)in;
            break;
        default: /* uint32 */
            integer = *(const uint32_t *)(const void *)in;
            break;
        }
        if (output_type == TL_TYPE_FLOAT32)
        {
            /* Integers below 2^32 in magnitude: one correctly rounded conversion (never NaN or -0). */
            const float real = (float)integer;
            memcpy(&bits, &real, sizeof bits);
        }
        else
        {
            /* The low 32 bits (static_cast to a narrower integer wraps). */
            bits = (uint32_t)(uint64_t)integer;
        }
        if (out_size == 1)
        {
            *out = (uint8_t)bits;
        }
        else if (out_size == 2)
        {
            *(uint16_t *)(void *)out = (uint16_t)bits;
        }
        else
        {
            *(uint32_t *)(void *)out = bits;
        }
    }
    return TL_OK;
}

tl_status tl_op_cast_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    if (!tl_shape_arity(op, 1, 1, TL_CAST_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    if ((!is_numeric(p[TL_CAST_P_INPUT_TYPE]) && p[TL_CAST_P_INPUT_TYPE] != TL_TYPE_BOOL) ||
        !is_numeric(p[TL_CAST_P_OUTPUT_TYPE]))
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_shape_fits(tensors, op->inputs[TL_CAST_IN_INPUT],
                       (int64_t)tl_shape_element_size(p[TL_CAST_P_INPUT_TYPE]) * p[TL_CAST_P_COUNT]) ||
        !tl_shape_type(tensors, op->inputs[TL_CAST_IN_INPUT], p[TL_CAST_P_INPUT_TYPE]) ||
        !tl_shape_fits(tensors, op->outputs[TL_CAST_OUT_OUTPUT],
                       (int64_t)tl_shape_element_size(p[TL_CAST_P_OUTPUT_TYPE]) * p[TL_CAST_P_COUNT]) ||
        !tl_shape_type(tensors, op->outputs[TL_CAST_OUT_OUTPUT], p[TL_CAST_P_OUTPUT_TYPE]))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_cast(const tl_op *op, const tl_tensors *tensors)
{
    (void)tl_cast(op->params[TL_CAST_P_INPUT_TYPE], op->params[TL_CAST_P_OUTPUT_TYPE], op->params[TL_CAST_P_COUNT],
                  tl_tensor_data(tensors, op->inputs[TL_CAST_IN_INPUT]),
                  tl_tensor_data(tensors, op->outputs[TL_CAST_OUT_OUTPUT]));
}
