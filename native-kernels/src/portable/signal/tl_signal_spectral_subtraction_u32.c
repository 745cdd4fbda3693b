/*
 * SignalFilterBankSpectralSubtraction, bit-exact with SignalSpectralSubtractionU32.cs / TFLM's
 * tflm_signal::FilterbankSpectralSubtraction. The noise estimate lives in the noise_state variable tensor.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

tl_status tl_op_signal_spectral_subtraction_u32_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int32_t channels;
    if (!tl_signal_arity(op, 2, 2, TL_SIGNAL_SPECTRAL_SUBTRACTION_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    channels = p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_NUM_CHANNELS];
    if (!tl_signal_range(p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_SMOOTHING_BITS], 0, 31) ||
        !tl_signal_range(p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_SPECTRAL_SUBTRACTION_BITS], 0, 63) ||
        !tl_signal_range(p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_CLAMPING], 0, 1) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_IN_INPUT], TL_TYPE_UINT32, channels, 4) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_IN_NOISE_STATE], TL_TYPE_UINT32, channels,
                          4) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_OUT_OUTPUT], TL_TYPE_UINT32, channels,
                          4) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_OUT_NOISE_ESTIMATE], TL_TYPE_UINT32,
                          channels, 4))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_spectral_subtraction_u32(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t channels = p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_NUM_CHANNELS];
    const uint32_t smoothing_even = (uint32_t)p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_SMOOTHING];
    const uint32_t one_minus_even = (uint32_t)p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_ONE_MINUS_SMOOTHING];
    const uint32_t smoothing_odd = (uint32_t)p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_ALTERNATE_SMOOTHING];
    const uint32_t one_minus_odd = (uint32_t)p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_ALTERNATE_ONE_MINUS_SMOOTHING];
    const uint32_t min_remaining = (uint32_t)p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_MIN_SIGNAL_REMAINING];
    const int32_t smoothing_bits = p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_SMOOTHING_BITS];
    const int32_t subtraction_bits = p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_SPECTRAL_SUBTRACTION_BITS];
    const int clamping = p[TL_SIGNAL_SPECTRAL_SUBTRACTION_P_CLAMPING] != 0;
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_IN_INPUT]);
    uint8_t *state = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_IN_NOISE_STATE]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_OUT_OUTPUT]);
    uint8_t *estimate = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_SPECTRAL_SUBTRACTION_OUT_NOISE_ESTIMATE]);
    int32_t i;
    for (i = 0; i < channels; i++)
    {
        const uint32_t smoothing = (i & 1) == 0 ? smoothing_even : smoothing_odd;
        const uint32_t one_minus = (i & 1) == 0 ? one_minus_even : one_minus_odd;
        const uint32_t signal = tl_signal_rd32(input + 4 * i);
        const uint32_t scaled_up = signal << smoothing_bits;
        uint32_t noise =
            (uint32_t)(((uint64_t)scaled_up * smoothing + (uint64_t)tl_signal_rd32(state + 4 * i) * one_minus) >>
                       subtraction_bits);
        uint32_t subtrahend = noise, floor_value, subtracted;
        if (subtrahend > scaled_up)
        {
            subtrahend = scaled_up;
            if (clamping)
            {
                noise = scaled_up;
            }
        }
        tl_signal_wr32(state + 4 * i, noise);
        tl_signal_wr32(estimate + 4 * i, noise);
        floor_value = (uint32_t)(((uint64_t)signal * min_remaining) >> subtraction_bits);
        subtracted = (scaled_up - subtrahend) >> smoothing_bits;
        tl_signal_wr32(output + 4 * i, subtracted > floor_value ? subtracted : floor_value);
    }
}
