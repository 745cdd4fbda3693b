/**
 * @file tl_recurrent_kernels.h
 * @brief Recurrent family kernels (codes 500-599): stateful layers whose state is a variable tensor of the image,
 * bit-exact twins of nf-runtime/src/Kernels/Recurrent/. Each kernel is an image adapter pair (validate / run on a
 * tl_op) with the managed twin's Params layout (tl_recurrent_layouts.h).
 *
 * SVDF (TFLM's EvalIntegerSvdfReference): int8 input, feature weights and output; int8 (svdf_s8) or int16
 * (svdf_s8_s16) time weights and state. Per invoke the flat state [batches][filters][memory] moves one element
 * towards its start, each filter's requantized input dot product enters its newest slot, and each unit sums its
 * rank filters' time-weighted state plus bias, requantized to int8 (no fused activation, as TFLM). Tensor bytes are
 * read byte by byte (no alignment needs). Validation returns TL_ERR_PARAMS exactly where the managed Validate refuses.
 */
#ifndef TINYLITE_TL_RECURRENT_KERNELS_H
#define TINYLITE_TL_RECURRENT_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

#include "tl_op_codes.h"
#include "tl_recurrent_layouts.h"

tl_status tl_op_svdf_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_svdf_s8(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_svdf_s8_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_svdf_s8_s16(const tl_op *op, const tl_tensors *tensors);

#endif /* TINYLITE_TL_RECURRENT_KERNELS_H */
