/*
 * CONV_2D with int8 activations and packed int4 weights routed to CMSIS-NN's arm_convolve_wrapper_s4. Replaces
 * the adapters of src/portable/conv/tl_conv2d_s4.c when TINYLITE_CMSIS_NN=ON and TINYLITE_CMSIS_NN_ALL_ROUTES=ON
 * (our int4 kernels take fewer instructions on Cortex-M4; the portable validation runs first).
 *
 * Weights. Our image keeps the model's filter bytes: OHWI int4 packed contiguously over the whole tensor, element
 * e in the low nibble of byte e/2 when e is even, the high nibble when odd (ConvS4.cs). CMSIS-NN's int4 kernels
 * read the same layout ("four sequential weights [0x1, 0x2, 0x3, 0x4] packed as [0x21, 0x43]", rows not
 * byte-aligned when filter_h * filter_w * in_c is odd), so the filter is passed as it is.
 *
 * Scope. arm_convolve_s4 runs one group (the filter depth is the input depth): grouped convolutions run the
 * portable kernel.
 *
 * Scratch (compile --cmsis-nn; CmsisNnScratchCheck.ConvS4Bytes, nf-runtime) laid out as for int8:
 *   [multipliers int32 x out_c][shifts int32 x out_c][unfolded bias int32 x out_c][arm_convolve_wrapper_s4 buffer].
 * Validation checks its size against what the linked CMSIS-NN asks for and its alignment; images without it run the
 * portable kernel.
 *
 * Bias, as for int8 (tl_conv2d_s8.c): the folded bias b' = b + input_offset * sum(w) is passed with input_offset 0
 * when no tap of any output pixel lies in the padding; otherwise CMSIS-NN gets the true input_offset and the raw
 * bias b: the optional fifth input the compiler adds under --cmsis-nn, or, for images without it, b = b' -
 * input_offset * sum(w) rebuilt in the scratch (the channel's nibbles summed) (its im2col fills
 * padding taps with -input_offset, which contribute w * 0 as in TFLM). Either way CMSIS-NN forms TFLM's int32
 * accumulator (wrapping sums) and requantizes it with arm_nn_requantize (TFLM's double rounding).
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "tl_cmsis_nn_conv_common.h"

tl_status tl_op_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    const tl_status status = tl_ref_op_conv2d_s4_validate(op, tensors);
    if (status != TL_OK || op->output_count == 1)
    {
        return status;
    }
    return tl_cmsis_conv_validate_scratch(op, tensors, 12 * (int64_t)op->params[TL_CONV_P_OUTPUT_DEPTH],
                                          arm_convolve_wrapper_s4_get_buffer_size);
}

void tl_op_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    if (op->output_count != 2 || p[TL_CONV_P_FILTER_DEPTH] != p[TL_CONV_P_INPUT_DEPTH] || !tl_cmsis_tflm_geometry(p) ||
        !tl_cmsis_scratch_apart(op, tensors) ||
        tl_cmsis_conv_s8_call(op, tensors, 1, arm_convolve_wrapper_s4) != ARM_CMSIS_NN_SUCCESS)
    {
        /* Records CMSIS-NN cannot take as they are, and shapes it refuses (it checks before writing anything): the
           portable kernel takes them. */
        tl_ref_op_conv2d_s4(op, tensors);
    }
}
