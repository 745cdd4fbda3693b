/*
 * The overlap test of the CMSIS-NN adapters: CMSIS-NN's kernels write their output (or scratch) before they have
 * read all of their input, so records whose ranges overlap in ways our kernels allow run the portable kernel.
 */
#ifndef TINYLITE_TL_CMSIS_NN_OVERLAP_H
#define TINYLITE_TL_CMSIS_NN_OVERLAP_H

#include <stdint.h>

/* 1 when the byte ranges [a, a + a_bytes) and [b, b + b_bytes) share a byte. */
static inline int tl_cmsis_overlap(const void *a, int32_t a_bytes, const void *b, int32_t b_bytes)
{
    const uintptr_t a0 = (uintptr_t)a;
    const uintptr_t b0 = (uintptr_t)b;
    return a0 < b0 + (uintptr_t)b_bytes && b0 < a0 + (uintptr_t)a_bytes;
}

#endif
