/*
 * Int8 -> int8 table lookup (code 240): LOGISTIC and TANH on int8, bit-exact with LookupS8.cs. The compiler
 * ran TFLM's integer algorithm on all 256 inputs; entry (uint8_t)x is the output for input x.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_activation_checks.h"

tl_status tl_lookup_s8(int32_t count, const int8_t *input, const int8_t *table, int8_t *output)
{
    int32_t i;
    if (input == 0 || table == 0 || output == 0 || count < 0)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is allowed: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        output[i] = table[(uint8_t)input[i]];
    }
    return TL_OK;
}

tl_status tl_op_lookup_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_lookup(op, tensors, TL_LOOKUP_S8_P_LENGTH, TL_TYPE_INT8, 1, TL_TYPE_INT8, 256);
}

void tl_op_lookup_s8(const tl_op *op, const tl_tensors *tensors)
{
    (void)tl_lookup_s8(op->params[TL_LOOKUP_S8_P_COUNT],
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LOOKUP_S8_IN_INPUT]),
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_LOOKUP_S8_IN_TABLE]),
                       (int8_t *)tl_tensor_data(tensors, op->outputs[TL_LOOKUP_S8_OUT_OUTPUT]));
}
