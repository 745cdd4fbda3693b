/*
 * Private load-time checks of the softmax and table-lookup activations' image adapters (dense family): the same
 * checks, in the same order, as DenseValidation.SoftmaxS8 / SoftmaxCmsisNnValues / LookupScaling and the lookup
 * kernels' Validate. Each returns TL_OK or TL_ERR_PARAMS.
 */
#ifndef TINYLITE_TL_ACTIVATION_CHECKS_H
#define TINYLITE_TL_ACTIVATION_CHECKS_H

#include "../dense/tl_dense_validation.h"

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

/* A LOGISTIC or TANH int16 record (lookup_s16 layout): tl_dv_lookup with the 512-byte sigmoid table, then
   tl_dv_lookup_scaling. */
tl_status tl_dv_lookup_s16(const tl_op *op, const tl_tensors *tensors);

/* The layer-1 signature of the int16 logistic and tanh kernels. */
typedef tl_status (*tl_lookup_s16_kernel)(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input,
                                          const uint16_t *table, int16_t *output);

/* Runs a validated lookup_s16 record through `kernel` (tl_logistic_s16 or tl_tanh_s16). */
void tl_lookup_s16_run(const tl_op *op, const tl_tensors *tensors, tl_lookup_s16_kernel kernel);
#endif /* TINYLITE_TL_ACTIVATION_CHECKS_H */
