/*
 * Private load-time checks shared by the dense kernels' image adapters: the same checks, in the same order,
 * as nf-runtime/src/Kernels/Dense/DenseValidation.cs. Each returns TL_OK or TL_ERR_PARAMS.
 */
#ifndef TINYLITE_TL_DENSE_VALIDATION_H
#define TINYLITE_TL_DENSE_VALIDATION_H

#include <stdint.h>

#include "tinylite/tl_dense_layouts.h"
#include "tinylite/tl_op.h"

/* TFLite TensorType numbers (TL_TYPE_*). */
#include "tinylite/tl_image.h"

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

/* The optional CMSIS-NN values of an int8 SOFTMAX record (DenseValidation.SoftmaxCmsisNnValues): multiplier > 0,
   left shift in [0, 30], diff_min <= 0 with every scaled difference at or above it inside int32. */
tl_status tl_dv_softmax_cmsis_nn_values(int32_t multiplier, int32_t shift, int32_t diff_min);

/* A SOFTMAX record with int8 input and an int32 exp table of 256 non-negative entries; param_count params, or
   TL_SOFTMAX_S8_P_MAX_LENGTH with CMSIS-NN's values. */
tl_status tl_dv_softmax_s8(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t out_type,
                           int32_t out_bytes);

/* A one-input table-driven record of the lookup_s8 or lookup_s16 layout: input, table of at least table_bytes,
   output, the element count first. */
tl_status tl_dv_lookup(const tl_op *op, const tl_tensors *tensors, int32_t param_count, int32_t io_type,
                       int32_t io_bytes, int32_t table_type, int32_t table_bytes);

/* Input rescaling of the int16 logistic/tanh: multiplier in [0, 32767], right shift in [0, 31]. */
tl_status tl_dv_lookup_scaling(int32_t multiplier, int32_t shift);

/* A pooling record (see PoolGeometry): sizes, positive dims, non-negative padding, non-empty windows. */
tl_status tl_dv_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                     int32_t type_min, int32_t type_max);

/* An AVERAGE_POOL_2D record as tl_dv_pool, with an optional second output: the CMSIS-NN backend's scratch (compile
   --cmsis-nn), an int8 tensor of at least one int32 per channel, 4-byte aligned (CmsisNnPoolScratch.ValidatePool). */
tl_status tl_dv_average_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                             int32_t act_lo, int32_t act_hi);



#include "tinylite/tl_dense_kernels.h"

/* Decodes the pooling Params (the pool layout, TL_POOL_P_*). */
void tl_dv_pool_params(const int32_t *p, tl_pool_params *out);

/* Checks the typed pooling geometry the kernels rely on (positive dims). */
int tl_dv_pool_params_ok(const tl_pool_params *params);
#endif /* TINYLITE_TL_DENSE_VALIDATION_H */
