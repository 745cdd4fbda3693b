/*
 * ADD int8 routed to CMSIS-NN's arm_elementwise_add_s8 for same-shape operands (broadcast descriptor R = 0, both
 * row strides 1). Replaces the adapters of src/portable/elementwise/tl_add_s8.c when TINYLITE_CMSIS_NN=ON; the
 * validation is the portable one; broadcasting records run the portable kernel.
 *
 * Same arithmetic as TFLM's reference (and AddS8): each input plus its offset, shifted left by left_shift, scaled by
 * its multiplier with a right shift (arm_nn_requantize with a shift <= 0 is TFLM's
 * MultiplyByQuantizedMultiplierSmallerThanOneExp: doubling high multiply, rounding divide by a power of two), the
 * two summed in int32, scaled by the output multiplier, plus the output offset, clamped. Two details of its DSP
 * (Cortex-M4/M7) path hold only for TFLM's int8 parameters, so other records run the portable kernel:
 *  - input + offset is formed in 16-bit lanes (the offset truncated to 16 bits, a saturating SADD16): exact while
 *    the offset and input + offset fit int16; TFLM's offsets are -zero point, within [-127, 128] — routed only
 *    for |offset| <= 255;
 *  - the 16-bit lane is zero-extended before the left shift, which drops the sign bits only when left_shift >= 16:
 *    TFLM's int8 ADD uses left_shift 20 — routed only for left_shift in [16, 20].
 * In-place plans give the output the base of an input: arm_elementwise_add_s8 reads each element of both inputs
 * before writing that element, so an exactly aliased output is safe.
 */
#include "arm_nnfunctions.h"

#include "tinylite/tl_elementwise_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"

tl_status tl_op_add_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_add_s8_validate(op, tensors);
}

void tl_op_add_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t *bc = p + TL_ADD_SUB_P_BROADCAST; /* the broadcast descriptor (tl_broadcast_field) */
    /* Same shapes only (no outer dimension, both row strides 1), and the offsets and left shift described above. */
    if (bc[TL_BROADCAST_OUTER] != 0 || bc[TL_BROADCAST_ROW_STRIDE1] != 1 || bc[TL_BROADCAST_ROW_STRIDE2] != 1 ||
        p[TL_ADD_SUB_P_LEFT_SHIFT] < 16 || p[TL_ADD_SUB_P_LEFT_SHIFT] > 20 || p[TL_ADD_SUB_P_INPUT1_OFFSET] < -255 ||
        p[TL_ADD_SUB_P_INPUT1_OFFSET] > 255 || p[TL_ADD_SUB_P_INPUT2_OFFSET] < -255 ||
        p[TL_ADD_SUB_P_INPUT2_OFFSET] > 255)
    {
        tl_ref_op_add_s8(op, tensors);
        return;
    }
    (void)arm_elementwise_add_s8(
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT1]),
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_ADD_SUB_IN_INPUT2]), p[TL_ADD_SUB_P_INPUT1_OFFSET],
        p[TL_ADD_SUB_P_INPUT1_MULTIPLIER], p[TL_ADD_SUB_P_INPUT1_SHIFT], p[TL_ADD_SUB_P_INPUT2_OFFSET],
        p[TL_ADD_SUB_P_INPUT2_MULTIPLIER], p[TL_ADD_SUB_P_INPUT2_SHIFT], p[TL_ADD_SUB_P_LEFT_SHIFT],
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_ADD_SUB_OUT_OUTPUT]), p[TL_ADD_SUB_P_OUTPUT_OFFSET],
        p[TL_ADD_SUB_P_OUTPUT_MULTIPLIER], p[TL_ADD_SUB_P_OUTPUT_SHIFT], p[TL_ADD_SUB_P_ACTIVATION_MIN],
        p[TL_ADD_SUB_P_ACTIVATION_MAX], bc[TL_BROADCAST_ROW_LENGTH]);
}
