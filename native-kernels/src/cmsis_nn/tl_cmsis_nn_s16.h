/*
 * Shared by the CMSIS-NN int16 x int8 adapters (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED s16).
 *
 * The compiler routes such a record only when it has proven CMSIS-NN's int16 kernels bit-exact with TFLM's for
 * the record's weights, bias and requantization (codegen/TinyLite.Codegen/Lowering/CmsisNnInt16.cs: no int32
 * partial sum can overflow whatever columns CMSIS-NN accumulates in int32, and arm_nn_requantize_s64's early
 * truncation to int32 cannot bite). Its marker is the optional fifth input: the requantization table split into
 * CMSIS-NN's two arrays, int32 [multipliers x n][shifts x n], which the adapters pass to CMSIS-NN as they are.
 * The portable validation checks its size; the adapters also check its values at load time, so that CMSIS-NN
 * never shifts by a negative count (arm_nn_requantize_s64 shifts by 14 - shift).
 */
#ifndef TINYLITE_TL_CMSIS_NN_S16_H
#define TINYLITE_TL_CMSIS_NN_S16_H

#include <stdint.h>

#include "tinylite/tl_conv_layouts.h"
#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"

/* Validates the split requantization arrays of `count` pairs in the optional fifth input (already size-checked by the
   portable validation): 4-aligned, multipliers >= 0, shifts in [-31, 14]. The slot is ConvS16's cmsis_multipliers,
   the same in DepthwiseConvS16 and FullyConnectedS16 (kernels.toml). */
static inline tl_status tl_cmsis_s16_check_split_quant(const tl_op *op, const tl_tensors *tensors, int32_t count)
{
    const uint8_t *data = tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_CMSIS_MULTIPLIERS]);
    const int32_t *split;
    int32_t i;
    if (data == 0 || ((uintptr_t)data & 3u) != 0)
    {
        return TL_ERR_PARAMS;
    }
    split = (const int32_t *)(const void *)data;
    for (i = 0; i < count; i++)
    {
        if (split[i] < 0 || split[count + i] < -31 || split[count + i] > 14)
        {
            return TL_ERR_PARAMS;
        }
    }
    return TL_OK;
}

#endif
