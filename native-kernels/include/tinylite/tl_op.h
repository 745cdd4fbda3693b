/**
 * @file tl_op.h
 * @brief What a kernel sees of one kernel call: the operator record and the tensors it names.
 *
 * The image format is specified in docs/FORMAT.md. Each kernel's parameter layout is the one documented
 * on its managed twin in nf-runtime/src/Kernels/<Family>/<Kernel>.cs; the native kernel reads the same
 * int32 parameters, in the same order, and must produce the same bytes.
 */
#ifndef TINYLITE_TL_OP_H
#define TINYLITE_TL_OP_H

#include <stdint.h>

#include "tl_status.h"

/** One kernel call as stored in the image. The pointers point into the image itself (flash). */
typedef struct
{
    int32_t code;           /**< Kernel code (same numbers as nf-runtime's OpCode). */
    int32_t source_index;   /**< Operator index in the source .tflite (for messages). */
    int32_t input_count;    /**< Entries in inputs. */
    int32_t output_count;   /**< Entries in outputs. */
    int32_t param_count;    /**< Entries in params. */
    const int32_t *inputs;  /**< Tensor indices read; -1 = omitted optional input. */
    const int32_t *outputs; /**< Tensor indices written (always arena tensors). */
    const int32_t *params;  /**< Kernel parameters, layout per kernel. */
} tl_op;

/** Resolves tensor indices to their bytes (arena or image); opaque to kernels. The runner's resolver reads the
 *  image's tensor records (tl_tensors.h, src/tensors/tl_tensors.c); kernel tests define their own. */
typedef struct tl_tensors tl_tensors;

/** Bytes of tensor @p index (arena or image), or NULL for index -1 or a tensor without storage. Valid only after
 *  validation; @p tensors is the resolver the runner hands to kernels and must not be NULL. */
uint8_t *tl_tensor_data(const tl_tensors *tensors, int32_t index);

/** Byte size of tensor @p index; 0 for index -1 or an out-of-range index. */
int32_t tl_tensor_bytes(const tl_tensors *tensors, int32_t index);

/** Element type of tensor @p index (TFLite TensorType numbers, see tl_image.h); -1 if out of range. */
int32_t tl_tensor_type(const tl_tensors *tensors, int32_t index);

#endif /* TINYLITE_TL_OP_H */
