/**
 * @file tl_fixed_point.h
 * @brief Integer requantization primitives, bit-exact with nf-runtime/src/Math/FixedPoint.cs (which is
 * bit-exact with TensorFlow Lite Micro's reference kernels).
 *
 * C# defines what C leaves undefined: int32 multiplication wraps, `>>` on a negative value is arithmetic and
 * shift counts are masked (`& 31` for int, `& 63` for long). These helpers reproduce exactly that without
 * undefined behaviour: wrapping arithmetic goes through uint32_t/uint64_t, arithmetic right shifts through
 * tl_asr32/tl_asr64, and shift counts are masked like C#'s.
 */
#ifndef TINYLITE_TL_FIXED_POINT_H
#define TINYLITE_TL_FIXED_POINT_H

#include <stdint.h>

/** C#'s `x >> n` for int32 (arithmetic; n masked to 0..31). */
static inline int32_t tl_asr32(int32_t x, int32_t n)
{
    n &= 31;
    /* ~x is non-negative when x is negative, so both shifts are of non-negative values. */
    return x >= 0 ? (int32_t)(x >> n) : (int32_t) ~(~x >> n);
}

/** C#'s `x >> n` for int64 (arithmetic; n masked to 0..63). */
static inline int64_t tl_asr64(int64_t x, int32_t n)
{
    n &= 63;
    return x >= 0 ? (int64_t)(x >> n) : (int64_t) ~(~x >> n);
}

/** C#'s `x << n` for int32 (wrapping; n masked to 0..31). */
static inline int32_t tl_shl32(int32_t x, int32_t n)
{
    return (int32_t)((uint32_t)x << (n & 31));
}

/** C#'s unchecked `a + b` for int32 (wrapping). */
static inline int32_t tl_add32_wrap(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

/** C#'s unchecked `a - b` for int32 (wrapping; never negate a zero point: -INT32_MIN is UB). */
static inline int32_t tl_sub32_wrap(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a - (uint32_t)b);
}

/** C#'s unchecked `a * b` for int32 (wrapping). */
static inline int32_t tl_mul32_wrap(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a * (uint32_t)b);
}

/** Clamps @p x to [@p lo, @p hi]. */
static inline int32_t tl_clamp32(int32_t x, int32_t lo, int32_t hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

/**
 * High 32 bits of 2*a*b rounded to nearest (gemmlowp's SaturatingRoundingDoublingHighMul); the single
 * overflow case a == b == INT32_MIN saturates to INT32_MAX.
 */
static inline int32_t tl_saturating_rounding_doubling_high_mul(int32_t a, int32_t b)
{
    int64_t ab;
    int64_t nudge;
    if (a == b && a == INT32_MIN)
    {
        return INT32_MAX;
    }
    /* |a*b| <= 2^62 so the product and the nudged sum fit int64. */
    ab = (int64_t)a * (int64_t)b;
    nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
    /* C99 division truncates toward zero, like C#'s; the quotient fits int32 (min*min excluded above). */
    return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
}

/** x / 2^exponent rounded to nearest, ties away from zero (exponent in [0, 31]). */
static inline int32_t tl_rounding_divide_by_pot(int32_t x, int32_t exponent)
{
    /* C#: (int)((1L << exponent) - 1); the long shift count is masked to 0..63, the cast truncates. */
    int32_t mask = (int32_t)(uint32_t)(((uint64_t)1 << (exponent & 63)) - 1u);
    int32_t remainder = x & mask;
    int32_t threshold = tl_asr32(mask, 1) + (x < 0 ? 1 : 0);
    return tl_add32_wrap(tl_asr32(x, exponent), remainder > threshold ? 1 : 0);
}

/**
 * x * multiplier * 2^shift with a Q0.31 multiplier: TFLM's int32 MultiplyByQuantizedMultiplier (left shift
 * first, wrapping like the C reference; then the doubling high multiply; then the rounding right shift).
 */
static inline int32_t tl_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift)
{
    int32_t left_shift = shift > 0 ? shift : 0;
    int32_t right_shift = shift > 0 ? 0 : -shift;
    return tl_rounding_divide_by_pot(
        tl_saturating_rounding_doubling_high_mul(tl_mul32_wrap(x, tl_shl32(1, left_shift)), multiplier), right_shift);
}

/**
 * TFLM's int64 MultiplyByQuantizedMultiplier (int16x8 kernels): the multiplier is reduced to 16 bits with
 * rounding and a single rounding shift by 15 - shift is applied. The product wraps like C#'s long multiply.
 */
static inline int32_t tl_multiply_by_quantized_multiplier_64(int64_t x, int32_t multiplier, int32_t shift)
{
    int32_t reduced = multiplier < 0x7FFF0000 ? tl_asr32(tl_add32_wrap(multiplier, 1 << 15), 16) : 0x7FFF;
    int32_t total_shift = 15 - shift;
    int64_t round = (int64_t)((uint64_t)1 << ((total_shift - 1) & 63));
    int64_t product = (int64_t)((uint64_t)x * (uint64_t)(int64_t)reduced);
    int64_t result = tl_asr64((int64_t)((uint64_t)product + (uint64_t)round), total_shift);
    return (int32_t)(uint32_t)(uint64_t)result;
}

/** TFLM's MultiplyByQuantizedMultiplierSmallerThanOneExp (left_shift <= 0). */
static inline int32_t tl_multiply_by_quantized_multiplier_smaller_than_one_exp(int32_t x, int32_t multiplier,
                                                                               int32_t left_shift)
{
    return tl_rounding_divide_by_pot(tl_saturating_rounding_doubling_high_mul(x, multiplier), -left_shift);
}

/** TFLM's MultiplyByQuantizedMultiplierGreaterThanOne (left_shift >= 0; the shift wraps like C#). */
static inline int32_t tl_multiply_by_quantized_multiplier_greater_than_one(int32_t x, int32_t multiplier,
                                                                           int32_t left_shift)
{
    return tl_saturating_rounding_doubling_high_mul(tl_mul32_wrap(x, tl_shl32(1, left_shift)), multiplier);
}

#endif /* TINYLITE_TL_FIXED_POINT_H */
