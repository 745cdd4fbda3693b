/*
 * SignalFilterBankSquareRoot, bit-exact with SignalFilterBankSquareRootU64.cs / TFLM's tflm_signal::FilterbankSqrt
 * (Sqrt64, Sqrt32).
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

/* TFLM's Sqrt32: digit by digit, rounded up when the remainder exceeds the root; a uint16 result. */
static uint32_t sqrt32(uint32_t num)
{
    uint32_t res = 0, bit;
    int32_t max_bit, iterations;
    if (num == 0)
    {
        return 0;
    }
    max_bit = (32 - tl_signal_msb32(num)) | 1;
    bit = 1u << (31 - max_bit);
    iterations = (31 - max_bit) / 2 + 1;
    while (iterations-- > 0)
    {
        if (num >= res + bit)
        {
            num -= res + bit;
            res = (res >> 1) + bit;
        }
        else
        {
            res >>= 1;
        }
        bit >>= 2;
    }
    if (num > res && res != 0xFFFFu)
    {
        ++res;
    }
    return res & 0xFFFFu;
}

/* TFLM's Sqrt64. */
static uint32_t sqrt64(uint64_t num)
{
    uint64_t res = 0, bit;
    int32_t max_bit, iterations, bits;
    if ((num >> 32) == 0)
    {
        return sqrt32((uint32_t)num);
    }
    bits = 32 + tl_signal_msb32((uint32_t)(num >> 32));
    max_bit = (64 - bits) | 1;
    bit = (uint64_t)1 << (63 - max_bit);
    iterations = (63 - max_bit) / 2 + 1;
    while (iterations-- > 0)
    {
        if (num >= res + bit)
        {
            num -= res + bit;
            res = (res >> 1) + bit;
        }
        else
        {
            res >>= 1;
        }
        bit >>= 2;
    }
    if (num > res && res != 0xFFFFFFFFu)
    {
        ++res;
    }
    return (uint32_t)res;
}

tl_status tl_op_signal_filter_bank_square_root_u64_validate(const tl_op *op, const tl_tensors *tensors)
{
    int32_t count;
    if (!tl_signal_arity(op, 2, 1, TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    count = op->params[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_P_COUNT];
    if (!tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_IN_INPUT], TL_TYPE_UINT64, count, 8) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_IN_SCALE_BITS], TL_TYPE_INT32, 1, 4) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_OUT_OUTPUT], TL_TYPE_UINT32, count, 4))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_filter_bank_square_root_u64(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t count = op->params[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_P_COUNT];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_IN_INPUT]);
    const int32_t shift =
        (int32_t)tl_signal_rd32(tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_IN_SCALE_BITS]));
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_FILTER_BANK_SQUARE_ROOT_OUT_OUTPUT]);
    int32_t i;
    for (i = 0; i < count; i++)
    {
        const uint32_t root = sqrt64(tl_signal_rd64(input + 8 * i));
        /* A shift outside 0..31 is undefined in C; both twins give 0. */
        tl_signal_wr32(output + 4 * i, shift >= 0 && shift <= 31 ? root >> shift : 0u);
    }
}
