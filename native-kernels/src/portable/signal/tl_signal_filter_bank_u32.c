/*
 * SignalFilterBank, bit-exact with SignalFilterBankU32.cs / TFLM's tflm_signal::FilterbankAccumulateChannels.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

tl_status tl_op_signal_filter_bank_u32_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int32_t channels, input_length, weights_length;
    if (!tl_signal_arity(op, 6, 1, TL_SIGNAL_FILTER_BANK_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    channels = p[TL_SIGNAL_FILTER_BANK_P_NUM_CHANNELS];
    input_length = p[TL_SIGNAL_FILTER_BANK_P_INPUT_LENGTH];
    weights_length = p[TL_SIGNAL_FILTER_BANK_P_WEIGHTS_LENGTH];
    if (!tl_signal_range(channels, 0, 0x7FFF) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_INPUT], TL_TYPE_UINT32, input_length, 4) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_WEIGHTS], TL_TYPE_INT16, weights_length, 2) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_UNWEIGHTS], TL_TYPE_INT16, weights_length, 2) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_CHANNEL_FREQUENCY_STARTS], TL_TYPE_INT16,
                          (int64_t)channels + 1, 2) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_CHANNEL_WEIGHT_STARTS], TL_TYPE_INT16,
                          (int64_t)channels + 1, 2) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_CHANNEL_WIDTHS], TL_TYPE_INT16,
                          (int64_t)channels + 1, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_FILTER_BANK_OUT_OUTPUT], TL_TYPE_UINT64, channels, 8))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_filter_bank_u32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t channels = p[TL_SIGNAL_FILTER_BANK_P_NUM_CHANNELS];
    const int32_t input_length = p[TL_SIGNAL_FILTER_BANK_P_INPUT_LENGTH];
    const int32_t weights_length = p[TL_SIGNAL_FILTER_BANK_P_WEIGHTS_LENGTH];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_INPUT]);
    const uint8_t *weights = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_WEIGHTS]);
    const uint8_t *unweights = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_UNWEIGHTS]);
    const uint8_t *starts = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_CHANNEL_FREQUENCY_STARTS]);
    const uint8_t *weight_starts = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_CHANNEL_WEIGHT_STARTS]);
    const uint8_t *widths = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_IN_CHANNEL_WIDTHS]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_FILTER_BANK_OUT_OUTPUT]);
    uint64_t weighted = 0, unweighted = 0;
    int32_t i, j;
    for (i = 0; i <= channels; i++)
    {
        const int32_t start = tl_signal_rd16(starts + 2 * i);
        const int32_t weight_start = tl_signal_rd16(weight_starts + 2 * i);
        int32_t width = tl_signal_rd16(widths + 2 * i);
        /* A channel reaching outside the input or the weights contributes nothing (the compiler refuses such tables). */
        if (start < 0 || weight_start < 0 || width < 0 || start + width > input_length ||
            weight_start + width > weights_length)
        {
            width = 0;
        }
        for (j = 0; j < width; j++)
        {
            const uint64_t x = tl_signal_rd32(input + 4 * (start + j));
            /* The int16 weight converts to uint64 with sign extension; the product wraps mod 2^64, as in C. */
            weighted += (uint64_t)(int64_t)tl_signal_rd16(weights + 2 * (weight_start + j)) * x;
            unweighted += (uint64_t)(int64_t)tl_signal_rd16(unweights + 2 * (weight_start + j)) * x;
        }
        if (i > 0)
        {
            tl_signal_wr64(output + 8 * (i - 1), weighted);
        }
        weighted = unweighted;
        unweighted = 0;
    }
}
