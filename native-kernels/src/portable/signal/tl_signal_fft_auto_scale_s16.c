/*
 * SignalFftAutoScale int16, bit-exact with SignalFftAutoScaleS16.cs / TFLM's tflm_signal::FftAutoScale.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

tl_status tl_op_signal_fft_auto_scale_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    int32_t count;
    if (!tl_signal_arity(op, 1, 2, TL_SIGNAL_FFT_AUTO_SCALE_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    count = op->params[TL_SIGNAL_FFT_AUTO_SCALE_P_COUNT];
    if (!tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_FFT_AUTO_SCALE_IN_INPUT], TL_TYPE_INT16, count, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_FFT_AUTO_SCALE_OUT_OUTPUT], TL_TYPE_INT16, count, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_FFT_AUTO_SCALE_OUT_SCALE_BITS], TL_TYPE_INT32, 1, 4))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_fft_auto_scale_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t count = op->params[TL_SIGNAL_FFT_AUTO_SCALE_P_COUNT];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_FFT_AUTO_SCALE_IN_INPUT]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_FFT_AUTO_SCALE_OUT_OUTPUT]);
    uint8_t *scale_bits = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_FFT_AUTO_SCALE_OUT_SCALE_BITS]);
    int32_t max = 0; /* an int16 in TFLM: -(-32768) stored there wraps to -32768 */
    int32_t scale, i;
    for (i = 0; i < count; i++)
    {
        const int32_t value = tl_signal_rd16(input + 2 * i);
        if (value > max)
        {
            max = value;
        }
        else if (-value > max)
        {
            max = tl_signal_wrap16(-value);
        }
    }
    /* The int16 maximum widens to uint32 with sign extension, as in TFLM. */
    scale = 16 - tl_signal_msb32((uint32_t)max) - 1;
    if (scale <= 0)
    {
        scale = 0;
    }
    for (i = 0; i < count; i++)
    {
        tl_signal_wr16(output + 2 * i, (int32_t)((uint32_t)tl_signal_rd16(input + 2 * i) << scale));
    }
    tl_signal_wr32(scale_bits, (uint32_t)scale);
}
