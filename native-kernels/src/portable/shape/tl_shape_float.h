/* Float helper of the Shape kernels: a float from its raw IEEE-754 bits (the managed FloatBits.FromBits). */
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

#endif /* TINYLITE_TL_SHAPE_FLOAT_H */
