/**
 * @file tl_tensors.h
 * @brief The tensor resolver the runner hands to kernels: tensors are resolved from the image's own tensor
 * records (docs/FORMAT.md, "Tensor record") on demand, so no per-tensor table is kept in RAM. Kernels see it
 * only as the opaque @c tl_tensors of tl_op.h, through tl_tensor_data / tl_tensor_bytes / tl_tensor_type
 * (src/tensors/tl_tensors.c, which needs nothing else: kernels link without the runner).
 */
#ifndef TINYLITE_TL_TENSORS_H
#define TINYLITE_TL_TENSORS_H

#include <stdint.h>

#include "tl_op.h"

/**
 * Where the image and the arena are and where the tensor records start. Tensor @c i's record is the 44-byte
 * record @c i of the tensor section; only records the loader has validated are ever resolved.
 */
struct tl_tensors
{
    const uint8_t *image;   /**< The validated image (read-only). */
    uint8_t *arena;         /**< The arena (at least the image's arena_bytes). */
    const uint8_t *records; /**< First tensor record inside the image. */
    int32_t count;          /**< Number of tensor records. */
};

#endif /* TINYLITE_TL_TENSORS_H */
