/*
 * Reads and writes of int8 or int16 elements chosen by a size, for the kernels whose int8 and int16 variants share
 * one always-inlined body: each variant passes a constant size, so the compiler keeps only the access of its type.
 */
#ifndef TINYLITE_TL_INT_ELEMENT_H
#define TINYLITE_TL_INT_ELEMENT_H

#include <stdint.h>

#include "tinylite/tl_compiler.h"

/* Element `index` of an int8 (element_bytes 1) or int16 (element_bytes 2) array, widened to int32. */
static TL_ALWAYS_INLINE int32_t tl_int_load(const void *data, int32_t index, int32_t element_bytes)
{
    return element_bytes == 1 ? ((const int8_t *)data)[index] : ((const int16_t *)data)[index];
}

/* Stores `value` (already inside the element type's range) as element `index`. */
static TL_ALWAYS_INLINE void tl_int_store(void *data, int32_t index, int32_t value, int32_t element_bytes)
{
    if (element_bytes == 1)
    {
        ((int8_t *)data)[index] = (int8_t)value;
    }
    else
    {
        ((int16_t *)data)[index] = (int16_t)value;
    }
}

#endif /* TINYLITE_TL_INT_ELEMENT_H */
