/* Dispatch and validation of the dense kernel family (see tl_families.h). */
#include "tinylite/tl_families.h"
#include "tinylite/tl_dense_kernels.h"

tl_status tl_dense_family_validate(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_FULLY_CONNECTED_S8:
        return tl_op_fully_connected_s8_validate(op, tensors);
    case TL_OP_FULLY_CONNECTED_S16:
        return tl_op_fully_connected_s16_validate(op, tensors);
    case TL_OP_FULLY_CONNECTED_S4:
        return tl_op_fully_connected_s4_validate(op, tensors);
    case TL_OP_FULLY_CONNECTED_S8_ACCUMULATE:
        return tl_op_fully_connected_s8_accumulate_validate(op, tensors);
    case TL_OP_FULLY_CONNECTED_S8_FINISH:
        return tl_op_fully_connected_s8_finish_validate(op, tensors);
    case TL_OP_AVERAGE_POOL_S8:
        return tl_op_average_pool_s8_validate(op, tensors);
    case TL_OP_AVERAGE_POOL_S16:
        return tl_op_average_pool_s16_validate(op, tensors);
    case TL_OP_MAX_POOL_S8:
        return tl_op_max_pool_s8_validate(op, tensors);
    case TL_OP_MAX_POOL_S16:
        return tl_op_max_pool_s16_validate(op, tensors);
    case TL_OP_MEAN_S8:
        return tl_op_mean_s8_validate(op, tensors);
    case TL_OP_MEAN_S16:
        return tl_op_mean_s16_validate(op, tensors);
    case TL_OP_SOFTMAX_S8:
        return tl_op_softmax_s8_validate(op, tensors);
    case TL_OP_SOFTMAX_S8_S16:
        return tl_op_softmax_s8_s16_validate(op, tensors);
    case TL_OP_SOFTMAX_S16:
        return tl_op_softmax_s16_validate(op, tensors);
    case TL_OP_LOOKUP_S8:
        return tl_op_lookup_s8_validate(op, tensors);
    case TL_OP_LOGISTIC_S16:
        return tl_op_logistic_s16_validate(op, tensors);
    case TL_OP_TANH_S16:
        return tl_op_tanh_s16_validate(op, tensors);
    default:
        return TL_ERR_UNSUPPORTED;
    }
}

void tl_dense_family_run(const tl_op *op, const tl_tensors *tensors)
{
    switch (op->code)
    {
    case TL_OP_FULLY_CONNECTED_S8:
        tl_op_fully_connected_s8(op, tensors);
        break;
    case TL_OP_FULLY_CONNECTED_S16:
        tl_op_fully_connected_s16(op, tensors);
        break;
    case TL_OP_FULLY_CONNECTED_S4:
        tl_op_fully_connected_s4(op, tensors);
        break;
    case TL_OP_FULLY_CONNECTED_S8_ACCUMULATE:
        tl_op_fully_connected_s8_accumulate(op, tensors);
        break;
    case TL_OP_FULLY_CONNECTED_S8_FINISH:
        tl_op_fully_connected_s8_finish(op, tensors);
        break;
    case TL_OP_AVERAGE_POOL_S8:
        tl_op_average_pool_s8(op, tensors);
        break;
    case TL_OP_AVERAGE_POOL_S16:
        tl_op_average_pool_s16(op, tensors);
        break;
    case TL_OP_MAX_POOL_S8:
        tl_op_max_pool_s8(op, tensors);
        break;
    case TL_OP_MAX_POOL_S16:
        tl_op_max_pool_s16(op, tensors);
        break;
    case TL_OP_MEAN_S8:
        tl_op_mean_s8(op, tensors);
        break;
    case TL_OP_MEAN_S16:
        tl_op_mean_s16(op, tensors);
        break;
    case TL_OP_SOFTMAX_S8:
        tl_op_softmax_s8(op, tensors);
        break;
    case TL_OP_SOFTMAX_S8_S16:
        tl_op_softmax_s8_s16(op, tensors);
        break;
    case TL_OP_SOFTMAX_S16:
        tl_op_softmax_s16(op, tensors);
        break;
    case TL_OP_LOOKUP_S8:
        tl_op_lookup_s8(op, tensors);
        break;
    case TL_OP_LOGISTIC_S16:
        tl_op_logistic_s16(op, tensors);
        break;
    case TL_OP_TANH_S16:
        tl_op_tanh_s16(op, tensors);
        break;
    default:
        break;
    }
}
