/* Dispatch and validation of the conv kernel family (see tl_families.h and tl_conv_kernels.h). */
#include "tinylite/tl_conv_kernels.h"
#include "tinylite/tl_families.h"

#include "tl_conv_cmsis_scratch.h"

tl_status tl_conv_family_validate(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_CONV_S8:
    {
        /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
        tl_status status = tl_op_conv2d_s8_validate(op, tensors);
        return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S8);
    }
    case TL_OP_CONV_S4:
    {
        tl_status status = tl_op_conv2d_s4_validate(op, tensors);
        return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S4);
    }
    case TL_OP_CONV_S16:
    {
        tl_status status = tl_op_conv2d_s16_validate(op, tensors);
        return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S16);
    }
    case TL_OP_DEPTHWISE_CONV_S8:
    {
        tl_status status = tl_op_depthwise_conv2d_s8_validate(op, tensors);
        return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S8);
    }
    case TL_OP_DEPTHWISE_CONV_S4:
    {
        tl_status status = tl_op_depthwise_conv2d_s4_validate(op, tensors);
        return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S4);
    }
    case TL_OP_DEPTHWISE_CONV_S16:
    {
        tl_status status = tl_op_depthwise_conv2d_s16_validate(op, tensors);
        return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S16);
    }
    case TL_OP_POINTWISE_CONV_S8_IN_PLACE:
        return tl_op_pointwise_conv_s8_in_place_validate(op, tensors);
    case TL_OP_POINTWISE_CONV_S16_IN_PLACE:
        return tl_op_pointwise_conv_s16_in_place_validate(op, tensors);
    case TL_OP_DEPTHWISE_CONV_S8_IN_PLACE:
        return tl_op_depthwise_conv2d_s8_in_place_validate(op, tensors);
    case TL_OP_DEPTHWISE_CONV_S4_IN_PLACE:
        return tl_op_depthwise_conv2d_s4_in_place_validate(op, tensors);
    case TL_OP_TRANSPOSE_CONV_S8:
        return tl_op_transpose_conv2d_s8_validate(op, tensors);
    case TL_OP_TRANSPOSE_CONV_S16:
        return tl_op_transpose_conv2d_s16_validate(op, tensors);
    default:
        return TL_ERR_UNSUPPORTED;
    }
}

void tl_conv_family_run(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_CONV_S8:
        tl_op_conv2d_s8(op, tensors);
        break;
    case TL_OP_CONV_S4:
        tl_op_conv2d_s4(op, tensors);
        break;
    case TL_OP_CONV_S16:
        tl_op_conv2d_s16(op, tensors);
        break;
    case TL_OP_DEPTHWISE_CONV_S8:
        tl_op_depthwise_conv2d_s8(op, tensors);
        break;
    case TL_OP_DEPTHWISE_CONV_S4:
        tl_op_depthwise_conv2d_s4(op, tensors);
        break;
    case TL_OP_DEPTHWISE_CONV_S16:
        tl_op_depthwise_conv2d_s16(op, tensors);
        break;
    case TL_OP_POINTWISE_CONV_S8_IN_PLACE:
        tl_op_pointwise_conv_s8_in_place(op, tensors);
        break;
    case TL_OP_POINTWISE_CONV_S16_IN_PLACE:
        tl_op_pointwise_conv_s16_in_place(op, tensors);
        break;
    case TL_OP_DEPTHWISE_CONV_S8_IN_PLACE:
        tl_op_depthwise_conv2d_s8_in_place(op, tensors);
        break;
    case TL_OP_DEPTHWISE_CONV_S4_IN_PLACE:
        tl_op_depthwise_conv2d_s4_in_place(op, tensors);
        break;
    case TL_OP_TRANSPOSE_CONV_S8:
        tl_op_transpose_conv2d_s8(op, tensors);
        break;
    case TL_OP_TRANSPOSE_CONV_S16:
        tl_op_transpose_conv2d_s16(op, tensors);
        break;
    default:
        break;
    }
}
