/**
 * @file tl_little_endian.h
 * @brief Little-endian 32-bit loads at any alignment, as every multi-byte field of an image is stored
 * (docs/FORMAT.md). Not bounds-checked: for bytes already known to lie inside the image.
 */
#ifndef TINYLITE_TL_LITTLE_ENDIAN_H
#define TINYLITE_TL_LITTLE_ENDIAN_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/** The uint32 stored little-endian at @p p. A 4-byte memcpy compiles to one load on little-endian cores with
 *  unaligned access (Cortex-M3 and up, x86): every kernel call resolves its tensors through here, and the
 *  byte-by-byte form cost ~10 instructions each. */
static inline uint32_t tl_read_u32_le(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
#else
/** The uint32 stored little-endian at @p p. */
static inline uint32_t tl_read_u32_le(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
#endif

/** The int32 stored little-endian at @p p. */
static inline int32_t tl_read_i32_le(const uint8_t *p)
{
    return (int32_t)tl_read_u32_le(p);
}

#endif /* TINYLITE_TL_LITTLE_ENDIAN_H */
