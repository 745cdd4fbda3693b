/* Dispatch and validation of the shape kernel family (see tl_families.h). */
#include "tinylite/tl_families.h"
#include "tinylite/tl_shape_kernels.h"

tl_status tl_shape_family_validate(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_COPY:
        return tl_op_copy_validate(op, tensors);
    case TL_OP_PAD:
        return tl_op_pad_validate(op, tensors);
    case TL_OP_STRIDED_COPY:
        return tl_op_strided_copy_validate(op, tensors);
    case TL_OP_CONCATENATION:
        return tl_op_concatenation_validate(op, tensors);
    case TL_OP_QUANTIZE_FLOAT:
        return tl_op_quantize_f32_validate(op, tensors);
    case TL_OP_REQUANTIZE:
        return tl_op_requantize_validate(op, tensors);
    case TL_OP_DEQUANTIZE:
        return tl_op_dequantize_validate(op, tensors);
    case TL_OP_CAST:
        return tl_op_cast_validate(op, tensors);
    default:
        return TL_ERR_UNSUPPORTED;
    }
}

void tl_shape_family_run(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_COPY:
        tl_op_copy(op, tensors);
        break;
    case TL_OP_PAD:
        tl_op_pad(op, tensors);
        break;
    case TL_OP_STRIDED_COPY:
        tl_op_strided_copy(op, tensors);
        break;
    case TL_OP_CONCATENATION:
        tl_op_concatenation(op, tensors);
        break;
    case TL_OP_QUANTIZE_FLOAT:
        tl_op_quantize_f32(op, tensors);
        break;
    case TL_OP_REQUANTIZE:
        tl_op_requantize(op, tensors);
        break;
    case TL_OP_DEQUANTIZE:
        tl_op_dequantize(op, tensors);
        break;
    case TL_OP_CAST:
        tl_op_cast(op, tensors);
        break;
    default:
        break;
    }
}
