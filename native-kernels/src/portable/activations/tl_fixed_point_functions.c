/*
 * gemmlowp's fixed-point transcendental functions as TFLM's integer softmax, logistic and tanh use them,
 * operation for operation as nf-runtime/src/Kernels/Activations/FixedPointFunctions.cs. A "Qm" value has m integer
 * bits and 31 - m fractional bits in an int32. The softmax kernels call tl_fp_one_over_one_plus_x once per row.
 */
#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"

/* The Q0 raw value closest to 1. */
#define ONE_Q0 INT32_MAX

int32_t tl_fp_saturating_rounding_multiply_by_pot(int32_t x, int32_t exponent)
{
    int32_t threshold;
    if (exponent == 0)
    {
        return x;
    }
    if (exponent < 0)
    {
        return tl_d_rdbp(x, (int)-exponent);
    }
    threshold = (int32_t)(((uint32_t)1 << (31 - exponent)) - 1);
    if (x > threshold)
    {
        return INT32_MAX;
    }
    if (x < -threshold)
    {
        return INT32_MIN;
    }
    return tl_d_wshl(x, (int)exponent);
}

/* Moves a raw value from Q(src) to Q(dst) (gemmlowp Rescale). */
static int32_t rescale(int32_t x, int32_t src_integer_bits, int32_t dst_integer_bits)
{
    return tl_fp_saturating_rounding_multiply_by_pot(x, src_integer_bits - dst_integer_bits);
}

/* (a + b) / 2 rounded half away from zero, in 64 bits (gemmlowp RoundingHalfSum). */
static int32_t rounding_half_sum(int32_t a, int32_t b)
{
    int64_t sum = (int64_t)a + b;
    int64_t sign = sum >= 0 ? 1 : -1;
    return (int32_t)((sum + sign) / 2);
}

int32_t tl_fp_exp_on_interval_negative_quarter_to_0(int32_t a)
{
    /* exp(-1/8) and 1/3 in Q0. */
    const int32_t constant_term = 1895147668;
    const int32_t one_third = 715827883;
    /* Expansion point -1/8: x = a + 1/8 (1/8 in Q0 is 1 << 28). */
    const int32_t x = tl_d_wadd(a, 1 << 28);
    const int32_t x2 = tl_d_srdhm(x, x);
    const int32_t x3 = tl_d_srdhm(x2, x);
    const int32_t x4 = tl_d_srdhm(x2, x2);
    const int32_t x4_over_4 = tl_d_rdbp(x4, 2);
    const int32_t poly = tl_d_rdbp(tl_d_wadd(tl_d_srdhm(tl_d_wadd(x4_over_4, x3), one_third), x2), 1);
    return tl_d_wadd(constant_term, tl_d_srdhm(constant_term, tl_d_wadd(x, poly)));
}

int32_t tl_fp_exp_on_negative_values(int32_t a, int32_t integer_bits)
{
    const int32_t fractional_bits = 31 - integer_bits;
    const int32_t one_quarter = (int32_t)((uint32_t)1 << (fractional_bits - 2));
    const int32_t mask = one_quarter - 1;
    const int32_t a_mod_quarter_minus_quarter = (a & mask) - one_quarter;
    int32_t result = tl_fp_exp_on_interval_negative_quarter_to_0(rescale(a_mod_quarter_minus_quarter, integer_bits, 0));
    const uint32_t remainder = (uint32_t)tl_d_wsub(a_mod_quarter_minus_quarter, a);
    /* exp(-1/4), exp(-1/2), exp(-1), exp(-2), exp(-4), exp(-8), exp(-16) in Q0, one per bit of the multiple of 1/4. */
    static const int32_t constants[7] = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
    int32_t k;
    for (k = 0; k < 7; k++)
    {
        /* Bit fractional_bits - 2 + k stands for 2^(k - 2); it exists only when integer_bits > k - 2. */
        const int32_t bit = fractional_bits - 2 + k;
        if (integer_bits > k - 2 && bit < 32 && (remainder & ((uint32_t)1 << bit)) != 0)
        {
            result = tl_d_srdhm(result, constants[k]);
        }
    }
    if (integer_bits > 5)
    {
        /* Below -32 the result is 0. */
        const int32_t clamp = -(int32_t)((uint32_t)1 << (36 - integer_bits));
        if (a < clamp)
        {
            result = 0;
        }
    }
    if (a == 0)
    {
        result = ONE_Q0;
    }
    return result;
}

/*
 * Three Newton-Raphson steps towards 1/half_denominator in Q2 from 48/17 - 32/17 * d (shared by the two
 * reciprocal functions below).
 */
static int32_t newton_reciprocal_q2(int32_t half_denominator)
{
    int32_t i;
    /* 48/17 and -32/17 in Q2; 1.0 in Q2 is 1 << 29. */
    int32_t x = tl_d_wadd(1515870810, tl_d_srdhm(half_denominator, -1010580540));
    for (i = 0; i < 3; i++)
    {
        const int32_t half_denominator_times_x = tl_d_srdhm(half_denominator, x);
        const int32_t one_minus = tl_d_wsub(1 << 29, half_denominator_times_x);
        /* Q2 * Q2 = Q4, back to Q2. */
        x = tl_d_wadd(x, tl_fp_saturating_rounding_multiply_by_pot(tl_d_srdhm(x, one_minus), 2));
    }
    return x;
}

int32_t tl_fp_one_over_one_plus_x(int32_t a)
{
    const int32_t half_denominator = rounding_half_sum(a, ONE_Q0);
    const int32_t x = newton_reciprocal_q2(half_denominator);
    /* x = 2/(1+a) in Q2: read as Q1 it is 1/(1+a); bring it to Q0. */
    return tl_fp_saturating_rounding_multiply_by_pot(x, 1);
}

int32_t tl_fp_one_minus_x_over_one_plus_x(int32_t a)
{
    const int32_t half_denominator = rounding_half_sum(a, ONE_Q0);
    const int32_t x = newton_reciprocal_q2(half_denominator);
    return tl_fp_saturating_rounding_multiply_by_pot(tl_d_wsub(x, 1 << 29), 2);
}

int32_t tl_fp_logistic(int32_t a, int32_t integer_bits)
{
    int32_t abs_input;
    int32_t positive;
    if (a == 0)
    {
        return 1 << 30;
    }
    abs_input = a > 0 ? a : tl_d_wsub(0, a);
    positive = tl_fp_one_over_one_plus_x(tl_fp_exp_on_negative_values(tl_d_wsub(0, abs_input), integer_bits));
    return a > 0 ? positive : ONE_Q0 - positive;
}

int32_t tl_fp_tanh(int32_t a, int32_t integer_bits)
{
    int32_t negative;
    int32_t t;
    if (a == 0)
    {
        return 0;
    }
    negative = a < 0 ? a : -a;
    /* exp(2n) in Q0: the raw value of n read as Q(integer_bits + 1) is 2n. */
    t = tl_fp_one_minus_x_over_one_plus_x(tl_fp_exp_on_negative_values(negative, integer_bits + 1));
    return a < 0 ? tl_d_wsub(0, t) : t;
}

int32_t tl_fp_count_leading_zeros(uint32_t x)
{
    int32_t n = 0;
    if (x == 0)
    {
        return 32;
    }
    while ((x & 0x80000000u) == 0)
    {
        x <<= 1;
        n++;
    }
    return n;
}
