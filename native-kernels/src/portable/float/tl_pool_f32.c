/*
 * AVERAGE_POOL_2D and MAX_POOL_2D float32, twins of nf-runtime/src/Kernels/Float/PoolF32.cs and bit-exact with TFLM's
 * reference_ops::AveragePool / MaxPool (float). Both visit the window clamped to the input in (filter_y, filter_x)
 * order: the average sums from 0 and divides by the float count of its taps; the maximum starts at -FLT_MAX and
 * takes std::max(max, x). The result is clamped to the activation range.
 */
#include "tinylite/tl_compiler.h"
#include "tl_float_checks.h"

#include "../pooling/tl_pool_window.h"

/* Pools every window of the pool_f32 layout's input into its output: the maximum when is_max, else the average.
 * Always inlined with a constant is_max, so each operator keeps only its own arithmetic in the tap loop (the folded
 * loop computing both cost 15-28% more instructions on M4). */
static TL_ALWAYS_INLINE void pool(const tl_op *op, const tl_tensors *tensors, const int is_max)
{
    const int32_t *p = op->params;
    const int32_t batches = p[TL_POOL_F32_P_BATCHES];
    const int32_t in_h = p[TL_POOL_F32_P_INPUT_HEIGHT];
    const int32_t in_w = p[TL_POOL_F32_P_INPUT_WIDTH];
    const int32_t depth = p[TL_POOL_F32_P_DEPTH];
    const int32_t out_h = p[TL_POOL_F32_P_OUTPUT_HEIGHT];
    const int32_t out_w = p[TL_POOL_F32_P_OUTPUT_WIDTH];
    const int32_t stride_h = p[TL_POOL_F32_P_STRIDE_HEIGHT];
    const int32_t stride_w = p[TL_POOL_F32_P_STRIDE_WIDTH];
    const int32_t filter_h = p[TL_POOL_F32_P_FILTER_HEIGHT];
    const int32_t filter_w = p[TL_POOL_F32_P_FILTER_WIDTH];
    const int32_t pad_top = p[TL_POOL_F32_P_PADDING_TOP];
    const int32_t pad_left = p[TL_POOL_F32_P_PADDING_LEFT];
    const float act_min = tl_fl_from_bits(p[TL_POOL_F32_P_ACTIVATION_MIN]);
    const float act_max = tl_fl_from_bits(p[TL_POOL_F32_P_ACTIVATION_MAX]);
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_POOL_F32_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_POOL_F32_OUT_OUTPUT]);
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t channel;
    int32_t y;
    int32_t x;
    for (batch = 0; batch < batches; batch++)
    {
        for (out_y = 0; out_y < out_h; out_y++)
        {
            int32_t y_lo;
            int32_t y_hi;
            tl_pool_span(out_y, stride_h, filter_h, pad_top, in_h, &y_lo, &y_hi);
            for (out_x = 0; out_x < out_w; out_x++)
            {
                int32_t x_lo;
                int32_t x_hi;
                tl_pool_span(out_x, stride_w, filter_w, pad_left, in_w, &x_lo, &x_hi);
                for (channel = 0; channel < depth; channel++)
                {
                    float total = 0.0f;
                    float count = 0.0f;
                    float max = -3.40282347e+38f;
                    for (y = y_lo; y < y_hi; y++)
                    {
                        /* The window's first covered input of this row and channel. */
                        const float *row = input + ((batch * in_h + y) * in_w + x_lo) * depth + channel;
                        for (x = 0; x < x_hi - x_lo; x++)
                        {
                            const float value = row[x * depth];
                            if (is_max)
                            {
                                max = max < value ? value : max;
                            }
                            else
                            {
                                total += value;
                                count += 1.0f;
                            }
                        }
                    }
                    *output++ = tl_fl_clamp(is_max ? max : total / count, act_min, act_max);
                }
            }
        }
    }
}

tl_status tl_op_average_pool_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_pool_validate(op, tensors);
}

void tl_op_average_pool_f32(const tl_op *op, const tl_tensors *tensors)
{
    pool(op, tensors, 0);
}

tl_status tl_op_max_pool_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fl_pool_validate(op, tensors);
}

void tl_op_max_pool_f32(const tl_op *op, const tl_tensors *tensors)
{
    pool(op, tensors, 1);
}
