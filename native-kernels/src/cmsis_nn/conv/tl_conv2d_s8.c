/*
 * CONV_2D int8 routed to CMSIS-NN's arm_convolve_wrapper_s8. Replaces the adapters of
 * src/portable/conv/tl_conv2d_s8.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Scratch. The compiler gives every int8 CONV_2D a second output, a scratch tensor in the arena plan
 * (sized by nf-runtime/src/Kernels/Conv/CmsisNnScratchCheck.cs), laid out as
 *   [multipliers int32 x out_c][shifts int32 x out_c][unfolded bias int32 x out_c][arm_convolve_wrapper_s8 buffer].
 * CMSIS-NN wants multipliers and shifts as two arrays; the image interleaves them, so they are copied (2 * out_c
 * words per call). Validation checks that the scratch holds 12 * out_c bytes plus what the linked CMSIS-NN's
 * arm_convolve_wrapper_s8_get_buffer_size asks for, and that it is 4-byte aligned. Images without the scratch
 * (compiled before it existed) run the portable kernel.
 *
 * Bias. The image carries b' = b + input_offset * sum(w) (mod 2^32) per channel. CMSIS-NN computes
 * b + sum over in-image taps of w * (x + input_offset); taps in the padding contribute nothing (TFLM's definition).
 *  - When no output pixel has a tap in the padding (no top/left padding and the last window ends inside the
 *    input), every weight meets an input value and b + sum w * (x + input_offset) = b' + sum w * x (mod 2^32):
 *    b' is passed with input_offset = 0 and nothing is computed per call.
 *  - Otherwise CMSIS-NN gets the raw bias b and the true input_offset. Images compiled with --cmsis-nn carry b
 *    as an optional fifth input (int32 x out_c, validated by tl_conv_checks.c; Conv2DLowering adds it exactly
 *    for convolutions with padding taps), read as it is. Older images without it (or a record whose geometry
 *    differs from the compiler's) get b = b' - input_offset * sum(w) rebuilt in the scratch (out_c * filter_size
 *    adds per call).
 * Both give TFLM's int32 accumulator; CMSIS-NN's default requantization (double rounding) then gives its bytes.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "tl_cmsis_nn_conv_common.h"

tl_status tl_op_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    const tl_status status = tl_ref_op_conv2d_s8_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    return tl_cmsis_conv_validate_scratch(op, tensors, 12 * (int64_t)op->params[TL_CONV_P_OUTPUT_DEPTH],
                                          arm_convolve_wrapper_s8_get_buffer_size);
}

void tl_op_conv2d_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    if (op->output_count != 2 || !tl_cmsis_tflm_geometry(p) || !tl_cmsis_scratch_apart(op, tensors) ||
        tl_cmsis_conv_s8_call(op, tensors, 0, arm_convolve_wrapper_s8) != ARM_CMSIS_NN_SUCCESS)
    {
        /* Records CMSIS-NN cannot take as they are, and shapes it refuses (it checks before writing anything): the
           portable kernel takes them. */
        tl_ref_op_conv2d_s8(op, tensors);
    }
}
