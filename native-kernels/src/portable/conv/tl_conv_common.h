/*
 * Private helpers of the conv kernel family: little-endian loads and stores, C#-exact integer arithmetic
 * (wrapping) without undefined behaviour, requantization wrappers, and the load-time checks of nf-runtime/src/Kernels/Conv/ConvChecks.cs.
 *
 * Requantization uses the shared include/tinylite/tl_fixed_point.h (FixedPoint.cs twins).
 */
#ifndef TINYLITE_TL_CONV_COMMON_H
#define TINYLITE_TL_CONV_COMMON_H

#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"
#include "tinylite/tl_fixed_point.h"
#include "tinylite/tl_op.h"

#include "../tl_dsp.h"

/* TFLite TensorType numbers (the image stores them as is). */
#define TL_CV_TYPE_INT32 2
#define TL_CV_TYPE_INT64 4
#define TL_CV_TYPE_INT16 7
#define TL_CV_TYPE_INT8 9
#define TL_CV_TYPE_INT4 17

/* Largest dimension, stride, dilation or padding accepted (ConvChecks.MaxDim). */
#define TL_CV_MAX_DIM 65535
/* Largest |input offset| and |output offset| accepted. */
#define TL_CV_MAX_OFFSET 65536

/* ---- representation changes that C leaves implementation-defined or undefined ---- */

/** uint32 -> int32 two's-complement reinterpretation without implementation-defined conversion. */
static inline int32_t tl_cv_s32(uint32_t u)
{
    /* Both branches are exact; compilers fold this to nothing. */
    return u <= 0x7FFFFFFFu ? (int32_t)u : (int32_t)(u - 0x80000000u) - 0x7FFFFFFF - 1;
}

/** uint64 -> int64 two's-complement reinterpretation. */
static inline int64_t tl_cv_s64(uint64_t u)
{
    return u <= 0x7FFFFFFFFFFFFFFFull ? (int64_t)u : (int64_t)(u - 0x8000000000000000ull) - 0x7FFFFFFFFFFFFFFFll - 1;
}

/* ---- little-endian tensor data ---- */

static inline int32_t tl_cv_load_i32(const uint8_t *bytes)
{
    return tl_cv_s32((uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8) | ((uint32_t)bytes[2] << 16) |
                     ((uint32_t)bytes[3] << 24));
}

static inline int64_t tl_cv_load_i64(const uint8_t *bytes)
{
    uint64_t lo =
        (uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8) | ((uint32_t)bytes[2] << 16) | ((uint32_t)bytes[3] << 24);
    uint64_t hi =
        (uint32_t)bytes[4] | ((uint32_t)bytes[5] << 8) | ((uint32_t)bytes[6] << 16) | ((uint32_t)bytes[7] << 24);
    return tl_cv_s64(lo | (hi << 32));
}

static inline int32_t tl_cv_load_i16(const uint8_t *bytes)
{
    /* Sign-extend the 16-bit value: (v ^ 0x8000) - 0x8000 maps [0, 65535] onto [-32768, 32767]. */
    return (int32_t)(((uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8)) ^ 0x8000u) - 0x8000;
}

static inline void tl_cv_store_i16(uint8_t *bytes, int32_t v)
{
    bytes[0] = (uint8_t)((uint32_t)v & 0xFFu);
    bytes[1] = (uint8_t)(((uint32_t)v >> 8) & 0xFFu);
}

/** Element @p e of a packed int4 array: low nibble of byte e/2 when e is even, high nibble when odd. */
static inline int32_t tl_cv_load_i4(const uint8_t *packed, int32_t e)
{
    uint32_t nibble = ((uint32_t)packed[e >> 1] >> ((uint32_t)(e & 1) * 4u)) & 0xFu;
    /* (n ^ 8) - 8 sign-extends a 4-bit value. */
    return (int32_t)(nibble ^ 8u) - 8;
}

/** Sum of @p n packed int4 elements from element @p start, mod 2^32. */
static inline uint32_t tl_cv_sum_s4(const uint8_t *packed, int32_t start, int32_t n)
{
    uint32_t sum = 0;
    int32_t e;
    for (e = start; e < start + n; e++)
    {
        sum += (uint32_t)tl_cv_load_i4(packed, e);
    }
    return sum;
}

/* ---- FixedPoint.cs: the shared twins in tl_fixed_point.h ---- */

/** TFLM's int32 MultiplyByQuantizedMultiplier (shift > 0 = left; the left shift wraps like C#'s int multiply). */
static inline int32_t tl_cv_mbqm(int32_t x, int32_t multiplier, int32_t shift)
{
    return tl_multiply_by_quantized_multiplier(x, multiplier, shift);
}

/** TFLM's int64 MultiplyByQuantizedMultiplier (16x8 kernels): 16-bit rounded multiplier, one rounding shift. */
static inline int32_t tl_cv_mbqm64(int64_t x, int32_t multiplier, int32_t shift)
{
    return tl_multiply_by_quantized_multiplier_64(x, multiplier, shift);
}

/**
 * tl_multiply_by_quantized_multiplier for a validated multiplier (>= 0, so the doubling high multiply's one
 * saturating case INT32_MIN * INT32_MIN cannot occur), in fewer steps. With ab = x' * multiplier, the helper's
 * trunc((ab + nudge) / 2^31), nudge = 2^30 for ab >= 0 and 1 - 2^30 otherwise, equals floor((ab + 2^30) / 2^31):
 * for ab < 0 it is -floor((-ab - 1 + 2^30) / 2^31) = -ceil((-ab - 2^30) / 2^31) = floor((ab + 2^30) / 2^31).
 * The kernel tests compare every output with the shared helper's.
 */
static inline int32_t tl_cv_mbqm_fast(int32_t x, int32_t multiplier, int32_t shift)
{
    int32_t left_shift = shift > 0 ? shift : 0;
    int32_t right_shift = shift > 0 ? 0 : -shift;
    int32_t shifted = tl_cv_s32((uint32_t)x * ((uint32_t)1 << left_shift));
    int64_t ab = (int64_t)shifted * multiplier + ((int64_t)1 << 30);
    /* Arithmetic shift of a possibly negative int64 without implementation-defined behaviour. */
    int32_t high = (int32_t)(ab >= 0 ? (ab >> 31) : ~(~ab >> 31));
    int32_t mask = tl_cv_s32(((uint32_t)1 << right_shift) - 1u);
    int32_t remainder = high & mask;
    int32_t threshold = (mask >> 1) + (high < 0 ? 1 : 0);
    int32_t quotient = high >= 0 ? (high >> right_shift) : ~(~high >> right_shift);
    return quotient + (remainder > threshold ? 1 : 0);
}

/** Requantizes an int32 sum to an int8 output (offset, clamp) with the channel's multiplier and shift. */
static inline int8_t tl_cv_out_s8_q(uint32_t acc, int32_t multiplier, int32_t shift, int32_t output_offset,
                                    int32_t act_min, int32_t act_max)
{
    int32_t v = tl_cv_mbqm_fast(tl_cv_s32(acc), multiplier, shift);
    /* C#'s `acc += outputOffset` wraps (possible only when v is within 2^16 of the int32 limits): mirror it. */
    v = tl_cv_s32((uint32_t)v + (uint32_t)output_offset);
    if (v < act_min)
    {
        v = act_min;
    }
    if (v > act_max)
    {
        v = act_max;
    }
    /* act_min/act_max lie in [-128, 127] (validated). */
    return (int8_t)v;
}

/**
 * tl_cv_out_s8_q when the clamp is the whole int8 range (act_min = -128, act_max = 127): one saturation
 * (tl_dsp_ssat8: SSAT on cores with the DSP extension).
 */
static inline int8_t tl_cv_out_s8_q_full(uint32_t acc, int32_t multiplier, int32_t shift, int32_t output_offset)
{
    int32_t v = tl_cv_mbqm_fast(tl_cv_s32(acc), multiplier, shift);
    v = tl_cv_s32((uint32_t)v + (uint32_t)output_offset);
    return (int8_t)tl_dsp_ssat8(v);
}

/** tl_cv_out_s8_q with the (multiplier, shift) pair read from the little-endian table entry @p quant_pair. */
static inline int8_t tl_cv_out_s8(uint32_t acc, const uint8_t *quant_pair, int32_t output_offset, int32_t act_min,
                                  int32_t act_max)
{
    return tl_cv_out_s8_q(acc, tl_cv_load_i32(quant_pair), tl_cv_load_i32(quant_pair + 4), output_offset, act_min,
                          act_max);
}

/** Clamps a requantized int16 result and stores it little-endian. */
static inline void tl_cv_out_s16(uint8_t *out, int32_t v, int32_t act_min, int32_t act_max)
{
    if (v < act_min)
    {
        v = act_min;
    }
    if (v > act_max)
    {
        v = act_max;
    }
    tl_cv_store_i16(out, v);
}

/* ---- ConvChecks.cs (tl_conv_checks.c, tl_conv_record_checks.c, tl_conv_in_place_checks.c, tl_conv_decode.c) ---- */

/** Product of five non-negative factors, or -1 when one is negative or the product exceeds INT32_MAX. */
int64_t tl_cv_product(int32_t a, int32_t b, int32_t c, int32_t d, int32_t e);

/** Tensor @p t exists, has type @p type and exactly @p bytes bytes (bytes = -1 never matches). */
tl_status tl_cv_check_tensor(const tl_tensors *tensors, int32_t t, int32_t type, int64_t bytes);

/** Requantization table of @p channels (multiplier >= 0, shift in [-31, 31]) pairs. */
tl_status tl_cv_check_quant(const tl_tensors *tensors, int32_t t, int32_t channels);

/** Optional bias (-1 = none) of @p channels int32 (when allowed) or int64 (when allowed) values. */
tl_status tl_cv_check_bias(const tl_tensors *tensors, int32_t t, int32_t channels, int int32_ok, int int64_ok);

/** Validates a CONV_2D record (ConvChecks.Conv2D). */
tl_status tl_cv_check_conv2d(const tl_op *op, const tl_tensors *tensors, int32_t activation_type, int32_t filter_type,
                             int int32_bias, int int64_bias, int bias_required);

/** Validates a DEPTHWISE_CONV_2D record (ConvChecks.Depthwise). */
tl_status tl_cv_check_depthwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                int32_t filter_type, int int32_bias, int int64_bias, int bias_required);

/** Validates a TRANSPOSE_CONV record (ConvChecks.Transpose). */
tl_status tl_cv_check_transpose(const tl_op *op, const tl_tensors *tensors, int32_t activation_type, int int32_bias,
                                int int64_bias);

/** Validates an in-place DEPTHWISE_CONV_2D record (InPlaceChecks.Depthwise): outputs [output, scratch], the
    plain checks, batches 1, depth multiplier 1, output at the input's address, scratch of out_h * out_w elements. */
tl_status tl_cv_check_in_place_depthwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                         int32_t filter_type, int int32_bias, int int64_bias, int bias_required);

/** Validates an in-place 1x1 CONV_2D record (InPlaceChecks.Pointwise): outputs [output, scratch], the plain
    checks, 1x1 filter over the whole depth, stride 1, no padding, output at the input's address, scratch of
    out_c elements. */
tl_status tl_cv_check_in_place_pointwise(const tl_op *op, const tl_tensors *tensors, int32_t activation_type,
                                         int32_t filter_type, int int32_bias, int int64_bias, int bias_required);

/** Decodes the 20 shared CONV_2D / DEPTHWISE_CONV_2D Params into dims and params (no checks). */
void tl_cv_decode_conv(const int32_t *p, tl_conv_dims *input_dims, tl_conv_dims *filter_dims, tl_conv_dims *output_dims,
                       tl_conv_params *params);

/** A validated CONV_2D or DEPTHWISE_CONV_2D record decoded for its kernel call. */
typedef struct
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
} tl_cv_call;

/** Decodes a validated CONV_2D record (tl_cv_decode_conv) with its requantization table, input @p multipliers. */
void tl_cv_decode_conv_op(const tl_op *op, const tl_tensors *tensors, int32_t multipliers, tl_cv_call *call);

/** Decodes a validated DEPTHWISE_CONV_2D record: tl_cv_decode_conv_op, then the depth multiplier (which takes the
    filter depth's place in this layout) and the filter depth 1. */
void tl_cv_decode_depthwise_op(const tl_op *op, const tl_tensors *tensors, int32_t multipliers, tl_cv_call *call);

/** The bias type of a validated int16 record's optional bias (tensor index @p bias, -1 when omitted). */
tl_conv_bias_type tl_cv_s16_bias_type(const tl_tensors *tensors, int32_t bias);

/** Decodes the 17 TRANSPOSE_CONV Params (no checks). */
void tl_cv_decode_transpose(const int32_t *p, tl_conv_dims *input_dims, tl_conv_dims *filter_dims,
                            tl_conv_dims *output_dims, tl_conv_params *params);

/**
 * Shape checks of the kernels proper (layer 1), the geometry part of ConvChecks.Geometry included: every
 * dimension in [1, 65535], strides and dilations in [1, 65535], paddings in [0, 65535], offsets in
 * [-65536, 65536], lowest <= act_min <= act_max <= highest, batches equal, output channels = filter output
 * channels. @p kind selects the family-specific relations (see the TL_CV_KIND_* values).
 */
tl_status tl_cv_check_shapes(int kind, const tl_conv_params *params, const tl_conv_dims *input_dims,
                             const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims, int32_t lowest,
                             int32_t highest);

/**
 * The argument checks of an int8-activation layer kernel's entry (CONV_2D and DEPTHWISE_CONV_2D, int8 or int4
 * filter), in this order: tl_cv_check_shapes over the int8 range, then TL_ERR_ARGUMENT when @p quant, its table,
 * @p input, @p filter, @p bias or @p output is NULL. The int16 and TRANSPOSE_CONV kernels (optional bias) and
 * tl_depthwise_conv2d_s4_plain (register allocation) spell their checks out.
 */
tl_status tl_cv_check_call(int kind, const tl_conv_params *params, const tl_conv_quant *quant,
                           const tl_conv_dims *input_dims, const void *input, const tl_conv_dims *filter_dims,
                           const void *filter, const void *bias, const tl_conv_dims *output_dims, const void *output);

/** 16x8 quantization's entry rule (int16 CONV_2D kernels): no zero points, and a bias that is none (NULL), int32 or
    int64 as @p bias_type says. */
static inline int tl_cv_s16_quantization_ok(const tl_conv_params *params, const void *bias, tl_conv_bias_type bias_type)
{
    return params->input_offset == 0 && params->output_offset == 0 &&
           (bias_type == TL_CONV_BIAS_NONE || bias_type == TL_CONV_BIAS_INT32 || bias_type == TL_CONV_BIAS_INT64) &&
           (bias == 0) == (bias_type == TL_CONV_BIAS_NONE);
}

/**
 * The shape checks of an in-place kernel's entry: tl_cv_check_shapes over [@p lowest, @p highest], then the geometry
 * the in-place kernels compute over, else TL_ERR_PARAMS: for TL_CV_KIND_CONV a 1x1 filter over the whole input depth,
 * stride 1, no padding, output height and width the input's; for TL_CV_KIND_DEPTHWISE one batch and depth
 * multiplier 1 (output channel c is input channel c's, pixel for pixel).
 */
tl_status tl_cv_check_in_place_shapes(int kind, const tl_conv_params *params, const tl_conv_dims *input_dims,
                                      const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims, int32_t lowest,
                                      int32_t highest);

/**
 * The argument checks of an int8-activation in-place kernel's entry (pointwise or depthwise, int8 or packed int4
 * weights), in this order: tl_cv_check_in_place_shapes over the int8 range; then TL_ERR_ARGUMENT when @p quant, its
 * table, @p filter, @p bias, @p data or @p scratch is NULL.
 */
tl_status tl_cv_check_in_place_call(int kind, const tl_conv_params *params, const tl_conv_quant *quant,
                                    const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims, const void *filter,
                                    const void *bias, const tl_conv_dims *output_dims, const void *data,
                                    const void *scratch);

/** CONV_2D: in_c multiple of f_c, out_c multiple of the group count. */
#define TL_CV_KIND_CONV 0
/** DEPTHWISE_CONV_2D: out_c = in_c * depth_multiplier, filter depth 1. */
#define TL_CV_KIND_DEPTHWISE 1
/** TRANSPOSE_CONV: filter depth = in_c. */
#define TL_CV_KIND_TRANSPOSE 2

#endif /* TINYLITE_TL_CONV_COMMON_H */
