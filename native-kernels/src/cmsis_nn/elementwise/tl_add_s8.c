/*
 * ADD int8 routed to CMSIS-NN's arm_elementwise_add_s8 for same-shape operands (broadcast descriptor R = 0, both
 * row strides 1). Replaces the adapters of src/reference/elementwise/tl_add_s8.c when TINYLITE_CMSIS_NN=ON; the
 * validation is the reference one; broadcasting records run the reference kernel.
 *
 * Same arithmetic as TFLM's reference (and AddS8): each input plus its offset, shifted left by left_shift, scaled by
 * its multiplier with a right shift (arm_nn_requantize with a shift <= 0 is TFLM's
 * MultiplyByQuantizedMultiplierSmallerThanOneExp: doubling high multiply, rounding divide by a power of two), the
 * two summed in int32, scaled by the output multiplier, plus the output offset, clamped. Two details of its DSP
 * (Cortex-M4/M7) path hold only for TFLM's int8 parameters, so other records run the reference kernel:
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
    /* Params (AddS8): 0 input1 offset, 1/2 input1 multiplier/shift, 3 input2 offset, 4/5 input2 multiplier/shift,
       6/7 output multiplier/shift, 8 output offset, 9 left shift, 10/11 activation range, 12.. broadcast descriptor
       (12 outer dims R, 13 row length, 14/15 row strides of the inputs). */
    if (p[12] != 0 || p[14] != 1 || p[15] != 1 || p[9] < 16 || p[9] > 20 || p[0] < -255 || p[0] > 255 || p[3] < -255 ||
        p[3] > 255)
    {
        tl_ref_op_add_s8(op, tensors);
        return;
    }
    (void)arm_elementwise_add_s8((const int8_t *)tl_tensor_data(tensors, op->inputs[0]),
                                 (const int8_t *)tl_tensor_data(tensors, op->inputs[1]), p[0], p[1], p[2], p[3], p[4], p[5],
                                 p[9], (int8_t *)tl_tensor_data(tensors, op->outputs[0]), p[8], p[6], p[7], p[10], p[11],
                                 p[13]);
}
