/*
 * Private load-time checks shared by the dense family's image adapters (fully connected, mean, and the pooling and
 * activation checks built on them): the same checks, in the same order, as nf-runtime/src/Kernels/Dense/DenseValidation.cs. Each returns TL_OK or TL_ERR_PARAMS.
 */
#ifndef TINYLITE_TL_DENSE_VALIDATION_H
#define TINYLITE_TL_DENSE_VALIDATION_H

#include <stdint.h>

#include "tinylite/tl_dense_layouts.h"
#include "tinylite/tl_op.h"

/* TFLite TensorType numbers (TL_TYPE_*). */
#include "tinylite/tl_image.h"

/* Fails the build (an array of size -1) when two layouts' indexes differ where a shared check relies on them
   agreeing: a C99 compile-time check. */
#define TL_DV_SAME_INDEX(name, a, b) typedef char tl_dv_same_index_##name[(int)(a) == (int)(b) ? 1 : -1]

/* The record has exactly these numbers of inputs, outputs and params. */
tl_status tl_dv_shape(const tl_op *op, int32_t inputs, int32_t outputs, int32_t param_count);

/* Tensor t exists, has element type `type` (-1: any), is backed by bytes and holds at least min_bytes. */
tl_status tl_dv_tensor(const tl_tensors *tensors, int32_t t, int32_t type, int64_t min_bytes);

/* params[first .. first + count) are all at least min. */
tl_status tl_dv_at_least(const int32_t *params, int32_t first, int32_t count, int32_t min);

/* [act_min, act_max] lies inside [lo, hi] and is not empty. */
tl_status tl_dv_activation_range(int32_t act_min, int32_t act_max, int32_t lo, int32_t hi);

/* multiplier is a non-negative Q0.31 value and shift lies in [-31, 30]. */
tl_status tl_dv_multiplier(int32_t multiplier, int32_t shift);

/* A FULLY_CONNECTED record of the fully_connected or fully_connected_s16 layout (see FullyConnectedS8): weight_bits
   8 or 4, bias_bytes 4 or 8. */
tl_status tl_dv_fully_connected(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type,
                                int32_t io_bytes, int32_t weight_bits, int32_t bias_bytes);

/* A streaming FULLY_CONNECTED record of the fully_connected_accumulate layout (see FullyConnectedS8Accumulate,
   FullyConnectedS4Accumulate): weight_bits 8 or 4 (packed, each row starting on a byte). */
tl_status tl_dv_fully_connected_accumulate(const tl_op *op, const tl_tensors *tensors, int32_t weight_bits);

/* The first `pairs` (multiplier, shift) pairs of int32 tensor t (already checked to hold them) pass tl_dv_multiplier. */
tl_status tl_dv_requantization_pairs(const tl_tensors *tensors, int32_t t, int64_t pairs);

/*
 * 1 when the first bytes_a bytes of tensor a and the first bytes_b bytes of tensor b share a byte, else 0. Both
 * tensors must already be checked (tl_dv_tensor) to hold those bytes. Arena and image never overlap, so this is
 * DenseValidation.Overlap (same array, intersecting ranges).
 */
int tl_dv_overlap(const tl_tensors *tensors, int32_t a, int64_t bytes_a, int32_t b, int64_t bytes_b);

/* A MEAN record (see MeanS8). */
tl_status tl_dv_mean(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type,
                     int32_t io_bytes);

#endif /* TINYLITE_TL_DENSE_VALIDATION_H */
