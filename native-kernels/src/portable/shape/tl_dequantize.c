/* DEQUANTIZE int8/int16 -> float32 (TL_OP_DEQUANTIZE); twin of nf-runtime Kernels/Shape/Dequantize.cs. TFLM multiplies
 * in double; scale (float32) times an integer below 2^17 in magnitude is exact in double, so one float32
 * multiply gives the same correctly rounded result. */
#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"
#include "tl_shape_float.h"

tl_status tl_dequantize_s8_f32(const tl_affine_quant *quant, int32_t count, const int8_t *input, float *output)
{
    int32_t i;
    for (i = 0; i < count; i++)
    {
        output[i] = quant->scale * (float)((int32_t)input[i] - quant->zero_point);
    }
    return TL_OK;
}

tl_status tl_dequantize_s16_f32(const tl_affine_quant *quant, int32_t count, const int16_t *input, float *output)
{
    int32_t i;
    for (i = 0; i < count; i++)
    {
        output[i] = quant->scale * (float)((int32_t)input[i] - quant->zero_point);
    }
    return TL_OK;
}

tl_status tl_op_dequantize_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int32_t in_type;
    if (!tl_shape_arity(op, 1, 1, TL_DEQUANTIZE_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    in_type = p[TL_DEQUANTIZE_P_INPUT_TYPE];
    /* The zero point range keeps q - zero_point below 2^17 in magnitude (exact in float32). */
    if ((in_type != TL_TYPE_INT8 && in_type != TL_TYPE_INT16) || p[TL_DEQUANTIZE_P_INPUT_ZERO_POINT] < -32768 ||
        p[TL_DEQUANTIZE_P_INPUT_ZERO_POINT] > 32767)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_shape_fits(tensors, op->inputs[TL_DEQUANTIZE_IN_INPUT],
                       (int64_t)tl_shape_element_size(in_type) * p[TL_DEQUANTIZE_P_COUNT]) ||
        !tl_shape_type(tensors, op->inputs[TL_DEQUANTIZE_IN_INPUT], in_type) ||
        !tl_shape_fits(tensors, op->outputs[TL_DEQUANTIZE_OUT_OUTPUT], 4 * (int64_t)p[TL_DEQUANTIZE_P_COUNT]) ||
        !tl_shape_type(tensors, op->outputs[TL_DEQUANTIZE_OUT_OUTPUT], TL_TYPE_FLOAT32))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_dequantize(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_affine_quant quant;
    const void *input = tl_tensor_data(tensors, op->inputs[TL_DEQUANTIZE_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_DEQUANTIZE_OUT_OUTPUT]);
    quant.zero_point = p[TL_DEQUANTIZE_P_INPUT_ZERO_POINT];
    quant.scale = tl_float_from_bits((uint32_t)p[TL_DEQUANTIZE_P_INPUT_SCALE_BITS]);
    if (p[TL_DEQUANTIZE_P_INPUT_TYPE] == TL_TYPE_INT8)
    {
        (void)tl_dequantize_s8_f32(&quant, p[TL_DEQUANTIZE_P_COUNT], (const int8_t *)input, output);
    }
    else
    {
        (void)tl_dequantize_s16_f32(&quant, p[TL_DEQUANTIZE_P_COUNT], (const int16_t *)input, output);
    }
}
