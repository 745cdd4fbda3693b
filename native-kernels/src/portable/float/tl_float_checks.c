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

/* The depthwise float32 layout keeps the conv layout's indices (its depth multiplier in the filter depth's place) and
   slots: tl_fl_conv_validate walks both with the conv names. A C99 compile-time check (an array of size -1 fails). */
#define TL_FL_SAME_INDEX(name)                                                                                         \
    typedef char tl_fl_same_##name[(int)TL_CONV_F32_##name == (int)TL_DEPTHWISE_CONV_F32_##name ? 1 : -1]
TL_FL_SAME_INDEX(P_LENGTH);
TL_FL_SAME_INDEX(P_BATCHES);
TL_FL_SAME_INDEX(P_INPUT_HEIGHT);
TL_FL_SAME_INDEX(P_INPUT_WIDTH);
TL_FL_SAME_INDEX(P_INPUT_DEPTH);
TL_FL_SAME_INDEX(P_FILTER_HEIGHT);
TL_FL_SAME_INDEX(P_FILTER_WIDTH);
TL_FL_SAME_INDEX(P_OUTPUT_HEIGHT);
TL_FL_SAME_INDEX(P_OUTPUT_WIDTH);
TL_FL_SAME_INDEX(P_OUTPUT_DEPTH);
TL_FL_SAME_INDEX(P_STRIDE_HEIGHT);
TL_FL_SAME_INDEX(P_STRIDE_WIDTH);
TL_FL_SAME_INDEX(P_DILATION_HEIGHT);
TL_FL_SAME_INDEX(P_DILATION_WIDTH);
TL_FL_SAME_INDEX(P_PADDING_TOP);
TL_FL_SAME_INDEX(P_PADDING_LEFT);
TL_FL_SAME_INDEX(P_ACTIVATION_MIN);
TL_FL_SAME_INDEX(P_ACTIVATION_MAX);
TL_FL_SAME_INDEX(IN_INPUT);
TL_FL_SAME_INDEX(IN_FILTER);
TL_FL_SAME_INDEX(IN_BIAS);
TL_FL_SAME_INDEX(OUT_OUTPUT);

tl_status tl_fl_conv_validate(const tl_op *op, const tl_tensors *tensors, int depthwise)
{
    const int32_t *p;
    int32_t in_c;
    int32_t f_c;
    int32_t out_c;
    tl_status e = tl_fl_shape(op, 3, 1, depthwise ? TL_DEPTHWISE_CONV_F32_P_LENGTH : TL_CONV_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (tl_fl_within(p, TL_CONV_F32_P_BATCHES, TL_CONV_F32_P_OUTPUT_DEPTH - TL_CONV_F32_P_BATCHES + 1, 1, INT32_MAX) !=
            TL_OK ||
        tl_fl_within(p, TL_CONV_F32_P_STRIDE_HEIGHT, 4, 1, 65535) != TL_OK ||
        tl_fl_within(p, TL_CONV_F32_P_PADDING_TOP, 2, 0, 65535) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    in_c = p[TL_CONV_F32_P_INPUT_DEPTH];
    f_c = p[TL_CONV_F32_P_FILTER_DEPTH];
    out_c = p[TL_CONV_F32_P_OUTPUT_DEPTH];
    if (depthwise ? (int64_t)in_c * p[TL_DEPTHWISE_CONV_F32_P_DEPTH_MULTIPLIER] != out_c
                  : in_c % f_c != 0 || out_c % (in_c / f_c) != 0)
    {
        return TL_ERR_PARAMS;
    }
    if (tl_fl_tensor(tensors, op->inputs[TL_CONV_F32_IN_INPUT],
                     tl_fl_elements(p[TL_CONV_F32_P_BATCHES], p[TL_CONV_F32_P_INPUT_HEIGHT],
                                    p[TL_CONV_F32_P_INPUT_WIDTH], in_c)) != TL_OK ||
        tl_fl_tensor(tensors, op->inputs[TL_CONV_F32_IN_FILTER],
                     depthwise ? tl_fl_elements(1, p[TL_CONV_F32_P_FILTER_HEIGHT], p[TL_CONV_F32_P_FILTER_WIDTH], out_c)
                               : tl_fl_elements(out_c, p[TL_CONV_F32_P_FILTER_HEIGHT], p[TL_CONV_F32_P_FILTER_WIDTH],
                                                f_c)) != TL_OK ||
        tl_fl_optional_tensor(tensors, op->inputs[TL_CONV_F32_IN_BIAS], out_c) != TL_OK ||
        tl_fl_tensor(tensors, op->outputs[TL_CONV_F32_OUT_OUTPUT],
                     tl_fl_elements(p[TL_CONV_F32_P_BATCHES], p[TL_CONV_F32_P_OUTPUT_HEIGHT],
                                    p[TL_CONV_F32_P_OUTPUT_WIDTH], out_c)) != TL_OK ||
        tl_fl_reach(p[TL_CONV_F32_P_OUTPUT_HEIGHT], p[TL_CONV_F32_P_STRIDE_HEIGHT], p[TL_CONV_F32_P_FILTER_HEIGHT],
                    p[TL_CONV_F32_P_DILATION_HEIGHT], p[TL_CONV_F32_P_PADDING_TOP]) != TL_OK ||
        tl_fl_reach(p[TL_CONV_F32_P_OUTPUT_WIDTH], p[TL_CONV_F32_P_STRIDE_WIDTH], p[TL_CONV_F32_P_FILTER_WIDTH],
                    p[TL_CONV_F32_P_DILATION_WIDTH], p[TL_CONV_F32_P_PADDING_LEFT]) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_fl_activation_range(p[TL_CONV_F32_P_ACTIVATION_MIN], p[TL_CONV_F32_P_ACTIVATION_MAX]);
}
