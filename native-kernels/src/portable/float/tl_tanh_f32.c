/*
 * TANH float32, twin of nf-runtime/src/Kernels/Float/TanhF32.cs and bit-exact with TFLM's reference_ops::Tanh
 * (float), which calls std::tanh: through tl_tanhf.
 */
#include "tl_float_checks.h"
#include "tl_float_math.h"

tl_status tl_op_tanh_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_activation_validate(op, tensors);
}

void tl_op_tanh_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t count = op->params[TL_ACTIVATION_F32_P_COUNT];
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ACTIVATION_F32_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_ACTIVATION_F32_OUT_OUTPUT]);
    int32_t i;
    for (i = 0; i < count; i++)
    {
        output[i] = tl_tanhf(input[i]);
    }
}
