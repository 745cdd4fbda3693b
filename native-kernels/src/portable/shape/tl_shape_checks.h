/*
 * Load-time checks shared by the Shape kernels' validators (twins of nf-runtime's ShapeChecks.cs).
 * Each returns 1 when the check passes, else 0.
 */
#ifndef TINYLITE_TL_SHAPE_CHECKS_H
#define TINYLITE_TL_SHAPE_CHECKS_H

#include <stdint.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_op.h"

/** Exactly @p inputs inputs, @p outputs outputs and @p params params (any count where negative). */
static inline int tl_shape_arity(const tl_op *op, int32_t inputs, int32_t outputs, int32_t params)
{
    return (inputs < 0 || op->input_count == inputs) && (outputs < 0 || op->output_count == outputs) &&
           (params < 0 || op->param_count == params);
}

/** Tensor @p tensor exists (an index of the tensor table; -1 is not). */
static inline int tl_shape_tensor(const tl_tensors *tensors, int32_t tensor)
{
    return tl_tensor_type(tensors, tensor) >= 0;
}

/** Tensor @p tensor exists and holds at least @p bytes bytes (a negative count fails). */
static inline int tl_shape_fits(const tl_tensors *tensors, int32_t tensor, int64_t bytes)
{
    return tl_shape_tensor(tensors, tensor) && bytes >= 0 && bytes <= (int64_t)tl_tensor_bytes(tensors, tensor);
}

/** Tensor @p tensor (known to exist) has element type @p type. */
static inline int tl_shape_type(const tl_tensors *tensors, int32_t tensor, int32_t type)
{
    return tl_tensor_type(tensors, tensor) == type;
}

/** Bytes per element of a type the Shape kernels move (1, 2 or 4), else 0. */
static inline int32_t tl_shape_element_size(int32_t type)
{
    switch (type)
    {
    case TL_TYPE_INT8:
    case TL_TYPE_UINT8:
    case TL_TYPE_BOOL:
        return 1;
    case TL_TYPE_INT16:
    case TL_TYPE_UINT16:
        return 2;
    case TL_TYPE_INT32:
    case TL_TYPE_UINT32:
    case TL_TYPE_FLOAT32:
        return 4;
    default:
        return 0;
    }
}

/** A data-movement element size the kernels support. */
static inline int tl_shape_is_element_size(int32_t size)
{
    return size == 1 || size == 2 || size == 4;
}

#endif /* TINYLITE_TL_SHAPE_CHECKS_H */
