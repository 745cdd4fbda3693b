/*
 * SignalFilterBankLog, bit-exact with SignalFilterBankLogU32.cs / TFLM's tflm_signal::FilterbankLog and Log32.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

/* TFLM's Log32: round(ln(x) * out_scale) in 16.16 arithmetic, for x >= 2; @p lut is the correction table. */
static uint32_t log32(uint32_t x, uint32_t out_scale, const uint8_t *lut)
{
    const int32_t integer = tl_signal_msb32(x) - 1;
    /* x - 2^integer < 2^31: TFLM's int32 fraction. */
    int32_t frac = (int32_t)(x - (1u << integer));
    int32_t segment, c0, c1, relative;
    uint32_t fraction, log2, loge;
    if (integer < 16)
    {
        frac = (int32_t)((uint32_t)frac << (16 - integer));
    }
    else
    {
        frac >>= integer - 16;
    }
    segment = (int32_t)((uint32_t)frac >> (16 - 7));
    c0 = tl_signal_rd16(lut + 2 * segment);
    c1 = tl_signal_rd16(lut + 2 * (segment + 1));
    relative = ((c1 - c0) * (frac - (65536 >> 7) * segment)) >> 16;
    fraction = (uint32_t)(frac + c0 + relative);
    log2 = ((uint32_t)integer << 16) + fraction;
    loge = (uint32_t)(((uint64_t)45426u * log2 + 32768u) >> 16);
    return (out_scale * loge + 32768u) >> 16;
}

tl_status tl_op_signal_filter_bank_log_u32_validate(const tl_op *op, const tl_tensors *tensors)
{
    int32_t channels;
    if (!tl_signal_arity(op, 2, 1, TL_SIGNAL_FILTER_BANK_LOG_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    channels = op->params[TL_SIGNAL_FILTER_BANK_LOG_P_NUM_CHANNELS];
    if (!tl_signal_range(op->params[TL_SIGNAL_FILTER_BANK_LOG_P_INPUT_CORRECTION_BITS], 0, 31) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_LOG_IN_INPUT], TL_TYPE_UINT32, channels, 4) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_LOG_IN_LOG_LUT], TL_TYPE_INT16,
                          TL_SIGNAL_LOG_LUT_LENGTH, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_FILTER_BANK_LOG_OUT_OUTPUT], TL_TYPE_INT16, channels, 2))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_filter_bank_log_u32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t channels = op->params[TL_SIGNAL_FILTER_BANK_LOG_P_NUM_CHANNELS];
    const uint32_t out_scale = (uint32_t)op->params[TL_SIGNAL_FILTER_BANK_LOG_P_OUTPUT_SCALE];
    const int32_t correction_bits = op->params[TL_SIGNAL_FILTER_BANK_LOG_P_INPUT_CORRECTION_BITS];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_LOG_IN_INPUT]);
    const uint8_t *lut = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FILTER_BANK_LOG_IN_LOG_LUT]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_FILTER_BANK_LOG_OUT_OUTPUT]);
    int32_t i;
    for (i = 0; i < channels; i++)
    {
        const uint32_t scaled = tl_signal_rd32(input + 4 * i) << correction_bits;
        int32_t value = 0;
        if (scaled > 1)
        {
            const uint32_t log_value = log32(scaled, out_scale, lut);
            value = log_value < 32767u ? (int32_t)log_value : 32767;
        }
        tl_signal_wr16(output + 2 * i, value);
    }
}
