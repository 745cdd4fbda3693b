/*
 * SOFTMAX int8 -> int16 routed to CMSIS-NN's arm_softmax_s8_s16 (built only with TINYLITE_CMSIS_NN_ALL_ROUTES=ON,
 * like tl_softmax_s8.c). Replaces the adapters of src/portable/activations/tl_softmax_s8_s16.c; the validation is the
 * portable one. Records without the CMSIS-NN values or outside tl_cmsis_softmax_routable run the portable kernel.
 */
#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_softmax.h"

tl_status tl_op_softmax_s8_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_softmax_s8_s16_validate(op, tensors);
}

void tl_op_softmax_s8_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int8_t *input = (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S8_IN_INPUT]);
    int16_t *output = (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_SOFTMAX_S8_OUT_OUTPUT]);
    if (!tl_cmsis_softmax_routable(op, input, output, 2))
    {
        tl_ref_op_softmax_s8_s16(op, tensors);
        return;
    }
    arm_softmax_s8_s16(input, p[TL_SOFTMAX_S8_P_ROWS], p[TL_SOFTMAX_S8_P_DEPTH], p[TL_SOFTMAX_S8_P_BETA_MULTIPLIER],
                       p[TL_SOFTMAX_S8_P_BETA_SHIFT], p[TL_SOFTMAX_S8_P_DIFF_MIN], output);
}
