/* Load-time checks shared by the float32 adapters (mirror of nf-runtime's FloatChecks.cs). */
#include "tl_float_checks.h"

#include <string.h>

#include "tinylite/tl_image.h"

tl_status tl_fl_shape(const tl_op *op, int32_t inputs, int32_t outputs, int32_t params)
{
    if (op->inputs == 0 || op->input_count != inputs || op->outputs == 0 || op->output_count != outputs)
    {
        return TL_ERR_PARAMS;
    }
    if (op->params == 0 || op->param_count != params)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

int64_t tl_fl_elements(int32_t a, int32_t b, int32_t c, int32_t d)
{
    int64_t n = a;
    if (a < 0 || b < 0 || c < 0 || d < 0)
    {
        return -1;
    }
    n *= b;
    if (n > TL_FLOAT_MAX_ELEMENTS)
    {
        return -1;
    }
    n *= c;
    if (n > TL_FLOAT_MAX_ELEMENTS)
    {
        return -1;
    }
    n *= d;
    return n > TL_FLOAT_MAX_ELEMENTS ? -1 : n;
}

tl_status tl_fl_tensor(const tl_tensors *tensors, int32_t t, int64_t elements)
{
    if (t < 0 || tl_tensor_type(tensors, t) != TL_TYPE_FLOAT32 || tl_tensor_data(tensors, t) == 0)
    {
        return TL_ERR_PARAMS;
    }
    if (elements < 0 || elements > TL_FLOAT_MAX_ELEMENTS || tl_tensor_bytes(tensors, t) < elements * 4)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

tl_status tl_fl_optional_tensor(const tl_tensors *tensors, int32_t t, int64_t elements)
{
    return t == -1 ? TL_OK : tl_fl_tensor(tensors, t, elements);
}

tl_status tl_fl_within(const int32_t *params, int32_t first, int32_t count, int32_t min, int32_t max)
{
    int32_t i;
    for (i = first; i < first + count; i++)
    {
        if (params[i] < min || params[i] > max)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

float tl_fl_from_bits(int32_t bits)
{
    float value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

tl_status tl_fl_activation_range(int32_t min_bits, int32_t max_bits)
{
    /* Written so that a NaN on either side fails the comparison. */
    return tl_fl_from_bits(min_bits) <= tl_fl_from_bits(max_bits) ? TL_OK : TL_ERR_PARAMS;
}

tl_status tl_fl_reach(int32_t out_size, int32_t stride, int32_t taps, int32_t dilation, int32_t padding)
{
    int64_t reach = (int64_t)(out_size - 1) * stride + (int64_t)(taps - 1) * dilation;
    return reach > ((int64_t)1 << 30) || padding > (1 << 30) ? TL_ERR_PARAMS : TL_OK;
}
