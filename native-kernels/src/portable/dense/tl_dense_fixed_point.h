/*
 * Short names for the fixed-point helpers the dense and elementwise kernels use: TFLM's integer requantization
 * primitives from include/tinylite/tl_fixed_point.h (the twins of nf-runtime/src/Math/FixedPoint.cs), plus the
 * few wrapping operations and the little-endian read that header lacks.
 */
#ifndef TINYLITE_TL_DENSE_FIXED_POINT_H
#define TINYLITE_TL_DENSE_FIXED_POINT_H

#include <stdint.h>

#include "tinylite/tl_fixed_point.h"

/* Arithmetic right shift (C#'s >>); n in [0, 31] / [0, 63]. */
static inline int32_t tl_d_asr32(int32_t x, int n)
{
    return tl_asr32(x, n);
}
static inline int64_t tl_d_asr64(int64_t x, int n)
{
    return tl_asr64(x, n);
}

/* Wrapping int32 addition / subtraction / multiplication / left shift (C#'s unchecked int arithmetic). */
static inline int32_t tl_d_wadd(int32_t a, int32_t b)
{
    return tl_add32_wrap(a, b);
}
static inline int32_t tl_d_wsub(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a - (uint32_t)b);
}
static inline int32_t tl_d_wmul(int32_t a, int32_t b)
{
    return tl_mul32_wrap(a, b);
}
static inline int32_t tl_d_wshl(int32_t a, int n)
{
    return tl_shl32(a, n);
}

/* gemmlowp's SaturatingRoundingDoublingHighMul. */
static inline int32_t tl_d_srdhm(int32_t a, int32_t b)
{
    return tl_saturating_rounding_doubling_high_mul(a, b);
}

/* x / 2^exponent rounded to nearest, ties away from zero; exponent in [0, 31]. */
static inline int32_t tl_d_rdbp(int32_t x, int exponent)
{
    return tl_rounding_divide_by_pot(x, exponent);
}

/* TFLM's int32 MultiplyByQuantizedMultiplier (shift in [-31, 30], positive = left). */
static inline int32_t tl_d_mbqm(int32_t x, int32_t multiplier, int32_t shift)
{
    return tl_multiply_by_quantized_multiplier(x, multiplier, shift);
}

/* TFLM's int64 MultiplyByQuantizedMultiplier (16x8 kernels). */
static inline int32_t tl_d_mbqm64(int64_t x, int32_t multiplier, int32_t shift)
{
    return tl_multiply_by_quantized_multiplier_64(x, multiplier, shift);
}

/* Reads a little-endian int32 from bytes (no alignment assumption). */
static inline int32_t tl_d_read_i32(const uint8_t *bytes)
{
    return (int32_t)((uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8) | ((uint32_t)bytes[2] << 16) |
                     ((uint32_t)bytes[3] << 24));
}

#endif /* TINYLITE_TL_DENSE_FIXED_POINT_H */
