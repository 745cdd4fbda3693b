/* DEQUANTIZE int8/int16 -> float32 (code 406); twin of nf-runtime Kernels/Shape/Dequantize.cs. TFLM multiplies
 * in double; scale (float32) times an integer below 2^17 in magnitude is exact in double, so one float32
 * multiply gives the same correctly rounded result. */
#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"
#include "tl_shape_float.h"

#define DEQUANTIZE_PARAM_COUNT 4

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
    if (!tl_shape_arity(op, 1, 1, DEQUANTIZE_PARAM_COUNT))
    {
        return TL_ERR_PARAMS;
    }
    in_type = p[1];
    /* The zero point range keeps q - zero_point below 2^17 in magnitude (exact in float32). */
    if ((in_type != TL_TYPE_INT8 && in_type != TL_TYPE_INT16) || p[2] < -32768 || p[2] > 32767)
    {
        return TL_ERR_PARAMS;
    }
    if (!tl_shape_fits(tensors, op->inputs[0], (int64_t)tl_shape_element_size(in_type) * p[0]) ||
        !tl_shape_type(tensors, op->inputs[0], in_type) ||
        !tl_shape_fits(tensors, op->outputs[0], 4 * (int64_t)p[0]) ||
        !tl_shape_type(tensors, op->outputs[0], TL_TYPE_FLOAT32))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_dequantize(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_affine_quant quant;
    const void *input = tl_tensor_data(tensors, op->inputs[0]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[0]);
    quant.zero_point = p[2];
    quant.scale = tl_float_from_bits((uint32_t)p[3]);
    if (p[1] == TL_TYPE_INT8)
    {
        (void)tl_dequantize_s8_f32(&quant, p[0], (const int8_t *)input, output);
    }
    else
    {
        (void)tl_dequantize_s16_f32(&quant, p[0], (const int16_t *)input, output);
    }
}
