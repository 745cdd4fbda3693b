/**
 * @file tl_float_kernels.h
 * @brief Float family (codes 600-699): float32 convolutions, fully connected, pooling, MEAN, SOFTMAX, LOGISTIC
 * and TANH, bit-exact with the managed kernels in nf-runtime/src/Kernels/Float/ and with TFLM's float reference
 * kernels (same operation order, no fused multiply-add: see native-kernels/README.md for the compiler flags).
 *
 * Each kernel is an image adapter pair: `tl_op_<op>_f32_validate` refuses exactly what the managed Validate
 * refuses (TL_ERR_PARAMS), `tl_op_<op>_f32` runs a validated call and never allocates. Float tensors must be
 * 4-byte aligned (the image format aligns constants and arena tensors to 8 bytes). The whole family is optional:
 * configure with -DTINYLITE_FLOAT=OFF and its codes are refused as TL_ERR_UNSUPPORTED.
 */
#ifndef TINYLITE_TL_FLOAT_KERNELS_H
#define TINYLITE_TL_FLOAT_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

/* ---- Kernel codes and Params layouts (generated from codegen/manifest/kernels.toml) ---------------------- */

#include "tl_op_codes.h"
#include "tl_float_layouts.h"

/** CONV_2D float32 (TFLM reference_ops::Conv order); Params TL_CONV_F32_P_*, slots TL_CONV_F32_IN_* / OUT_*. */
tl_status tl_op_conv2d_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated CONV_2D float32 call. */
void tl_op_conv2d_f32(const tl_op *op, const tl_tensors *tensors);

/** DEPTHWISE_CONV_2D float32 (TFLM reference_ops::DepthwiseConv order); Params TL_DEPTHWISE_CONV_F32_P_*. */
tl_status tl_op_depthwise_conv2d_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated DEPTHWISE_CONV_2D float32 call. */
void tl_op_depthwise_conv2d_f32(const tl_op *op, const tl_tensors *tensors);

/** FULLY_CONNECTED float32 (TFLM reference_ops::FullyConnected order); Params TL_FULLY_CONNECTED_F32_P_*. */
tl_status tl_op_fully_connected_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated FULLY_CONNECTED float32 call. */
void tl_op_fully_connected_f32(const tl_op *op, const tl_tensors *tensors);

/** AVERAGE_POOL_2D float32; Params TL_POOL_F32_P_*. */
tl_status tl_op_average_pool_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated AVERAGE_POOL_2D float32 call. */
void tl_op_average_pool_f32(const tl_op *op, const tl_tensors *tensors);

/** MAX_POOL_2D float32; Params TL_POOL_F32_P_*. */
tl_status tl_op_max_pool_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated MAX_POOL_2D float32 call. */
void tl_op_max_pool_f32(const tl_op *op, const tl_tensors *tensors);

/** MEAN float32 over the masked axes of a 4-D input; Params TL_MEAN_F32_P_*. The output must not overlap the input. */
tl_status tl_op_mean_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated MEAN float32 call. */
void tl_op_mean_f32(const tl_op *op, const tl_tensors *tensors);

/** SOFTMAX float32 over rows (through tl_expf); Params TL_SOFTMAX_F32_P_*. */
tl_status tl_op_softmax_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated SOFTMAX float32 call. */
void tl_op_softmax_f32(const tl_op *op, const tl_tensors *tensors);

/** LOGISTIC float32 (through tl_expf); Params TL_ACTIVATION_F32_P_*. */
tl_status tl_op_logistic_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated LOGISTIC float32 call. */
void tl_op_logistic_f32(const tl_op *op, const tl_tensors *tensors);

/** TANH float32 (through tl_tanhf); Params TL_ACTIVATION_F32_P_*. */
tl_status tl_op_tanh_f32_validate(const tl_op *op, const tl_tensors *tensors);
/** Runs a validated TANH float32 call. */
void tl_op_tanh_f32(const tl_op *op, const tl_tensors *tensors);

#endif /* TINYLITE_TL_FLOAT_KERNELS_H */
