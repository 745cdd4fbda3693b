/*
 * SignalEnergy, bit-exact with SignalEnergyS16.cs / TFLM's tflm_signal::SpectrumToEnergy.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

tl_status tl_op_signal_energy_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    int32_t start, end;
    if (!tl_signal_arity(op, 1, 1, TL_SIGNAL_ENERGY_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    start = op->params[TL_SIGNAL_ENERGY_P_START_INDEX];
    end = op->params[TL_SIGNAL_ENERGY_P_END_INDEX];
    if (start < 0 || end < start ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_ENERGY_IN_INPUT], TL_TYPE_INT16, 2 * (int64_t)end, 2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_ENERGY_OUT_OUTPUT], TL_TYPE_UINT32, end, 4))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_energy_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t start = op->params[TL_SIGNAL_ENERGY_P_START_INDEX];
    const int32_t end = op->params[TL_SIGNAL_ENERGY_P_END_INDEX];
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_ENERGY_IN_INPUT]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_ENERGY_OUT_OUTPUT]);
    int32_t i;
    for (i = start; i < end; i++)
    {
        const int32_t re = tl_signal_rd16(input + 4 * i);
        const int32_t im = tl_signal_rd16(input + 4 * i + 2);
        /* Up to 2^31 (both -32768): summed in uint32, where TFLM's int32 sum wraps to the same bits. */
        tl_signal_wr32(output + 4 * i, (uint32_t)(re * re) + (uint32_t)(im * im));
    }
}
