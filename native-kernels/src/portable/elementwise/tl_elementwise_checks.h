/* Private load-time checks of the element-wise adapters (mirror of ElementwiseChecks.cs). */
#ifndef TINYLITE_TL_ELEMENTWISE_CHECKS_H
#define TINYLITE_TL_ELEMENTWISE_CHECKS_H

#include <stdint.h>

#include "tinylite/tl_elementwise_kernels.h"

#include "tinylite/tl_image.h"

/* TFLite TensorType numbers of the element-wise kernels' operands. */
#define TL_EW_TYPE_FLOAT32 TL_TYPE_FLOAT32
#define TL_EW_TYPE_INT32 TL_TYPE_INT32
#define TL_EW_TYPE_INT16 TL_TYPE_INT16
#define TL_EW_TYPE_INT8 TL_TYPE_INT8

/* `inputs` inputs and one output, all existing with element type `type`; at least min_params params. */
tl_status tl_ew_tensors(const tl_op *op, const tl_tensors *tensors, int32_t inputs, int32_t type, int32_t min_params);

/* Unary kernels (one input, one output): the element count params[count_index] (the layout's TL_<LAYOUT>_P_COUNT)
   is >= 0 and within the input's and output's byte sizes. */
tl_status tl_ew_count(const tl_op *op, const tl_tensors *tensors, int32_t count_index, int32_t element_bytes);

/* A unary_float record (RELU, RELU6, HARD_SWISH float32): one float32 input and output, exactly the layout's
   params, the element count within both. */
tl_status tl_ew_unary_float_validate(const tl_op *op, const tl_tensors *tensors);

/* Decodes the descriptor at params[at] and checks it against the tensors' element counts. */
tl_status tl_ew_broadcast(const tl_op *op, const tl_tensors *tensors, int32_t at, int32_t element_bytes,
                          tl_broadcast *out);

/* A binary kernel without Params checks of its own: two inputs and one output of element type `type`, then the
   descriptor at params[at] against them (element_bytes bytes per element). */
tl_status tl_ew_binary_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t at,
                                int32_t element_bytes);

/* The argument checks at the entry of the broadcasting binary kernels: a descriptor with n >= 1 and outer in
   [0, TL_BROADCAST_MAX_OUTER], and no NULL operand. */
static inline int tl_ew_broadcast_arguments_ok(const tl_broadcast *bc, const void *input1, const void *input2,
                                               const void *output)
{
    return bc != 0 && input1 != 0 && input2 != 0 && output != 0 && bc->n >= 1 && bc->outer >= 0 &&
           bc->outer <= TL_BROADCAST_MAX_OUTER;
}

/* An int32 binary record with an activation range (ADD, SUB, MUL, DIV int32): two inputs and one output of int32,
   a non-empty range, then the descriptor at TL_BINARY_CLAMPED_P_BROADCAST against the tensors. */
tl_status tl_ew_binary_clamped_s32_validate(const tl_op *op, const tl_tensors *tensors);

/* shift stored as a non-positive exponent in [-31, 0]. */
static inline int tl_ew_is_right_shift(int32_t shift)
{
    return shift <= 0 && shift >= -31;
}

/* [min, max] non-empty inside [lowest, highest]. */
static inline int tl_ew_is_range(int32_t min, int32_t max, int32_t lowest, int32_t highest)
{
    return min >= lowest && max <= highest && min <= max;
}

/* The float whose IEEE-754 bits are `bits` (no aliasing issues). */
float tl_ew_float_from_bits(int32_t bits);

#endif /* TINYLITE_TL_ELEMENTWISE_CHECKS_H */
