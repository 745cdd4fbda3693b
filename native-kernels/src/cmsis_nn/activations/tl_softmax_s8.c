/*
 * SOFTMAX int8 -> int8 routed to CMSIS-NN's arm_softmax_s8 (built only with TINYLITE_CMSIS_NN_ALL_ROUTES=ON,
 * see native-kernels/README.md: our table-driven kernel takes about a fifth of CMSIS-NN's instructions). Replaces the
 * adapters of src/portable/activations/tl_softmax_s8.c; the validation is the portable one. Records without the
 * CMSIS-NN values (compiled without --cmsis-nn) or outside tl_cmsis_softmax_routable run the portable kernel.
 */
#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_kernels.h"
#include "../tl_cmsis_nn_fallbacks.h"
#include "../tl_cmsis_nn_softmax.h"

tl_status tl_op_softmax_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ref_op_softmax_s8_validate(op, tensors);
}

void tl_op_softmax_s8(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int8_t *input = (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_SOFTMAX_S8_IN_INPUT]);
    int8_t *output = (int8_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_SOFTMAX_S8_OUT_OUTPUT]);
    if (!tl_cmsis_softmax_routable(op, input, output, 1))
    {
        tl_ref_op_softmax_s8(op, tensors);
        return;
    }
    arm_softmax_s8(input, p[TL_SOFTMAX_S8_P_ROWS], p[TL_SOFTMAX_S8_P_DEPTH], p[TL_SOFTMAX_S8_P_BETA_MULTIPLIER],
                   p[TL_SOFTMAX_S8_P_BETA_SHIFT], p[TL_SOFTMAX_S8_P_DIFF_MIN], output);
}
