/*
 * What the Signal kernels share (twin of nf-runtime's SignalChecks.cs): load-time checks and byte-wise
 * little-endian access, so tensors need no alignment.
 */
#ifndef TINYLITE_TL_SIGNAL_COMMON_H
#define TINYLITE_TL_SIGNAL_COMMON_H

#include <stdint.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_op.h"

/** Exactly @p inputs inputs, @p outputs outputs and @p params params. */
static inline int tl_signal_arity(const tl_op *op, int32_t inputs, int32_t outputs, int32_t params)
{
    return op->input_count == inputs && op->output_count == outputs && op->param_count == params;
}

/** Tensor @p tensor exists, has type @p type and holds @p elements elements of @p element_bytes bytes. */
static inline int tl_signal_tensor(const tl_tensors *tensors, int32_t tensor, int32_t type, int64_t elements,
                                   int32_t element_bytes)
{
    return tl_tensor_type(tensors, tensor) == type && elements >= 0 &&
           elements * element_bytes <= (int64_t)tl_tensor_bytes(tensors, tensor);
}

/** @p value lies in [@p lowest, @p highest]. */
static inline int tl_signal_range(int32_t value, int32_t lowest, int32_t highest)
{
    return value >= lowest && value <= highest;
}

/** Bit length of @p x, and 32 for 0 (TFLM's MostSignificantBit32 as GCC builds it). */
static inline int32_t tl_signal_msb32(uint32_t x)
{
    int32_t bits = 0;
    if (x == 0)
    {
        return 32;
    }
    while (x != 0)
    {
        x >>= 1;
        bits++;
    }
    return bits;
}

static inline int32_t tl_signal_rd16(const uint8_t *p)
{
    return (int16_t)(uint16_t)((uint32_t)p[0] | ((uint32_t)p[1] << 8));
}

static inline uint32_t tl_signal_rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint64_t tl_signal_rd64(const uint8_t *p)
{
    return (uint64_t)tl_signal_rd32(p) | ((uint64_t)tl_signal_rd32(p + 4) << 32);
}

/** Writes the low 16 bits of @p v (int16 wrap, as a C store to int16_t). */
static inline void tl_signal_wr16(uint8_t *p, int32_t v)
{
    p[0] = (uint8_t)((uint32_t)v & 0xFFu);
    p[1] = (uint8_t)(((uint32_t)v >> 8) & 0xFFu);
}

static inline void tl_signal_wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v & 0xFFu);
    p[1] = (uint8_t)((v >> 8) & 0xFFu);
    p[2] = (uint8_t)((v >> 16) & 0xFFu);
    p[3] = (uint8_t)((v >> 24) & 0xFFu);
}

static inline void tl_signal_wr64(uint8_t *p, uint64_t v)
{
    tl_signal_wr32(p, (uint32_t)v);
    tl_signal_wr32(p + 4, (uint32_t)(v >> 32));
}

/** The int16 a C store of @p v to int16_t keeps (two's complement wrap). */
static inline int32_t tl_signal_wrap16(int32_t v)
{
    return (int16_t)(uint16_t)((uint32_t)v & 0xFFFFu);
}

#endif /* TINYLITE_TL_SIGNAL_COMMON_H */
