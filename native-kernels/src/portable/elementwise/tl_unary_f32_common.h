/*
 * What the float32 RELU, RELU6 and HARD_SWISH kernels share (tl_relu_f32.c, tl_relu6_f32.c, tl_hard_swish_f32.c;
 * twins of ReluF32.cs, Relu6F32.cs, HardSwishF32.cs): the element loop, always inlined with a constant kind so each
 * kernel keeps its own loop, and the adapter. Their record check is tl_ew_unary_float_validate.
 */
#ifndef TINYLITE_TL_UNARY_F32_COMMON_H
#define TINYLITE_TL_UNARY_F32_COMMON_H

#include "tinylite/tl_compiler.h"
#include "tinylite/tl_elementwise_kernels.h"

/* The float32 element-wise functions of the unary_float layout. */
typedef enum
{
    TL_UNARY_F32_RELU,      /* x < 0 ? 0 : x (NaN and -0 pass through) */
    TL_UNARY_F32_RELU6,     /* x > 6 ? 6 : x < 0 ? 0 : x */
    TL_UNARY_F32_HARD_SWISH /* x * min(6, max(0, x + 3)) / 6 */
} tl_unary_f32_kind;

/* One element, each operation rounded on its own as in the C# twins. */
static TL_ALWAYS_INLINE float tl_unary_f32_apply(float x, tl_unary_f32_kind kind)
{
    float t;
    if (kind == TL_UNARY_F32_RELU)
    {
        return x < 0.0f ? 0.0f : x;
    }
    if (kind == TL_UNARY_F32_RELU6)
    {
        return x > 6.0f ? 6.0f : x < 0.0f ? 0.0f : x;
    }
    /* std::max/std::min argument order: a NaN selects 0. */
    t = x + 3.0f;
    t = 0.0f < t ? t : 0.0f;
    t = t < 6.0f ? t : 6.0f;
    return x * t / 6.0f;
}

/* Applies `kind` to `count` floats; in place is safe (each element is read before it is written). */
static TL_ALWAYS_INLINE tl_status tl_unary_f32_run(int32_t count, const float *input, float *output,
                                                   tl_unary_f32_kind kind)
{
    int32_t i;
    if (input == 0 || output == 0 || count < 0)
    {
        return TL_ERR_ARGUMENT;
    }
    for (i = 0; i < count; i++)
    {
        output[i] = tl_unary_f32_apply(input[i], kind);
    }
    return TL_OK;
}

/* Runs a validated unary_float record. */
static TL_ALWAYS_INLINE void tl_unary_f32_op(const tl_op *op, const tl_tensors *tensors, tl_unary_f32_kind kind)
{
    (void)tl_unary_f32_run(op->params[TL_UNARY_FLOAT_P_COUNT],
                           (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_UNARY_FLOAT_IN_INPUT]),
                           (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_UNARY_FLOAT_OUT_OUTPUT]), kind);
}

#endif /* TINYLITE_TL_UNARY_F32_COMMON_H */
