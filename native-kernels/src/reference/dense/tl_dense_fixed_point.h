/*
 * Private fixed-point helpers of the dense and elementwise reference kernels: TFLM's integer requantization
 * primitives, operation for operation as nf-runtime/src/Math/FixedPoint.cs, written without undefined
 * behaviour (wrapping arithmetic through uint32_t/uint64_t, arithmetic right shifts through tl_d_asr*).
 * Temporary family-private copy until include/tinylite/tl_fixed_point.h lands on main (then deduplicate).
 */
#ifndef TINYLITE_TL_DENSE_FIXED_POINT_H
#define TINYLITE_TL_DENSE_FIXED_POINT_H

#include <stdint.h>

/* Arithmetic (sign-propagating) right shift of an int32, as C#'s >>; n in [0, 31]. */
static inline int32_t tl_d_asr32(int32_t x, int n)
{
    return x < 0 ? (int32_t)~(~(uint32_t)x >> n) : (int32_t)((uint32_t)x >> n);
}

/* Arithmetic right shift of an int64, as C#'s >>; n in [0, 63]. */
static inline int64_t tl_d_asr64(int64_t x, int n)
{
    return x < 0 ? (int64_t)~(~(uint64_t)x >> n) : (int64_t)((uint64_t)x >> n);
}

/* Wrapping int32 addition / subtraction / multiplication / left shift (C#'s unchecked int arithmetic). */
static inline int32_t tl_d_wadd(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
static inline int32_t tl_d_wsub(int32_t a, int32_t b) { return (int32_t)((uint32_t)a - (uint32_t)b); }
static inline int32_t tl_d_wmul(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b); }
static inline int32_t tl_d_wshl(int32_t a, int n) { return (int32_t)((uint32_t)a << n); }

/* High 32 bits of 2*a*b rounded to nearest; saturates the one overflow case (INT32_MIN * INT32_MIN). */
static inline int32_t tl_d_srdhm(int32_t a, int32_t b)
{
    int64_t ab;
    int64_t nudge;
    if (a == b && a == INT32_MIN)
    {
        return INT32_MAX;
    }
    ab = (int64_t)a * b;
    nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
    /* C's division truncates toward zero, as gemmlowp's does. */
    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/* x / 2^exponent rounded to nearest, ties away from zero; exponent in [0, 31]. */
static inline int32_t tl_d_rdbp(int32_t x, int exponent)
{
    int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
    int32_t remainder = x & mask;
    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return tl_d_asr32(x, exponent) + (remainder > threshold ? 1 : 0);
}

/*
 * TFLM's MultiplyByQuantizedMultiplier (int32): x * multiplier * 2^shift with multiplier Q0.31 and shift in
 * [-31, 30]; the left shift wraps like the C++ int32 multiply, then doubling high multiply, then rounding shift.
 */
static inline int32_t tl_d_mbqm(int32_t x, int32_t multiplier, int32_t shift)
{
    int left = shift > 0 ? (int)shift : 0;
    int right = shift > 0 ? 0 : (int)-shift;
    return tl_d_rdbp(tl_d_srdhm(tl_d_wshl(x, left), multiplier), right);
}

/*
 * TFLM's int64 MultiplyByQuantizedMultiplier (16x8 kernels): the multiplier is reduced to 16 bits and one
 * rounding shift of 15 - shift is applied. Shift counts are taken modulo 64 and the product wraps, as in the
 * C# twin, so even out-of-range values give the same bytes.
 */
static inline int32_t tl_d_mbqm64(int64_t x, int32_t multiplier, int32_t shift)
{
    int32_t reduced = multiplier < 0x7FFF0000 ? tl_d_asr32(tl_d_wadd(multiplier, 1 << 15), 16) : 0x7FFF;
    int32_t total_shift = 15 - shift;
    int64_t round = (int64_t)((uint64_t)1 << ((total_shift - 1) & 63));
    int64_t product = (int64_t)((uint64_t)x * (uint64_t)(int64_t)reduced + (uint64_t)round);
    return (int32_t)tl_d_asr64(product, (int)(total_shift & 63));
}

/* Reads little-endian integers from bytes (no alignment assumption). */
static inline int32_t tl_d_read_i32(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24));
}

#endif /* TINYLITE_TL_DENSE_FIXED_POINT_H */
