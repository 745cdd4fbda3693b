/*
 * The checks that make a loaded image safe to run, in the order and with the messages of nf-runtime's
 * ImageValidator.cs: each tensor record against its shape, the arena and the constant section; each input,
 * output and operator tensor index; the arena; then every kernel's parameters against its tensors. Each
 * returns TL_OK or records the failure in the model (tl_messages.h). Internal to the runner.
 */
#ifndef TINYLITE_TL_IMAGE_VALIDATOR_H
#define TINYLITE_TL_IMAGE_VALIDATOR_H

#include <stddef.h>
#include <stdint.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_runner.h"
#include "tl_image_reader.h"

/** The fields of one tensor record the checks look at, as read from the image. */
typedef struct
{
    int32_t type;                    /**< TensorType number. */
    int32_t location;                /**< TL_LOCATION_*. */
    int32_t rank;                    /**< Dimensions in use. */
    int32_t offset;                  /**< In the arena or the image. */
    int32_t size;                    /**< Byte size. */
    int32_t dims[TL_IMAGE_MAX_RANK]; /**< All six stored dimensions. */
} tl_tensor_fields;

/** Checks tensor record @p t: rank, dimensions, size against the shape, storage inside the arena (of
 *  model->arena_bytes) or the constant section, and alignment to its element size. */
tl_status tl_check_tensor(tl_model *model, int32_t t, const tl_tensor_fields *fields, int32_t const_off,
                          int32_t const_len);

/** Checks entry @p index of the input or output list (@p what): it must name an arena tensor. */
tl_status tl_check_io_tensor(tl_model *model, const char *what, int32_t index, int32_t tensor);

/** Checks operator record @p index at the reader's position and moves past it: counts in range, a known
 *  kernel code, input indices naming tensors with storage (or -1), output indices naming arena tensors. */
tl_status tl_check_op_record(tl_model *model, tl_image_reader *r, int32_t index);

/** Checks that @p arena holds the model->arena_bytes the image needs. */
tl_status tl_check_arena(tl_model *model, const uint8_t *arena, size_t arena_bytes);

/** Checks every kernel call's parameters against its tensors (the family validators); on failure also sets
 *  failed_op and failed_code. */
tl_status tl_check_kernels(tl_model *model);

#endif /* TINYLITE_TL_IMAGE_VALIDATOR_H */
