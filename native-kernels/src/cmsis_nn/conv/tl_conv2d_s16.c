/*
 * CONV_2D int16 x int8 routed to CMSIS-NN's arm_convolve_wrapper_s16. Replaces the adapters of
 * src/portable/conv/tl_conv2d_s16.c when TINYLITE_CMSIS_NN=ON (the portable validation runs first).
 *
 * Routed only when the compiler proved CMSIS-NN bit-exact for the record (src/cmsis_nn/tl_cmsis_nn_s16.h): the
 * record then has a fifth input, the requantization arrays int32 [multipliers x out_c][shifts x out_c], and a
 * second output, the scratch holding arm_convolve_wrapper_s16's im2col buffer (validated against the linked
 * CMSIS-NN's arm_convolve_wrapper_s16_get_buffer_size). Everything else runs the portable kernel, as do records
 * CMSIS-NN cannot take as they are:
 *  - geometry other than TFLM's SAME / VALID (tl_cmsis_nn_geometry.h), or grouped filters (arm_convolve_s16
 *    reads the whole input depth per tap);
 *  - more than 65535 columns (f_h * f_w * in_c): CMSIS-NN counts some column loops in uint16_t;
 *  - int64 (or no) bias with an odd out_c and more than 512 columns not a multiple of 4: the DSP build's last
 *    odd channel in arm_nn_mat_mult_kernel_s16 takes its left-over columns from the full column count instead
 *    of the first 512 and would read past the filter row.
 * An int32 bias selects CMSIS-NN's int32 path (is_int32_bias), TFLM's int32 accumulation and requantization.
 */
#include <stddef.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_kernels.h"
#include "tinylite/tl_image.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_geometry.h"
#include "../tl_cmsis_nn_s16.h"
#include "tl_cmsis_nn_conv_common.h"

tl_status tl_op_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const tl_status status = tl_ref_op_conv2d_s16_validate(op, tensors);
    if (status != TL_OK || op->input_count != 5 || op->output_count != 2)
    {
        return status;
    }
    if (tl_cmsis_s16_check_split_quant(op, tensors, op->params[TL_CONV_P_OUTPUT_DEPTH]) != TL_OK)
    {
        return TL_ERR_PARAMS;
    }
    return tl_cmsis_conv_validate_scratch(op, tensors, 0, arm_convolve_wrapper_s16_get_buffer_size);
}

/* 1 when CMSIS-NN takes the validated record as it is (see the file comment). */
static int tl_cmsis_conv_s16_routable(const tl_op *op, int int32_bias)
{
    const int32_t *p = op->params;
    /* Validated: each factor is at most 65535, so the product fits int64. */
    const int64_t columns = (int64_t)p[TL_CONV_P_FILTER_HEIGHT] * p[TL_CONV_P_FILTER_WIDTH] * p[TL_CONV_P_FILTER_DEPTH];
    if (op->input_count != 5 || op->output_count != 2 || !tl_cmsis_tflm_geometry(p) ||
        p[TL_CONV_P_FILTER_DEPTH] != p[TL_CONV_P_INPUT_DEPTH] || columns > 65535)
    {
        return 0;
    }
    return int32_bias || (p[TL_CONV_P_OUTPUT_DEPTH] & 1) == 0 || columns <= 512 || (columns & 3) == 0;
}

void tl_op_conv2d_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t out_c = p[TL_CONV_P_OUTPUT_DEPTH];
    const int32_t bias_t = op->inputs[TL_CONV_S16_IN_BIAS];
    const int int32_bias = bias_t >= 0 && tl_tensor_type(tensors, bias_t) == TL_TYPE_INT32;
    /* CMSIS-NN's bias descriptor has a const member: it is initialised here, used only when routed. */
    const cmsis_nn_bias_data bias = {bias_t >= 0 ? (const void *)tl_tensor_data(tensors, bias_t) : NULL,
                                     int32_bias != 0};
    int32_t *split;
    cmsis_nn_conv_params conv;
    tl_cmsis_conv_call call;
    arm_cmsis_nn_status status;
    if (!tl_cmsis_conv_s16_routable(op, int32_bias) || !tl_cmsis_scratch_apart(op, tensors))
    {
        tl_ref_op_conv2d_s16(op, tensors);
        return;
    }
    tl_cmsis_conv_decode(p, &conv, &call.input_dims, &call.filter_dims, &call.output_dims);
    /* Validated: 4-aligned int32 [multipliers x out_c][shifts x out_c]; CMSIS-NN only reads them. */
    split = (int32_t *)(void *)tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_CMSIS_MULTIPLIERS]);
    tl_cmsis_call_finish(&call, split, split + out_c, out_c,
                         tl_tensor_data(tensors, op->outputs[TL_CONV_S16_OUT_SCRATCH]),
                         tl_tensor_bytes(tensors, op->outputs[TL_CONV_S16_OUT_SCRATCH]));
    status = arm_convolve_wrapper_s16(
        &call.context, &conv, &call.quant, &call.input_dims,
        (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_INPUT]), &call.filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_S16_IN_FILTER]), &call.bias_dims, &bias,
        &call.output_dims, (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_CONV_S16_OUT_OUTPUT]));
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        /* A shape CMSIS-NN refuses: the portable kernel recomputes the whole output. */
        tl_ref_op_conv2d_s16(op, tensors);
    }
}
