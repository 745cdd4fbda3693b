/* Float helpers of the Shape kernels: raw bit moves and the managed FloatBits encoding rules. */
#ifndef TINYLITE_TL_SHAPE_FLOAT_H
#define TINYLITE_TL_SHAPE_FLOAT_H

#include <stdint.h>
#include <string.h>

static inline float tl_float_from_bits(uint32_t bits)
{
    float value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/**
 * The bits the managed FloatBits.ToBits writes for @p value: IEEE-754 binary32, except that every NaN is
 * 0x7FC00000 and -0 is +0.
 */
static inline uint32_t tl_float_to_bits_managed(float value)
{
    uint32_t bits;
    if (value != value)
    {
        return 0x7FC00000u;
    }
    if (value == 0.0f)
    {
        return 0u;
    }
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

#endif /* TINYLITE_TL_SHAPE_FLOAT_H */
