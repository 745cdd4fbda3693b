/*
 * LOGISTIC and TANH float32, twins of nf-runtime/src/Kernels/Float/ActivationF32.cs and bit-exact with TFLM's
 * reference_ops::Logistic (float: 1 above 16.619047, e^x below -9, else 1 / (1 + e^-x), e through tl_expf) and
 * reference_ops::Tanh (float, std::tanh: through tl_tanhf). Both map each element; the output may be the input.
 */
#include "tl_float_checks.h"
#include "tl_float_math.h"

static float logistic(float x)
{
    if (x > 16.619047164916992188f)
    {
        return 1.0f;
    }
    if (x < -9.0f)
    {
        return tl_expf(x);
    }
    return 1.0f / (1.0f + tl_expf(-x));
}

/* Applies fn to each of the count elements of the activation_f32 layout's input. */
static void map_elements(const tl_op *op, const tl_tensors *tensors, float (*fn)(float))
{
    const int32_t count = op->params[TL_ACTIVATION_F32_P_COUNT];
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ACTIVATION_F32_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_ACTIVATION_F32_OUT_OUTPUT]);
    int32_t i;
    for (i = 0; i < count; i++)
    {
        output[i] = fn(input[i]);
    }
}

tl_status tl_op_logistic_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_activation_validate(op, tensors);
}

void tl_op_logistic_f32(const tl_op *op, const tl_tensors *tensors)
{
    map_elements(op, tensors, logistic);
}

tl_status tl_op_tanh_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_activation_validate(op, tensors);
}

void tl_op_tanh_f32(const tl_op *op, const tl_tensors *tensors)
{
    map_elements(op, tensors, tl_tanhf);
}
