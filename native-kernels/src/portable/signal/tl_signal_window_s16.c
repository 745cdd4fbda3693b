/*
 * SignalWindow int16, bit-exact with SignalWindowS16.cs / TFLM's tflm_signal::ApplyWindow.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

tl_status tl_op_signal_window_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int32_t count, length;
    if (!tl_signal_arity(op, 2, 1, TL_SIGNAL_WINDOW_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    count = p[TL_SIGNAL_WINDOW_P_COUNT];
    length = p[TL_SIGNAL_WINDOW_P_WINDOW_LENGTH];
    if (length <= 0 || count < 0 || count % length != 0 || !tl_signal_range(p[TL_SIGNAL_WINDOW_P_SHIFT], 0, 31) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_WINDOW_IN_INPUT], TL_TYPE_INT16, count, 2) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_WINDOW_IN_WINDOW], TL_TYPE_INT16, length, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_WINDOW_OUT_OUTPUT], TL_TYPE_INT16, count, 2))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_window_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t count = p[TL_SIGNAL_WINDOW_P_COUNT];
    const int32_t length = p[TL_SIGNAL_WINDOW_P_WINDOW_LENGTH];
    const int32_t shift = p[TL_SIGNAL_WINDOW_P_SHIFT];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_WINDOW_IN_INPUT]);
    const uint8_t *window = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_WINDOW_IN_WINDOW]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_WINDOW_OUT_OUTPUT]);
    int32_t frame, i;
    for (frame = 0; frame < count; frame += length)
    {
        for (i = 0; i < length; i++)
        {
            /* |x * w| <= 2^30: no overflow; >> of a negative int is arithmetic, as TFLM's build. */
            int32_t raw = (tl_signal_rd16(input) * tl_signal_rd16(window + 2 * i)) >> shift;
            raw = raw < -32768 ? -32768 : (raw > 32767 ? 32767 : raw);
            tl_signal_wr16(output, raw);
            input += 2;
            output += 2;
        }
    }
}
