/*
 * Bounds-checked little-endian reads inside one region of an image (the twin of nf-runtime's ImageReader.cs).
 * Every read that would leave the region fails with TL_ERR_IMAGE and a message naming the region, so a
 * truncated or hostile image is refused instead of being read out of bounds. Internal to the runner.
 */
#ifndef TINYLITE_TL_IMAGE_READER_H
#define TINYLITE_TL_IMAGE_READER_H

#include <stdint.h>

#include "tinylite/tl_runner.h"

/** A cursor over [start, end) of the image; positions are absolute image offsets. */
typedef struct
{
    const uint8_t *data; /**< The whole image. */
    int32_t start;       /**< First byte of the region. */
    int32_t end;         /**< One past its last byte. */
    int32_t pos;         /**< Offset of the next read. */
    const char *region;  /**< Its name in messages ("tensor section" ...). */
} tl_image_reader;

/** Opens a reader over [start, start + length) of an image of @p image_bytes bytes; fails if that lies outside. */
tl_status tl_reader_open(tl_model *model, tl_image_reader *r, const uint8_t *data, int32_t image_bytes, int64_t start,
                         int64_t length, const char *region);

/** Fails unless @p count more bytes are left. */
tl_status tl_reader_need(tl_model *model, const tl_image_reader *r, int32_t count);

/** Reads an unsigned byte / an unsigned 16-bit value / a signed 32-bit value (0 on failure). */
tl_status tl_reader_u8(tl_model *model, tl_image_reader *r, int32_t *value);
tl_status tl_reader_u16(tl_model *model, tl_image_reader *r, int32_t *value);
tl_status tl_reader_i32(tl_model *model, tl_image_reader *r, int32_t *value);

/**
 * Reads a count or size that must lie in [0, @p max]; the message names the region and @p what, preceded by
 * @p what_prefix and @p index when @p what_prefix is not NULL ("operator 3 input count").
 */
tl_status tl_reader_count(tl_model *model, tl_image_reader *r, int32_t max, const char *what_prefix, int32_t index,
                          const char *what, int32_t *value);

/** Skips @p count bytes. */
tl_status tl_reader_skip(tl_model *model, tl_image_reader *r, int32_t count);

/** Skips a length-prefixed (uint16) ASCII string. */
tl_status tl_reader_skip_ascii(tl_model *model, tl_image_reader *r);

#endif /* TINYLITE_TL_IMAGE_READER_H */
