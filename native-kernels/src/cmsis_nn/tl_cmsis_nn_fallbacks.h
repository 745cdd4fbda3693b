/*
 * The portable run adapters the CMSIS-NN adapters fall back to for records CMSIS-NN cannot take as they are
 * (e.g. broadcasting ADD). With TINYLITE_CMSIS_NN=ON, cmake/cmsis_nn.cmake compiles each portable
 * file that has a twin under src/cmsis_nn/ with its adapters renamed tl_op_<op>_<dtype>[_validate] -> tl_ref_op_<op>_<dtype>[_validate];
 * its layer-1 kernels keep their names.
 */
#ifndef TINYLITE_TL_CMSIS_NN_FALLBACKS_H
#define TINYLITE_TL_CMSIS_NN_FALLBACKS_H

#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"

/** The portable FULLY_CONNECTED int8 adapters (src/portable/dense/tl_fully_connected_s8.c). */
tl_status tl_ref_op_fully_connected_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_fully_connected_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable FULLY_CONNECTED int8 x packed int4 adapters (src/portable/dense/tl_fully_connected_s4.c). */
tl_status tl_ref_op_fully_connected_s4_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_fully_connected_s4(const tl_op *op, const tl_tensors *tensors);

/** The portable CONV_2D int8 adapters (src/portable/conv/tl_conv2d_s8.c). */
tl_status tl_ref_op_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_conv2d_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable CONV_2D int8 x packed int4 adapters (src/portable/conv/tl_conv2d_s4.c). */
tl_status tl_ref_op_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_conv2d_s4(const tl_op *op, const tl_tensors *tensors);

/** The portable DEPTHWISE_CONV_2D int8 adapters (src/portable/conv/tl_depthwise_conv2d_s8.c). */
tl_status tl_ref_op_depthwise_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_depthwise_conv2d_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable DEPTHWISE_CONV_2D int8 x packed int4 adapters (src/portable/conv/tl_depthwise_conv2d_s4.c). */
tl_status tl_ref_op_depthwise_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_depthwise_conv2d_s4(const tl_op *op, const tl_tensors *tensors);

/** The portable MAX_POOL_2D int8 adapters (src/portable/pooling/tl_max_pool_s8.c). */
tl_status tl_ref_op_max_pool_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_max_pool_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable AVERAGE_POOL_2D int8 adapters (src/portable/pooling/tl_average_pool_s8.c). */
tl_status tl_ref_op_average_pool_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_average_pool_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable ADD int8 adapters (src/portable/elementwise/tl_add_s8.c). */
tl_status tl_ref_op_add_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_add_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable MAX_POOL_2D int16 adapters (src/portable/pooling/tl_max_pool_s16.c). */
tl_status tl_ref_op_max_pool_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_max_pool_s16(const tl_op *op, const tl_tensors *tensors);

/** The portable AVERAGE_POOL_2D int16 adapters (src/portable/pooling/tl_average_pool_s16.c). */
tl_status tl_ref_op_average_pool_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_average_pool_s16(const tl_op *op, const tl_tensors *tensors);

/** The portable ADD int16 adapters (src/portable/elementwise/tl_add_s16.c). */
tl_status tl_ref_op_add_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_add_s16(const tl_op *op, const tl_tensors *tensors);

/** The portable SOFTMAX int8 -> int8 adapters (src/portable/activations/tl_softmax_s8.c). */
tl_status tl_ref_op_softmax_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_softmax_s8(const tl_op *op, const tl_tensors *tensors);

/** The portable SOFTMAX int8 -> int16 adapters (src/portable/activations/tl_softmax_s8_s16.c). */
tl_status tl_ref_op_softmax_s8_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_softmax_s8_s16(const tl_op *op, const tl_tensors *tensors);

/** The portable int16 x int8 adapters (src/portable/{conv,dense}/tl_*_s16.c), CMSIS-NN routes of proven records. */
tl_status tl_ref_op_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_conv2d_s16(const tl_op *op, const tl_tensors *tensors);
tl_status tl_ref_op_depthwise_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_depthwise_conv2d_s16(const tl_op *op, const tl_tensors *tensors);
tl_status tl_ref_op_fully_connected_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_ref_op_fully_connected_s16(const tl_op *op, const tl_tensors *tensors);

#endif
