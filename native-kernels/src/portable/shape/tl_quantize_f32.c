/* QUANTIZE float32 -> int8/int16 (TL_OP_QUANTIZE_FLOAT); twin of nf-runtime Kernels/Shape/QuantizeFloat.cs (TFLM's
 * AffineQuantize). */
#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"
#include "tl_shape_float.h"

/**
 * roundf(x / scale) + zero_point in int64. roundf is done as the managed kernel does it: truncate, then step
 * away from zero when the dropped fraction is at least one half (exact in float for |x| < 2^31). Where C's
 * conversion is undefined (NaN, |x| >= 2^31) the value saturates (NaN gives 0), like Arm's VCVT.
 */
static int64_t quantize_one(float value, float scale, int64_t zero_point)
{
    const float x = value / scale;
    int64_t rounded;
    if (x != x)
    {
        rounded = 0;
    }
    else if (x >= 2147483648.0f)
    {
        rounded = INT32_MAX;
    }
    else if (x < -2147483648.0f)
    {
        rounded = INT32_MIN;
    }
    else
    {
        const int32_t truncated = (int32_t)x;
        const float fraction = x - (float)truncated;
        rounded = truncated;
        if (fraction >= 0.5f)
        {
            rounded++;
        }
        else if (fraction <= -0.5f)
        {
            rounded--;
        }
    }
    return rounded + zero_point;
}

tl_status tl_quantize_f32_s8(const tl_affine_quant *quant, int32_t count, const float *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++)
    {
        const int64_t q = quantize_one(input[i], quant->scale, quant->zero_point);
        output[i] = (int8_t)(q < -128 ? -128 : (q > 127 ? 127 : q));
    }
    return TL_OK;
}

tl_status tl_quantize_f32_s16(const tl_affine_quant *quant, int32_t count, const float *input, int16_t *output)
{
    int32_t i;
    for (i = 0; i < count; i++)
    {
        const int64_t q = quantize_one(input[i], quant->scale, quant->zero_point);
        output[i] = (int16_t)(q < -32768 ? -32768 : (q > 32767 ? 32767 : q));
    }
    return TL_OK;
}

tl_status tl_op_quantize_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int32_t out_type;
    if (!tl_shape_arity(op, 1, 1, TL_QUANTIZE_FLOAT_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    out_type = p[TL_QUANTIZE_FLOAT_P_OUTPUT_TYPE];
    if (out_type != TL_TYPE_INT8 && out_type != TL_TYPE_INT16)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_shape_fits(tensors, op->inputs[TL_QUANTIZE_FLOAT_IN_INPUT], 4 * (int64_t)p[TL_QUANTIZE_FLOAT_P_COUNT]) ||
        !tl_shape_type(tensors, op->inputs[TL_QUANTIZE_FLOAT_IN_INPUT], TL_TYPE_FLOAT32) ||
        !tl_shape_fits(tensors, op->outputs[TL_QUANTIZE_FLOAT_OUT_OUTPUT],
                       (int64_t)tl_shape_element_size(out_type) * p[TL_QUANTIZE_FLOAT_P_COUNT]) ||
        !tl_shape_type(tensors, op->outputs[TL_QUANTIZE_FLOAT_OUT_OUTPUT], out_type))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_quantize_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_affine_quant quant;
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_QUANTIZE_FLOAT_IN_INPUT]);
    void *output = tl_tensor_data(tensors, op->outputs[TL_QUANTIZE_FLOAT_OUT_OUTPUT]);
    quant.zero_point = p[TL_QUANTIZE_FLOAT_P_OUTPUT_ZERO_POINT];
    quant.scale = tl_float_from_bits((uint32_t)p[TL_QUANTIZE_FLOAT_P_OUTPUT_SCALE_BITS]);
    if (p[TL_QUANTIZE_FLOAT_P_OUTPUT_TYPE] == TL_TYPE_INT8)
    {
        (void)tl_quantize_f32_s8(&quant, p[TL_QUANTIZE_FLOAT_P_COUNT], input, (int8_t *)output);
    }
    else
    {
        (void)tl_quantize_f32_s16(&quant, p[TL_QUANTIZE_FLOAT_P_COUNT], input, (int16_t *)output);
    }
}
