/*
 * ADD int16 routed to CMSIS-NN's arm_elementwise_add_s16 for same-shape operands without zero points. Replaces the
 * adapters of src/reference/elementwise/tl_add_s16.c when TINYLITE_CMSIS_NN=ON; the validation is the reference one.
 *
 * TFLM's int16 ADD (16x8 quantization, zero points 0): each input shifted left by left_shift (15), scaled by its
 * multiplier with a right shift (arm_nn_requantize with a shift <= 0 is MultiplyByQuantizedMultiplierSmallerThanOneExp),
 * summed in int32, scaled by the output multiplier, clamped. arm_elementwise_add_s16 ignores the offsets, so records
 * with a non-zero offset run the reference kernel, as do broadcasting ones and left shifts above 15 (an int16 shifted
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
    /* Params (AddS16, as AddS8): 0 input1 offset, 1/2 input1 multiplier/shift, 3 input2 offset, 4/5 input2
       multiplier/shift, 6/7 output multiplier/shift, 8 output offset, 9 left shift, 10/11 activation range,
       12.. broadcast descriptor (12 outer dims R, 13 row length, 14/15 row strides of the inputs). */
    if (p[12] != 0 || p[14] != 1 || p[15] != 1 || p[0] != 0 || p[3] != 0 || p[8] != 0 || p[9] < 0 || p[9] > 15)
    {
        tl_ref_op_add_s16(op, tensors);
        return;
    }
    (void)arm_elementwise_add_s16((const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[0]),
                                  (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[1]), 0, p[1], p[2], 0,
                                  p[4], p[5], p[9], (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[0]), 0, p[6],
                                  p[7], p[10], p[11], p[13]);
}
