/*
 * Streaming FULLY_CONNECTED with packed int4 weights, first part (code 205), bit-exact with
 * FullyConnectedS4Accumulate.cs: tl_fully_connected_s8_accumulate with each weight row of the slice packed two per
 * byte (element 2i in the low nibble, sign-extended; each row starting on a byte, as tl_fully_connected_s4's rows).
 * Followed by tl_fully_connected_s8_finish it gives exactly the bytes of tl_fully_connected_s4 (one batch): the sums
 * wrap modulo 2^32. Reads the nibbles in place: no buffer besides the accumulators.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_validation.h"
#include "../tl_s4.h"

tl_status tl_fully_connected_s4_accumulate(int32_t n, int32_t out_depth, const int8_t *input,
                                           const uint8_t *weights_packed, const int32_t *start, int32_t *acc)
{
    int32_t out_ch;
    const int32_t row_bytes = (n + 1) / 2;
    if (input == 0 || weights_packed == 0 || acc == 0 || n < 1 || out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    for (out_ch = 0; out_ch < out_depth; out_ch++)
    {
        const uint8_t *w = weights_packed + out_ch * row_bytes;
        /* Unsigned accumulation: the wrapping int32 sum of the C# twin without signed overflow. The start value
           is read before the accumulator is written, so start == acc is safe. */
        uint32_t sum = (uint32_t)(start != 0 ? start[out_ch] : acc[out_ch]);
        int32_t k;
        for (k = 0; k + 2 <= n; k += 2)
        {
            const uint32_t b = *w++;
            sum += (uint32_t)((int32_t)tl_s4_value(b & 0xFu) * input[k]);
            sum += (uint32_t)((int32_t)tl_s4_value(b >> 4) * input[k + 1]);
        }
        if (k < n)
        {
            sum += (uint32_t)((int32_t)tl_s4_value((uint32_t)*w & 0xFu) * input[k]);
        }
        acc[out_ch] = (int32_t)sum;
    }
    return TL_OK;
}

tl_status tl_op_fully_connected_s4_accumulate_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_fully_connected_accumulate(op, tensors, 4);
}

void tl_op_fully_connected_s4_accumulate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *start = op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START] == -1
                               ? 0
                               : (const int32_t *)(const void *)tl_tensor_data(
                                     tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START]);
    (void)tl_fully_connected_s4_accumulate(
        p[TL_FULLY_CONNECTED_ACCUMULATE_P_SLICE_LENGTH], p[TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH],
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_INPUT]),
        tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_WEIGHTS]), start,
        (int32_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_ACCUMULATE_OUT_ACCUMULATORS]));
}
