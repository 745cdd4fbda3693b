/*
 * MEAN float32, twin of nf-runtime/src/Kernels/Float/MeanF32.cs and bit-exact with TFLM's float MEAN (generic
 * and 4-D height-and-width paths alike): each output sums its inputs from 0 in the input's row-major order, then
 * divides once by the float count of reduced elements. The sums are kept in the output, which must not overlap
 * the input.
 */
#include "tl_float_checks.h"

tl_status tl_op_mean_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p;
    int64_t kept = 1;
    int32_t k;
    const uint8_t *in;
    const uint8_t *out;
    tl_status e = tl_fl_shape(op, 1, 1, TL_MEAN_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    p = op->params;
    if (tl_fl_within(p, TL_MEAN_F32_P_DIMS, 4, 1, INT32_MAX) != TL_OK ||
        tl_fl_within(p, TL_MEAN_F32_P_AXES_MASK, 1, 0, 15) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    for (k = 0; k < 4; k++)
    {
        if ((p[TL_MEAN_F32_P_AXES_MASK] & (1 << k)) == 0)
        {
            kept *= p[TL_MEAN_F32_P_DIMS + k];
        }
    }
    if (tl_fl_tensor(tensors, op->inputs[TL_MEAN_F32_IN_INPUT],
                     tl_fl_elements(p[TL_MEAN_F32_P_DIMS], p[TL_MEAN_F32_P_DIMS + 1], p[TL_MEAN_F32_P_DIMS + 2],
                                    p[TL_MEAN_F32_P_DIMS + 3])) != TL_OK ||
        tl_fl_tensor(tensors, op->outputs[TL_MEAN_F32_OUT_OUTPUT], kept) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    in = tl_tensor_data(tensors, op->inputs[TL_MEAN_F32_IN_INPUT]);
    out = tl_tensor_data(tensors, op->outputs[TL_MEAN_F32_OUT_OUTPUT]);
    if (in < out + kept * 4 && out < in + tl_tensor_bytes(tensors, op->inputs[TL_MEAN_F32_IN_INPUT]))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_mean_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t d0 = p[TL_MEAN_F32_P_DIMS];
    const int32_t d1 = p[TL_MEAN_F32_P_DIMS + 1];
    const int32_t d2 = p[TL_MEAN_F32_P_DIMS + 2];
    const int32_t d3 = p[TL_MEAN_F32_P_DIMS + 3];
    const int32_t mask = p[TL_MEAN_F32_P_AXES_MASK];
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_MEAN_F32_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_MEAN_F32_OUT_OUTPUT]);
    /* Output strides of each input dimension: 0 for a reduced one, the kept dimensions row-major. */
    int32_t kept = 1;
    int32_t s0;
    int32_t s1;
    int32_t s2;
    int32_t s3;
    int32_t i0;
    int32_t i1;
    int32_t i2;
    int32_t i3;
    int32_t k;
    float divisor;
    s3 = (mask & 8) ? 0 : kept;
    kept *= (mask & 8) ? 1 : d3;
    s2 = (mask & 4) ? 0 : kept;
    kept *= (mask & 4) ? 1 : d2;
    s1 = (mask & 2) ? 0 : kept;
    kept *= (mask & 2) ? 1 : d1;
    s0 = (mask & 1) ? 0 : kept;
    kept *= (mask & 1) ? 1 : d0;
    for (k = 0; k < kept; k++)
    {
        output[k] = 0.0f;
    }
    for (i0 = 0; i0 < d0; i0++)
    {
        for (i1 = 0; i1 < d1; i1++)
        {
            for (i2 = 0; i2 < d2; i2++)
            {
                float *row = output + i0 * s0 + i1 * s1 + i2 * s2;
                for (i3 = 0; i3 < d3; i3++)
                {
                    row[i3 * s3] += *input++;
                }
            }
        }
    }
    divisor = (float)((d0 * d1 * d2 * d3) / kept);
    for (k = 0; k < kept; k++)
    {
        output[k] = output[k] / divisor;
    }
}
