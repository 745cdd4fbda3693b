/*
 * Packed int16-pair arithmetic for the int8 fast paths: four int8 values read as one 32-bit word, widened two at
 * a time into int16 halves, and dual 16x16 multiply-accumulates. On cores with the Arm DSP extension
 * (__ARM_FEATURE_DSP, e.g. Cortex-M4/M7) these are single instructions through <arm_acle.h> (SXTB16, SMLAD);
 * elsewhere the portable definitions below compute exactly the same values. The choice is made once here:
 * kernels call these functions and contain no ISA conditionals.
 *
 * Words are little-endian: byte k of a word is bits [8k, 8k + 8). A "pair" holds two int16 values, the low
 * half (bits 0-15) and the high half (bits 16-31), as two's complement.
 */
#ifndef TINYLITE_TL_DSP_H
#define TINYLITE_TL_DSP_H

#include <stdint.h>
#include <string.h>

#if defined(__ARM_FEATURE_DSP) && defined(__ARM_FEATURE_SIMD32) && !defined(__ARM_BIG_ENDIAN) &&                       \
    !defined(TINYLITE_NO_DSP)
#include <arm_acle.h>
#define TL_DSP_ARM 1
#else
#define TL_DSP_ARM 0
#endif

/** Four bytes at @p p (any alignment) as a little-endian word. */
static inline uint32_t tl_dsp_load4(const int8_t *p)
{
#if TL_DSP_ARM
    /* Little-endian core with unaligned loads: one LDR. */
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
#else
    const uint8_t *b = (const uint8_t *)p;
    return (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) | ((uint32_t)b[3] << 24);
#endif
}

/** Two consecutive int16 values at @p p as a pair: p[0] in the low half, p[1] in the high half. */
static inline uint32_t tl_dsp_load_pair16(const int16_t *p)
{
#if TL_DSP_ARM
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
#else
    return ((uint32_t)(uint16_t)p[0]) | ((uint32_t)(uint16_t)p[1] << 16);
#endif
}

/** Stores a pair at @p p: the low half into p[0], the high half into p[1]. */
static inline void tl_dsp_store_pair16(int16_t *p, uint32_t pair)
{
#if TL_DSP_ARM
    memcpy(p, &pair, 4);
#else
    /* (h ^ 0x8000) - 0x8000 is the int16 value of the 16-bit pattern h. */
    p[0] = (int16_t)((int32_t)((pair & 0xFFFFu) ^ 0x8000u) - 0x8000);
    p[1] = (int16_t)((int32_t)((pair >> 16) ^ 0x8000u) - 0x8000);
#endif
}

/* Sign-extends the low 8 bits of v to a 16-bit pattern (in the low 16 bits of the result). */
static inline uint32_t tl_dsp_sext8_16(uint32_t v)
{
    /* (b ^ 0x80) - 0x80 is b as int8; & 0xFFFF keeps its 16-bit two's complement pattern. */
    return ((((v & 0xFFu) ^ 0x80u) - 0x80u) & 0xFFFFu);
}

/* int16 value of the low (hi = 0) or high (hi = 1) half of a pair. */
static inline int32_t tl_dsp_half(uint32_t pair, int hi)
{
    uint32_t h = hi ? pair >> 16 : pair & 0xFFFFu;
    return (int32_t)(h ^ 0x8000u) - 0x8000;
}

/** Bytes 0 and 2 of @p v sign-extended into the low and high int16 halves (SXTB16). */
static inline uint32_t tl_dsp_sxtb16(uint32_t v)
{
#if TL_DSP_ARM
    return (uint32_t)__sxtb16((int32_t)v);
#else
    return tl_dsp_sext8_16(v) | (tl_dsp_sext8_16(v >> 16) << 16);
#endif
}

/** Bytes 1 and 3 of @p v sign-extended into the low and high int16 halves (SXTB16 with ROR #8). */
static inline uint32_t tl_dsp_sxtb16_odd(uint32_t v)
{
#if TL_DSP_ARM
    return (uint32_t)__sxtb16((int32_t)((v >> 8) | (v << 24)));
#else
    return tl_dsp_sext8_16(v >> 8) | (tl_dsp_sext8_16(v >> 24) << 16);
#endif
}

/** acc + lo(a) * lo(b) + hi(a) * hi(b), wrapping mod 2^32 (SMLAD; its Q flag is not used). */
static inline uint32_t tl_dsp_smlad(uint32_t a, uint32_t b, uint32_t acc)
{
#if TL_DSP_ARM
    return (uint32_t)__smlad((int32_t)a, (int32_t)b, (int32_t)acc);
#else
    /* Each product of two int16 values lies in [-2^30 + 2^15, 2^30]: it fits int32. */
    return acc + (uint32_t)(tl_dsp_half(a, 0) * tl_dsp_half(b, 0)) + (uint32_t)(tl_dsp_half(a, 1) * tl_dsp_half(b, 1));
#endif
}

/** @p v clamped to [-128, 127] (SSAT #8). */
static inline int32_t tl_dsp_ssat8(int32_t v)
{
#if TL_DSP_ARM && defined(__ARM_FEATURE_SAT)
    return __ssat(v, 8);
#else
    return v < -128 ? -128 : (v > 127 ? 127 : v);
#endif
}

/** Two int8 values as a pair: @p lo in the low half, @p hi in the high half. */
static inline uint32_t tl_dsp_pair(int32_t lo, int32_t hi)
{
    return ((uint32_t)lo & 0xFFFFu) | (((uint32_t)hi & 0xFFFFu) << 16);
}

#endif /* TINYLITE_TL_DSP_H */
