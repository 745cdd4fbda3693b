/*
 * The float32 binary kernels with broadcasting, bit-exact with FloatBinary.cs / TFLM: ADD, SUB, MUL (reference_ops
 * on float, then min(max(r, act_min), act_max) with std::max/std::min argument order) and MAXIMUM, MINIMUM
 * (MaximumOp x > y ? x : y, MinimumOp x < y ? x : y: a NaN in input 1 yields input 2; no clamp).
 * One row walker serves them all; each kernel calls it with constant arguments and it is always inlined, so each
 * kernel gets its own specialised loop.
 */
#include "tinylite/tl_compiler.h"
#include "tinylite/tl_elementwise_kernels.h"

#include "tl_elementwise_checks.h"

/* The operation of a kernel. */
typedef enum
{
    TL_FB_ADD,
    TL_FB_SUB,
    TL_FB_MUL,
    TL_FB_MAXIMUM,
    TL_FB_MINIMUM
} tl_fb_kind;

static TL_ALWAYS_INLINE tl_status tl_fb_run(const tl_broadcast *bc, const float *input1, const float *input2,
                                            float *output, tl_fb_kind kind, int clamp, float act_min, float act_max)
{
    int32_t rows, row, i;
    if (!tl_ew_broadcast_arguments_ok(bc, input1, input2, output))
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        const float *a = input1 + tl_broadcast_row_offset(bc, row, 0);
        const float *b = input2 + tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const float x = *a;
            const float y = *b;
            float r = kind == TL_FB_ADD       ? x + y
                      : kind == TL_FB_SUB     ? x - y
                      : kind == TL_FB_MUL     ? x * y
                      : kind == TL_FB_MAXIMUM ? (x > y ? x : y)
                                              : (x < y ? x : y);
            if (clamp)
            {
                r = r < act_min ? act_min : r;
                r = act_max < r ? act_max : r;
            }
            *output++ = r;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_add_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                     float *output)
{
    return tl_fb_run(bc, input1, input2, output, TL_FB_ADD, 1, act_min, act_max);
}

tl_status tl_sub_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                     float *output)
{
    return tl_fb_run(bc, input1, input2, output, TL_FB_SUB, 1, act_min, act_max);
}

tl_status tl_mul_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                     float *output)
{
    return tl_fb_run(bc, input1, input2, output, TL_FB_MUL, 1, act_min, act_max);
}

tl_status tl_maximum_f32(const tl_broadcast *bc, const float *input1, const float *input2, float *output)
{
    return tl_fb_run(bc, input1, input2, output, TL_FB_MAXIMUM, 0, 0.0f, 0.0f);
}

tl_status tl_minimum_f32(const tl_broadcast *bc, const float *input1, const float *input2, float *output)
{
    return tl_fb_run(bc, input1, input2, output, TL_FB_MINIMUM, 0, 0.0f, 0.0f);
}

/* ---- Image adapters ------------------------------------------------------------------------------------- */

/* Decodes a validated record and runs it (MAXIMUM and MINIMUM records have no activation range). Always inlined,
 * as tl_fb_run is, so each kernel's loop holds only its own operation (a shared adapter picking the operation per
 * element cost ADD 11% more instructions on M4). */
static TL_ALWAYS_INLINE void tl_fb_run_op(const tl_op *op, const tl_tensors *tensors, tl_fb_kind kind)
{
    const int clamp = kind == TL_FB_ADD || kind == TL_FB_SUB || kind == TL_FB_MUL;
    tl_broadcast bc;
    (void)tl_broadcast_decode(op->params, op->param_count,
                              clamp ? TL_BINARY_CLAMPED_P_BROADCAST : TL_BINARY_P_BROADCAST, &bc);
    (void)tl_fb_run(&bc, (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_IN_INPUT1]),
                    (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_BINARY_IN_INPUT2]),
                    (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_BINARY_OUT_OUTPUT]), kind, clamp,
                    clamp ? tl_ew_float_from_bits(op->params[TL_BINARY_CLAMPED_P_ACTIVATION_MIN]) : 0.0f,
                    clamp ? tl_ew_float_from_bits(op->params[TL_BINARY_CLAMPED_P_ACTIVATION_MAX]) : 0.0f);
}

tl_status tl_op_add_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_FLOAT32, TL_BINARY_CLAMPED_P_BROADCAST, 4);
}

void tl_op_add_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_fb_run_op(op, tensors, TL_FB_ADD);
}

tl_status tl_op_sub_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_FLOAT32, TL_BINARY_CLAMPED_P_BROADCAST, 4);
}

void tl_op_sub_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_fb_run_op(op, tensors, TL_FB_SUB);
}

tl_status tl_op_mul_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_FLOAT32, TL_BINARY_CLAMPED_P_BROADCAST, 4);
}

void tl_op_mul_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_fb_run_op(op, tensors, TL_FB_MUL);
}

tl_status tl_op_maximum_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_FLOAT32, TL_BINARY_P_BROADCAST, 4);
}

void tl_op_maximum_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_fb_run_op(op, tensors, TL_FB_MAXIMUM);
}

tl_status tl_op_minimum_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_FLOAT32, TL_BINARY_P_BROADCAST, 4);
}

void tl_op_minimum_f32(const tl_op *op, const tl_tensors *tensors)
{
    tl_fb_run_op(op, tensors, TL_FB_MINIMUM);
}
