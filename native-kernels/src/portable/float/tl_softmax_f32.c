/*
 * SOFTMAX float32, twin of nf-runtime/src/Kernels/Float/SoftmaxF32.cs and bit-exact with TFLM's
 * reference_ops::Softmax (float): per row the maximum from -FLT_MAX (std::max), exp((x - max) * beta) through
 * tl_expf written out and summed in order from 0, then each output divided by the sum. In place is safe.
 */
#include "tl_float_checks.h"
#include "tl_float_math.h"

tl_status tl_op_softmax_f32_validate(const tl_op *op, const tl_tensors *tensors)
{
    int64_t count;
    tl_status e = tl_fl_shape(op, 1, 1, TL_SOFTMAX_F32_P_LENGTH);
    if (e != TL_OK)
    {
        return e;
    }
    if (tl_fl_within(op->params, TL_SOFTMAX_F32_P_ROWS, 2, 1, INT32_MAX) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    count = tl_fl_elements(op->params[TL_SOFTMAX_F32_P_ROWS], op->params[TL_SOFTMAX_F32_P_DEPTH], 1, 1);
    if (tl_fl_tensor(tensors, op->inputs[TL_SOFTMAX_F32_IN_INPUT], count) != TL_OK ||
        tl_fl_tensor(tensors, op->outputs[TL_SOFTMAX_F32_OUT_OUTPUT], count) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_softmax_f32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t rows = op->params[TL_SOFTMAX_F32_P_ROWS];
    const int32_t depth = op->params[TL_SOFTMAX_F32_P_DEPTH];
    const float beta = tl_fl_from_bits(op->params[TL_SOFTMAX_F32_P_BETA]);
    const float *input = (const float *)(const void *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_F32_IN_INPUT]);
    float *output = (float *)(void *)tl_tensor_data(tensors, op->outputs[TL_SOFTMAX_F32_OUT_OUTPUT]);
    int32_t row;
    int32_t c;
    for (row = 0; row < rows; row++)
    {
        const float *in = input + row * depth;
        float *out = output + row * depth;
        float max = -3.40282347e+38f;
        float sum = 0.0f;
        for (c = 0; c < depth; c++)
        {
            max = max < in[c] ? in[c] : max;
        }
        for (c = 0; c < depth; c++)
        {
            const float scaled = (in[c] - max) * beta;
            const float e = tl_expf(scaled);
            out[c] = e;
            sum += e;
        }
        for (c = 0; c < depth; c++)
        {
            out[c] = out[c] / sum;
        }
    }
}
