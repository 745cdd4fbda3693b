/*
 * The tensor accessors of tl_op.h over the image-backed resolver of tl_tensors.h: every field comes from the
 * tensor's record in the image. Kernels call these and nothing else of the runtime, so this file depends on
 * headers only (the record layout, little-endian loads) and the kernels link without the runner.
 */
#include "tinylite/tl_tensors.h"

#include <stddef.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_little_endian.h"

/** The record of tensor @p index, or NULL when the index is out of range (or @p tensors is NULL). */
static const uint8_t *tensor_record(const tl_tensors *tensors, int32_t index)
{
    /* One unsigned comparison rejects negative indices too (count is never negative). */
    if (tensors == NULL || (uint32_t)index >= (uint32_t)tensors->count)
    {
        return NULL;
    }
    return tensors->records + (size_t)index * TL_IMAGE_TENSOR_RECORD_BYTES;
}

uint8_t *tl_tensor_data(const tl_tensors *tensors, int32_t index)
{
    const uint8_t *rec;
    uint32_t offset;
    /* Every kernel call resolves its tensors here, so this stays short: tensors is the runner's own resolver
       (never NULL, tl_op.h), index -1 (an omitted input) and any other out-of-range index give NULL. */
    if ((uint32_t)index >= (uint32_t)tensors->count)
    {
        return NULL;
    }
    rec = tensors->records + (size_t)index * TL_IMAGE_TENSOR_RECORD_BYTES;
    offset = tl_read_u32_le(rec + TL_IMAGE_TENSOR_OFF_OFFSET);
    if (rec[TL_IMAGE_TENSOR_OFF_LOCATION] == TL_LOCATION_ARENA)
    {
        return tensors->arena + offset;
    }
    if (rec[TL_IMAGE_TENSOR_OFF_LOCATION] == TL_LOCATION_IMAGE)
    {
        /* Image tensors are only ever read (outputs are arena tensors, checked at load). */
        return (uint8_t *)(uintptr_t)(tensors->image + offset);
    }
    return NULL;
}

int32_t tl_tensor_bytes(const tl_tensors *tensors, int32_t index)
{
    const uint8_t *rec = tensor_record(tensors, index);
    return rec == NULL ? 0 : tl_read_i32_le(rec + TL_IMAGE_TENSOR_OFF_BYTE_SIZE);
}

int32_t tl_tensor_type(const tl_tensors *tensors, int32_t index)
{
    const uint8_t *rec = tensor_record(tensors, index);
    return rec == NULL ? -1 : (int32_t)rec[TL_IMAGE_TENSOR_OFF_TYPE];
}
