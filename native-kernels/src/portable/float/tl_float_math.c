/*
 * expf and tanhf of our own, so that the float kernels give the same bits on every target (host, Cortex-M,
 * nanoFramework's managed twin FloatMath.cs) and the bits TFLM's reference kernels get from glibc's libm:
 *
 * - tl_expf follows the algorithm of glibc's expf (since 2.27; also newlib's): x * 32 / ln2 split into an
 *   integer k and a remainder r in double, 2^(k/32) from a 32-entry table, 2^(r/32) from a cubic polynomial,
 *   all in double, one rounding to float at the end.
 * - tl_tanhf follows glibc's float tanhf (fdlibm): 1 - 2 / (expm1(2|x|) + 2) for |x| >= 1,
 *   -expm1(-2|x|) / (expm1(-2|x|) + 2) below, with fdlibm's float expm1; float arithmetic throughout.
 *
 * Every operation is written out so that its rounding is fixed; the file must be compiled without fused
 * multiply-add contraction (-ffp-contract=off) and without fast-math (see native-kernels/README.md). How many
 * floats agree bit for bit with the host's libm is measured by native-kernels/tests/float_math_sweep.c.
 */
#include "tl_float_math.h"

#include <string.h>

/* 2^(i/32) as IEEE-754 double bits, minus i << 47: adding k << 47 then restores the entry and adds k/32 to the
   exponent (k = 32 * exponent + i). Each value is 2^(i/32) rounded to the nearest double. */
static const uint64_t tl_exp2_table[32] = {
    UINT64_C(0x3ff0000000000000), UINT64_C(0x3fefd9b0d3158574), UINT64_C(0x3fefb5586cf9890f),
    UINT64_C(0x3fef9301d0125b51), UINT64_C(0x3fef72b83c7d517b), UINT64_C(0x3fef54873168b9aa),
    UINT64_C(0x3fef387a6e756238), UINT64_C(0x3fef1e9df51fdee1), UINT64_C(0x3fef06fe0a31b715),
    UINT64_C(0x3feef1a7373aa9cb), UINT64_C(0x3feedea64c123422), UINT64_C(0x3feece086061892d),
    UINT64_C(0x3feebfdad5362a27), UINT64_C(0x3feeb42b569d4f82), UINT64_C(0x3feeab07dd485429),
    UINT64_C(0x3feea47eb03a5585), UINT64_C(0x3feea09e667f3bcd), UINT64_C(0x3fee9f75e8ec5f74),
    UINT64_C(0x3feea11473eb0187), UINT64_C(0x3feea589994cce13), UINT64_C(0x3feeace5422aa0db),
    UINT64_C(0x3feeb737b0cdc5e5), UINT64_C(0x3feec49182a3f090), UINT64_C(0x3feed503b23e255d),
    UINT64_C(0x3feee89f995ad3ad), UINT64_C(0x3feeff76f2fb5e47), UINT64_C(0x3fef199bdd85529c),
    UINT64_C(0x3fef3720dcef9069), UINT64_C(0x3fef5818dcfba487), UINT64_C(0x3fef7c97337b9b5f),
    UINT64_C(0x3fefa4afa2a490da), UINT64_C(0x3fefd0765b6e4540),
};

/* Polynomial for 2^(r/32) - 1 ~= c0 r^3 + c1 r^2 + c2 r, |r| <= 1/2 (the coefficients of 2^r scaled by 32^-n). */
#define TL_EXP_C0 (0x1.c6af84b912394p-5 / 32.0 / 32.0 / 32.0)
#define TL_EXP_C1 (0x1.ebfce50fac4f3p-3 / 32.0 / 32.0)
#define TL_EXP_C2 (0x1.62e42ff0c52d6p-1 / 32.0)
/* 32 / ln 2. */
#define TL_EXP_INV_LN2_32 (0x1.71547652b82fep+0 * 32.0)
/* 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer (ties to even). */
#define TL_EXP_SHIFT 0x1.8p+52

static uint32_t tl_float_bits(float x)
{
    uint32_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static float tl_float_from_bits(uint32_t bits)
{
    float x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

float tl_expf(float x)
{
    uint32_t abs_top = (tl_float_bits(x) >> 20) & 0x7ff;
    double z;
    double kd;
    double r;
    double r2;
    double s;
    double y;
    double p;
    uint64_t ki;
    uint64_t t;
    /* |x| >= 88 (0x42b: the top 12 bits of 88.0f), infinities and NaN. */
    if (abs_top >= 0x42b)
    {
        if (tl_float_bits(x) == 0xff800000u)
        {
            return 0.0f;
        }
        if (abs_top >= 0x7f8)
        {
            return x + x;
        }
        if (x > 0x1.62e42ep6f)
        {
            /* Above log(2^128): overflow to infinity. */
            return tl_float_from_bits(0x7f800000u);
        }
        if (x < -0x1.9fe368p6f)
        {
            /* Below log(2^-150): underflow to zero. */
            return 0.0f;
        }
    }
    z = TL_EXP_INV_LN2_32 * (double)x;
    kd = z + TL_EXP_SHIFT;
    memcpy(&ki, &kd, sizeof ki);
    kd -= TL_EXP_SHIFT;
    r = z - kd;
    t = tl_exp2_table[ki % 32];
    t += ki << 47;
    memcpy(&s, &t, sizeof s);
    p = TL_EXP_C0 * r + TL_EXP_C1;
    r2 = r * r;
    y = TL_EXP_C2 * r + 1.0;
    y = p * r2 + y;
    y = y * s;
    return (float)y;
}

/* fdlibm's float expm1 as glibc has it, for the arguments tl_tanhf passes: |x| < 44, not NaN. */
static float tl_expm1f(float x)
{
    static const float ln2_hi = 6.9313812256e-01f;  /* 0x3f317180 */
    static const float ln2_lo = 9.0580006145e-06f;  /* 0x3717f7d1 */
    static const float inv_ln2 = 1.4426950216e+00f; /* 0x3fb8aa3b */
    static const float q1 = -3.3333335072e-02f;     /* 0xbd088889 */
    static const float q2 = 1.5873016091e-03f;      /* 0x3ad00d01 */
    static const float q3 = -7.9365076090e-05f;     /* 0xb8a670cd */
    static const float q4 = 4.0082177293e-06f;      /* 0x36867e54 */
    static const float q5 = -2.0109921195e-07f;     /* 0xb457edbb */
    uint32_t hx = tl_float_bits(x);
    uint32_t negative = hx & 0x80000000u;
    float hi;
    float lo;
    float c = 0.0f;
    float t;
    float e;
    float hfx;
    float hxs;
    float r1;
    float y;
    int32_t k;
    hx &= 0x7fffffffu;
    if (hx >= 0x4195b844u && negative)
    {
        /* x <= -27 ln 2: expm1 is -1 to float precision. */
        return 1.0e-30f - 1.0f;
    }
    if (hx > 0x3eb17218u)
    {
        /* |x| > ln2 / 2: x = k ln2 + (hi - lo). */
        if (hx < 0x3f851592u)
        {
            if (!negative)
            {
                hi = x - ln2_hi;
                lo = ln2_lo;
                k = 1;
            }
            else
            {
                hi = x + ln2_hi;
                lo = -ln2_lo;
                k = -1;
            }
        }
        else
        {
            float kf = inv_ln2 * x;
            kf = kf + (negative ? -0.5f : 0.5f);
            k = (int32_t)kf;
            t = (float)k;
            hi = x - t * ln2_hi; /* exact: ln2_hi has 8 trailing zero bits */
            lo = t * ln2_lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    }
    else if (hx < 0x33000000u)
    {
        /* |x| < 2^-25: expm1(x) rounds to x. */
        return x;
    }
    else
    {
        k = 0;
    }
    hfx = 0.5f * x;
    hxs = x * hfx;
    r1 = 1.0f + hxs * (q1 + hxs * (q2 + hxs * (q3 + hxs * (q4 + hxs * q5))));
    t = 3.0f - r1 * hfx;
    e = hxs * ((r1 - t) / (6.0f - x * t));
    if (k == 0)
    {
        return x - (x * e - hxs);
    }
    e = x * (e - c) - c;
    e -= hxs;
    if (k == -1)
    {
        return 0.5f * (x - e) - 0.5f;
    }
    if (k == 1)
    {
        if (x < -0.25f)
        {
            return -2.0f * (e - (x + 0.5f));
        }
        return 1.0f + 2.0f * (x - e);
    }
    if (k <= -2 || k > 56)
    {
        /* exp(x) - 1 ~= 2^k (1 - (e - x)) - 1; k stays below 128 here. */
        y = 1.0f - (e - x);
        y = tl_float_from_bits(tl_float_bits(y) + ((uint32_t)k << 23));
        return y - 1.0f;
    }
    if (k < 23)
    {
        t = tl_float_from_bits(0x3f800000u - (0x1000000u >> k)); /* 1 - 2^-k */
        y = t - (e - x);
    }
    else
    {
        t = tl_float_from_bits((uint32_t)(0x7f - k) << 23); /* 2^-k */
        y = x - (e + t);
        y += 1.0f;
    }
    return tl_float_from_bits(tl_float_bits(y) + ((uint32_t)k << 23));
}

float tl_tanhf(float x)
{
    uint32_t jx = tl_float_bits(x);
    uint32_t ix = jx & 0x7fffffffu;
    float t;
    float z;
    if (ix >= 0x7f800000u)
    {
        /* tanh(+-inf) = +-1, tanh(NaN) = NaN. */
        return (jx & 0x80000000u) ? 1.0f / x - 1.0f : 1.0f / x + 1.0f;
    }
    if (ix < 0x41b00000u)
    {
        /* |x| < 22 */
        if (ix == 0)
        {
            return x;
        }
        if (ix < 0x24000000u)
        {
            /* |x| < 2^-55: tanh(x) rounds to x. */
            return x * (1.0f + x);
        }
        if (ix >= 0x3f800000u)
        {
            /* |x| >= 1 */
            t = tl_expm1f(2.0f * tl_float_from_bits(ix));
            z = 1.0f - 2.0f / (t + 2.0f);
        }
        else
        {
            t = tl_expm1f(-2.0f * tl_float_from_bits(ix));
            z = -t / (t + 2.0f);
        }
    }
    else
    {
        /* |x| >= 22: tanh is +-1 to float precision. */
        z = 1.0f - 1.0e-30f;
    }
    return (jx & 0x80000000u) ? -z : z;
}
