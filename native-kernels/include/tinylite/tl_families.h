/**
 * @file tl_families.h
 * @brief Dispatch and validation of the four kernel families, by code range (same as nf-runtime):
 * 100-199 convolutions, 200-299 fully connected / pooling / reductions / softmax / lookup activations,
 * 300-399 element-wise, 400-499 data movement and type conversion.
 */
#ifndef TINYLITE_TL_FAMILIES_H
#define TINYLITE_TL_FAMILIES_H

#include "tl_op.h"

/**
 * Checks a call against the byte sizes of its tensors so that running it cannot touch memory outside
 * them. @return TL_OK, TL_ERR_PARAMS (inconsistent record) or TL_ERR_UNSUPPORTED (unknown code).
 */
tl_status tl_conv_family_validate(const tl_op *op, const tl_tensors *tensors);
tl_status tl_dense_family_validate(const tl_op *op, const tl_tensors *tensors);
tl_status tl_elementwise_family_validate(const tl_op *op, const tl_tensors *tensors);
tl_status tl_shape_family_validate(const tl_op *op, const tl_tensors *tensors);

/** Runs a validated call. Never allocates; never fails once validated. */
void tl_conv_family_run(const tl_op *op, const tl_tensors *tensors);
void tl_dense_family_run(const tl_op *op, const tl_tensors *tensors);
void tl_elementwise_family_run(const tl_op *op, const tl_tensors *tensors);
void tl_shape_family_run(const tl_op *op, const tl_tensors *tensors);

#endif /* TINYLITE_TL_FAMILIES_H */
