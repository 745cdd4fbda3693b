/*
 * Streaming FULLY_CONNECTED int8, first part (code 203), bit-exact with FullyConnectedS8Accumulate.cs: adds the
 * products of one input slice to the int32 accumulators of every output channel. A chain of these calls over
 * the slices of the input, started from the folded bias, then tl_fully_connected_s8_finish, gives exactly the
 * bytes of tl_fully_connected_s8 with one batch: the sums wrap modulo 2^32, so how the input is sliced and in
 * which order the slices come does not change them.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_validation.h"
#include "../tl_dot_s8.h"

static tl_status fc_acc_check(int32_t n, int32_t out_depth, const int8_t *input, const int8_t *weights,
                              const int32_t *acc)
{
    if (input == 0 || weights == 0 || acc == 0 || n < 1 || out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    return TL_OK;
}

tl_status tl_fully_connected_s8_accumulate_plain(int32_t n, int32_t out_depth, const int8_t *input,
                                                 const int8_t *weights, const int32_t *start, int32_t *acc)
{
    int32_t out_ch;
    int32_t in_idx;
    const int8_t *w_row = weights;
    tl_status status = fc_acc_check(n, out_depth, input, weights, acc);
    if (status != TL_OK)
    {
        return status;
    }
    for (out_ch = 0; out_ch < out_depth; out_ch++)
    {
        /* Unsigned accumulation: the wrapping int32 sum of the C# twin without signed overflow. */
        uint32_t sum = (uint32_t)(start != 0 ? start[out_ch] : acc[out_ch]);
        for (in_idx = 0; in_idx < n; in_idx++)
        {
            sum += (uint32_t)((int32_t)w_row[in_idx] * input[in_idx]);
        }
        w_row += n;
        acc[out_ch] = (int32_t)sum;
    }
    return TL_OK;
}

tl_status tl_fully_connected_s8_accumulate(int32_t n, int32_t out_depth, const int8_t *input, const int8_t *weights,
                                           const int32_t *start, int32_t *acc)
{
    int32_t out_ch;
    const int32_t *from = start != 0 ? start : acc;
    const int8_t *w_group = weights;
    tl_status status = fc_acc_check(n, out_depth, input, weights, acc);
    if (status != TL_OK)
    {
        return status;
    }
    /*
     * Four output channels share each input load (tl_dot_s8.h). The four starting values are read before any
     * of the four accumulators is written, so start == acc (same bytes, the only overlap validation lets
     * through) is safe. Same modular sums as the plain loop.
     */
    for (out_ch = 0; out_ch + 4 <= out_depth; out_ch += 4)
    {
        uint32_t sums[4];
        int32_t j;
        for (j = 0; j < 4; j++)
        {
            sums[j] = (uint32_t)from[out_ch + j];
        }
        tl_dot4_s8(input, w_group, n, n, sums);
        for (j = 0; j < 4; j++)
        {
            acc[out_ch + j] = (int32_t)sums[j];
        }
        w_group += 4 * n;
    }
    /* The remaining 0..3 channels, one at a time. */
    for (; out_ch < out_depth; out_ch++)
    {
        acc[out_ch] = (int32_t)tl_dot1_s8(input, w_group, n, (uint32_t)from[out_ch]);
        w_group += n;
    }
    return TL_OK;
}

tl_status tl_op_fully_connected_s8_accumulate_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_fully_connected_accumulate(op, tensors, 8);
}

void tl_op_fully_connected_s8_accumulate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *start = op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START] == -1
                               ? 0
                               : (const int32_t *)(const void *)tl_tensor_data(
                                     tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START]);
    (void)tl_fully_connected_s8_accumulate(
        p[TL_FULLY_CONNECTED_ACCUMULATE_P_SLICE_LENGTH], p[TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH],
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_INPUT]),
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_WEIGHTS]), start,
        (int32_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_ACCUMULATE_OUT_ACCUMULATORS]));
}
