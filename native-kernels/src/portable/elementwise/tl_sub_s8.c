/*
 * SUB int8 with broadcasting, bit-exact with QuantizedAddSub.cs / TFLM's reference integer kernel (left-shifted,
 * rescaled inputs). The arithmetic, validation and decoding shared with the other ADD/SUB kernels are in
 * tl_add_sub_common.[ch].
 */
#include "tl_add_sub_common.h"

tl_status tl_sub_s8(const tl_add_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                    int8_t *output)
{
    return tl_ew_add_sub_rows(params, bc, input1, input2, output, 1, 1);
}

tl_status tl_op_sub_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_add_sub_validate(op, tensors, TL_TYPE_INT8, 1, -128, 127);
}

void tl_op_sub_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_ew_add_sub_run(op, tensors, 1, 1);
}
