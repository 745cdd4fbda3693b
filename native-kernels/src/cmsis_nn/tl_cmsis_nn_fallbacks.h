/*
 * The reference run adapters the CMSIS-NN adapters fall back to for records CMSIS-NN cannot take as they are
 * (e.g. per-channel fully connected). With TINYLITE_CMSIS_NN=ON, cmake/cmsis_nn.cmake compiles each reference
 * file that has a twin under src/cmsis_nn/ with its run adapter renamed tl_op_<op>_<dtype> -> tl_ref_op_<op>_<dtype>;
 * its validation and layer-1 kernels keep their names.
 */
#ifndef TINYLITE_TL_CMSIS_NN_FALLBACKS_H
#define TINYLITE_TL_CMSIS_NN_FALLBACKS_H

#include "tinylite/tl_op.h"

/** The reference FULLY_CONNECTED int8 run adapter (src/reference/dense/tl_fully_connected_s8.c). */
void tl_ref_op_fully_connected_s8(const tl_op *op, const tl_tensors *tensors);

#endif
