/* Dispatch and validation of the elementwise kernel family (see tl_families.h). */
#include "tinylite/tl_elementwise_kernels.h"
#include "tinylite/tl_families.h"

tl_status tl_elementwise_family_validate(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_ADD_S8:
        return tl_op_add_s8_validate(op, tensors);
    case TL_OP_ADD_S16:
        return tl_op_add_s16_validate(op, tensors);
    case TL_OP_ADD_S32:
        return tl_op_add_s32_validate(op, tensors);
    case TL_OP_ADD_F32:
        return tl_op_add_f32_validate(op, tensors);
    case TL_OP_SUB_S8:
        return tl_op_sub_s8_validate(op, tensors);
    case TL_OP_SUB_S16:
        return tl_op_sub_s16_validate(op, tensors);
    case TL_OP_SUB_S32:
        return tl_op_sub_s32_validate(op, tensors);
    case TL_OP_SUB_F32:
        return tl_op_sub_f32_validate(op, tensors);
    case TL_OP_MUL_S8:
        return tl_op_mul_s8_validate(op, tensors);
    case TL_OP_MUL_S16:
        return tl_op_mul_s16_validate(op, tensors);
    case TL_OP_MUL_S32:
        return tl_op_mul_s32_validate(op, tensors);
    case TL_OP_MUL_F32:
        return tl_op_mul_f32_validate(op, tensors);
    case TL_OP_MAXIMUM_S8:
        return tl_op_maximum_s8_validate(op, tensors);
    case TL_OP_MAXIMUM_S16:
        return tl_op_maximum_s16_validate(op, tensors);
    case TL_OP_MAXIMUM_S32:
        return tl_op_maximum_s32_validate(op, tensors);
    case TL_OP_MAXIMUM_F32:
        return tl_op_maximum_f32_validate(op, tensors);
    case TL_OP_MINIMUM_S8:
        return tl_op_minimum_s8_validate(op, tensors);
    case TL_OP_MINIMUM_S16:
        return tl_op_minimum_s16_validate(op, tensors);
    case TL_OP_MINIMUM_S32:
        return tl_op_minimum_s32_validate(op, tensors);
    case TL_OP_MINIMUM_F32:
        return tl_op_minimum_f32_validate(op, tensors);
    case TL_OP_RELU_S8:
        return tl_op_relu_s8_validate(op, tensors);
    case TL_OP_RELU_S16:
        return tl_op_relu_s16_validate(op, tensors);
    case TL_OP_RELU_F32:
        return tl_op_relu_f32_validate(op, tensors);
    case TL_OP_RELU6_S8:
        return tl_op_relu6_s8_validate(op, tensors);
    case TL_OP_RELU6_S16:
        return tl_op_relu6_s16_validate(op, tensors);
    case TL_OP_RELU6_F32:
        return tl_op_relu6_f32_validate(op, tensors);
    case TL_OP_LEAKY_RELU_S8:
        return tl_op_leaky_relu_s8_validate(op, tensors);
    case TL_OP_LEAKY_RELU_S16:
        return tl_op_leaky_relu_s16_validate(op, tensors);
    case TL_OP_LEAKY_RELU_F32:
        return tl_op_leaky_relu_f32_validate(op, tensors);
    case TL_OP_HARD_SWISH_S8:
        return tl_op_hard_swish_s8_validate(op, tensors);
    case TL_OP_HARD_SWISH_F32:
        return tl_op_hard_swish_f32_validate(op, tensors);
    default:
        return TL_ERR_UNSUPPORTED;
    }
}

void tl_elementwise_family_run(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_ADD_S8:
        tl_op_add_s8(op, tensors);
        break;
    case TL_OP_ADD_S16:
        tl_op_add_s16(op, tensors);
        break;
    case TL_OP_ADD_S32:
        tl_op_add_s32(op, tensors);
        break;
    case TL_OP_ADD_F32:
        tl_op_add_f32(op, tensors);
        break;
    case TL_OP_SUB_S8:
        tl_op_sub_s8(op, tensors);
        break;
    case TL_OP_SUB_S16:
        tl_op_sub_s16(op, tensors);
        break;
    case TL_OP_SUB_S32:
        tl_op_sub_s32(op, tensors);
        break;
    case TL_OP_SUB_F32:
        tl_op_sub_f32(op, tensors);
        break;
    case TL_OP_MUL_S8:
        tl_op_mul_s8(op, tensors);
        break;
    case TL_OP_MUL_S16:
        tl_op_mul_s16(op, tensors);
        break;
    case TL_OP_MUL_S32:
        tl_op_mul_s32(op, tensors);
        break;
    case TL_OP_MUL_F32:
        tl_op_mul_f32(op, tensors);
        break;
    case TL_OP_MAXIMUM_S8:
        tl_op_maximum_s8(op, tensors);
        break;
    case TL_OP_MAXIMUM_S16:
        tl_op_maximum_s16(op, tensors);
        break;
    case TL_OP_MAXIMUM_S32:
        tl_op_maximum_s32(op, tensors);
        break;
    case TL_OP_MAXIMUM_F32:
        tl_op_maximum_f32(op, tensors);
        break;
    case TL_OP_MINIMUM_S8:
        tl_op_minimum_s8(op, tensors);
        break;
    case TL_OP_MINIMUM_S16:
        tl_op_minimum_s16(op, tensors);
        break;
    case TL_OP_MINIMUM_S32:
        tl_op_minimum_s32(op, tensors);
        break;
    case TL_OP_MINIMUM_F32:
        tl_op_minimum_f32(op, tensors);
        break;
    case TL_OP_RELU_S8:
        tl_op_relu_s8(op, tensors);
        break;
    case TL_OP_RELU_S16:
        tl_op_relu_s16(op, tensors);
        break;
    case TL_OP_RELU_F32:
        tl_op_relu_f32(op, tensors);
        break;
    case TL_OP_RELU6_S8:
        tl_op_relu6_s8(op, tensors);
        break;
    case TL_OP_RELU6_S16:
        tl_op_relu6_s16(op, tensors);
        break;
    case TL_OP_RELU6_F32:
        tl_op_relu6_f32(op, tensors);
        break;
    case TL_OP_LEAKY_RELU_S8:
        tl_op_leaky_relu_s8(op, tensors);
        break;
    case TL_OP_LEAKY_RELU_S16:
        tl_op_leaky_relu_s16(op, tensors);
        break;
    case TL_OP_LEAKY_RELU_F32:
        tl_op_leaky_relu_f32(op, tensors);
        break;
    case TL_OP_HARD_SWISH_S8:
        tl_op_hard_swish_s8(op, tensors);
        break;
    case TL_OP_HARD_SWISH_F32:
        tl_op_hard_swish_f32(op, tensors);
        break;
    default:
        break;
    }
}
