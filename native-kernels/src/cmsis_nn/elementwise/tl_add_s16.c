/*
 * ADD int16 routed to CMSIS-NN's arm_elementwise_add_s16 for same-shape operands without zero points. Replaces the
 * adapters of src/portable/elementwise/tl_add_s16.c when TINYLITE_CMSIS_NN=ON; the validation is the portable one.
 *
 * TFLM's int16 ADD (16x8 quantization, zero points 0): each input shifted left by left_shift (15), scaled by its
 * multiplier with a right shift (arm_nn_requantize with a shift <= 0 is MultiplyByQuantizedMultiplierSmallerThanOneExp),
 * summed in int32, scaled by the output multiplier, clamped. arm_elementwise_add_s16 ignores the offsets, so records
 * with a non-zero offset run the portable kernel, as do broadcasting ones and left shifts above 15 (an int16 shifted
 * by at most 15 stays within 2^30, well inside int32). Each element of both inputs is read before that element is
 * written (in pairs on the DSP path, both read first), so an output that is exactly an input (in-place plans) is safe.
 */
#include "arm_nnfunctions.h"

#include "tinylite/tl_elementwise_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"

tl_status tl_op_add_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_add_s16_validate(op, tensors);
}

void tl_op_add_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *bc = p + TL_ADD_SUB_P_BROADCAST; /* the broadcast descriptor (tl_broadcast_field) */
    /* Same shapes only (no outer dimension, both row strides 1), zero offsets and a left shift CMSIS-NN takes. */
    if (bc[TL_BROADCAST_OUTER] != 0 || bc[TL_BROADCAST_ROW_STRIDE1] != 1 || bc[TL_BROADCAST_ROW_STRIDE2] != 1 ||
        p[TL_ADD_SUB_P_INPUT1_OFFSET] != 0 || p[TL_ADD_SUB_P_INPUT2_OFFSET] != 0 ||
        p[TL_ADD_SUB_P_OUTPUT_OFFSET] != 0 || p[TL_ADD_SUB_P_LEFT_SHIFT] < 0 || p[TL_ADD_SUB_P_LEFT_SHIFT] > 15)
    {
        tl_ref_op_add_s16(op, tensors);
        return;
    }
    (void)arm_elementwise_add_s16(
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT1]),
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT2]), 0,
        p[TL_ADD_SUB_P_INPUT1_MULTIPLIER], p[TL_ADD_SUB_P_INPUT1_SHIFT], 0, p[TL_ADD_SUB_P_INPUT2_MULTIPLIER],
        p[TL_ADD_SUB_P_INPUT2_SHIFT], p[TL_ADD_SUB_P_LEFT_SHIFT],
        (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_ADD_SUB_OUT_OUTPUT]), 0,
        p[TL_ADD_SUB_P_OUTPUT_MULTIPLIER], p[TL_ADD_SUB_P_OUTPUT_SHIFT], p[TL_ADD_SUB_P_ACTIVATION_MIN],
        p[TL_ADD_SUB_P_ACTIVATION_MAX], bc[TL_BROADCAST_ROW_LENGTH]);
}
