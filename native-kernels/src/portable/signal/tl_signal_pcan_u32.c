/*
 * SignalPCAN, bit-exact with SignalPcanU32.cs / TFLM's tflm_signal::ApplyPcanAutoGainControlFixed
 * (WideDynamicFunction, PcanShrink).
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

/* TFLM's WideDynamicFunction, in wrapping int32 arithmetic (TFLM's int32 steps, without signed overflow). */
static int32_t wide_dynamic_function(uint32_t x, const uint8_t *lut)
{
    int32_t interval, frac;
    uint32_t result;
    if (x <= 2)
    {
        return tl_signal_rd16(lut + 2 * x);
    }
    interval = tl_signal_msb32(x);
    lut += 2 * (4 * interval - 6);
    frac = (int32_t)((interval < 11 ? x << (11 - interval) : x >> (interval - 11)) & 0x3FFu);
    result = (uint32_t)((tl_signal_rd16(lut + 4) * frac) >> 5);
    result += (uint32_t)tl_signal_rd16(lut + 2) << 5;
    result *= (uint32_t)frac;
    result = (uint32_t)(((int32_t)(result + (1u << 14))) >> 15);
    result += (uint32_t)tl_signal_rd16(lut);
    return tl_signal_wrap16((int32_t)result);
}

tl_status tl_op_signal_pcan_u32_validate(const tl_op *op, const tl_tensors *tensors)
{
    int32_t channels;
    if (!tl_signal_arity(op, 3, 1, TL_SIGNAL_PCAN_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    channels = op->params[TL_SIGNAL_PCAN_P_NUM_CHANNELS];
    if (!tl_signal_range(op->params[TL_SIGNAL_PCAN_P_SNR_SHIFT], 0, 63) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_PCAN_IN_INPUT], TL_TYPE_UINT32, channels, 4) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_PCAN_IN_NOISE_ESTIMATE], TL_TYPE_UINT32, channels, 4) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_PCAN_IN_GAIN_LUT], TL_TYPE_INT16,
                          TL_SIGNAL_PCAN_GAIN_LUT_LENGTH, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_PCAN_OUT_OUTPUT], TL_TYPE_UINT32, channels, 4))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_pcan_u32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t channels = op->params[TL_SIGNAL_PCAN_P_NUM_CHANNELS];
    const int32_t snr_shift = op->params[TL_SIGNAL_PCAN_P_SNR_SHIFT];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_PCAN_IN_INPUT]);
    const uint8_t *noise = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_PCAN_IN_NOISE_ESTIMATE]);
    const uint8_t *lut = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_PCAN_IN_GAIN_LUT]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_PCAN_OUT_OUTPUT]);
    int32_t i;
    for (i = 0; i < channels; i++)
    {
        /* Input read before the output is written: the output may overlay the input. */
        const uint32_t x = tl_signal_rd32(input + 4 * i);
        /* The int16 gain widens to uint32 with sign extension, as in C. */
        const uint32_t gain = (uint32_t)wide_dynamic_function(tl_signal_rd32(noise + 4 * i), lut);
        const uint32_t snr = (uint32_t)(((uint64_t)x * gain) >> snr_shift);
        const uint32_t shrunk = snr < (2u << 12) ? (snr * snr) >> (2 + 2 * 12 - 6) : (snr >> (12 - 6)) - (1u << 6);
        tl_signal_wr32(output + 4 * i, shrunk);
    }
}
