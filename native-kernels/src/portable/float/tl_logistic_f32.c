/*
 * LOGISTIC float32, twin of nf-runtime/src/Kernels/Float/LogisticF32.cs and bit-exact with TFLM's
 * reference_ops::Logistic (float): 1 above 16.619047, e^x below -9, else 1 / (1 + e^-x), e through tl_expf.
 */
#include "tl_float_checks.h"
#include "tl_float_math.h"

tl_status tl_op_logistic_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_activation_validate(op, tensors);
}

void tl_op_logistic_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t count = op->params[TL_ACTIVATION_F32_P_COUNT];
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ACTIVATION_F32_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_ACTIVATION_F32_OUT_OUTPUT]);
    int32_t i;
    for (i = 0; i < count; i++)
    {
        const float x = input[i];
        float r;
        if (x > 16.619047164916992188f)
        {
            r = 1.0f;
        }
        else if (x < -9.0f)
        {
            r = tl_expf(x);
        }
        else
        {
            r = 1.0f / (1.0f + tl_expf(-x));
        }
        output[i] = r;
    }
}
