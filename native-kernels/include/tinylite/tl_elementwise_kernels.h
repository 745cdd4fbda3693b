/**
 * @file tl_elementwise_kernels.h
 * @brief Elementwise family (codes 300-399): ADD/SUB/MUL/MAXIMUM/MINIMUM with broadcasting and the
 * RELU/RELU6/LEAKY_RELU/HARD_SWISH activations, bit-exact with the managed kernels in
 * nf-runtime/src/Kernels/Elementwise/ (and so with TFLM's reference kernels).
 *
 * Two layers per kernel: the typed kernel and the image adapter (`tl_op_<op>_<dtype>_validate` /
 * `tl_op_<op>_<dtype>`), reading the managed twin's int32 Params in the same order. int16/int32/float tensors
 * must be naturally aligned (the image format aligns tensors to 8 bytes). Outputs may alias an input of the
 * same shape (each element is read before it is written). Typed kernels return TL_ERR_ARGUMENT on NULL
 * pointers or a malformed descriptor, TL_OK otherwise.
 */
#ifndef TINYLITE_TL_ELEMENTWISE_KERNELS_H
#define TINYLITE_TL_ELEMENTWISE_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

/* ---- Kernel codes and Params layouts (generated from codegen/manifest/kernels.toml) ---------------------- */

#include "tl_op_codes.h"
#include "tl_elementwise_layouts.h"

/* ---- Broadcast descriptor (Broadcast.cs) ---------------------------------------------------------------- */

/** Most outer dimensions of a descriptor. */
#define TL_BROADCAST_MAX_OUTER 7

/**
 * Where each field of a broadcast descriptor lies in Params, relative to the descriptor's start (a layout's
 * TL_<LAYOUT>_P_BROADCAST): the row fields, then TL_BROADCAST_DIM_LENGTH ints per outer dimension k from
 * TL_BROADCAST_HEADER_LENGTH + TL_BROADCAST_DIM_LENGTH * k. Broadcast.cs names the same offsets.
 */
enum tl_broadcast_field
{
    TL_BROADCAST_OUTER = 0,         /**< Number of outer dimensions, 0..TL_BROADCAST_MAX_OUTER. */
    TL_BROADCAST_ROW_LENGTH = 1,    /**< n, elements per row, at least 1. */
    TL_BROADCAST_ROW_STRIDE1 = 2,   /**< Input 1's step along a row, 0 or 1. */
    TL_BROADCAST_ROW_STRIDE2 = 3,   /**< Input 2's step along a row, 0 or 1. */
    TL_BROADCAST_HEADER_LENGTH = 4, /**< Ints before the first outer dimension (a descriptor's least length). */
    TL_BROADCAST_DIM_LENGTH = 3,    /**< Ints per outer dimension. */
    TL_BROADCAST_DIM_EXTENT = 0,    /**< An outer dimension's extent, from its first int. */
    TL_BROADCAST_DIM_STRIDE1 = 1,   /**< Input 1's stride along it (0 = broadcast), from its first int. */
    TL_BROADCAST_DIM_STRIDE2 = 2,   /**< Input 2's stride along it (0 = broadcast), from its first int. */
};

/**
 * The compiler's folded broadcast loop nest: `outer` outer dimensions (outermost first) over rows of `n`
 * output elements; along a row the inputs advance by inner1/inner2 (0 = broadcast, 1); along outer dimension
 * k by stride1[k]/stride2[k] elements. The output is dense: row r covers elements [r*n, (r+1)*n).
 * In Params: {outer, n, inner1, inner2, then extent, stride1, stride2 per outer dimension} (tl_broadcast_field).
 */
typedef struct
{
    int32_t outer;
    int32_t n;
    int32_t inner1;
    int32_t inner2;
    int32_t extent[TL_BROADCAST_MAX_OUTER];
    int32_t stride1[TL_BROADCAST_MAX_OUTER];
    int32_t stride2[TL_BROADCAST_MAX_OUTER];
} tl_broadcast;

/**
 * Decodes the descriptor that fills params[at .. param_count). @return TL_OK, or TL_ERR_PARAMS when the length
 * or rank does not match (the checks against tensor sizes are tl_broadcast_check's).
 */
tl_status tl_broadcast_decode(const int32_t *params, int32_t param_count, int32_t at, tl_broadcast *out);

/**
 * Checks a decoded descriptor against the element counts of the two inputs and of the output: extents >= 1,
 * strides >= 0, inner strides 0 or 1, rows cover exactly count_out elements and never read past an input.
 */
tl_status tl_broadcast_check(const tl_broadcast *bc, int64_t count1, int64_t count2, int64_t count_out);

/** Number of rows (product of the outer extents). */
int32_t tl_broadcast_rows(const tl_broadcast *bc);

/** Element offset of the first element of row @p row in input 0 or 1. */
int32_t tl_broadcast_row_offset(const tl_broadcast *bc, int32_t row, int32_t input);

/* ---- Binary arithmetic ---------------------------------------------------------------------------------- */

/**
 * Quantized ADD/SUB (the add_sub layout, TL_ADD_SUB_P_*): inputs offset (-zero point), shifted left by
 * left_shift (20 for int8, 15 for int16), rescaled by their multiplier (Q0.31 >= 0) and right shift
 * (shift <= 0), summed (or subtracted), rescaled to the output, offset and clamped.
 */
typedef struct
{
    int32_t input1_offset, input1_multiplier, input1_shift;
    int32_t input2_offset, input2_multiplier, input2_shift;
    int32_t output_multiplier, output_shift, output_offset;
    int32_t left_shift;
    int32_t act_min, act_max;
} tl_add_params;

/** Quantized MUL (the mul layout, TL_MUL_P_*): (x1 + off1) * (x2 + off2) requantized, offset, clamped. */
typedef struct
{
    int32_t input1_offset, input2_offset, output_offset;
    int32_t output_multiplier, output_shift; /**< shift positive = left, in [-31, 30]. */
    int32_t act_min, act_max;
} tl_mul_params;

tl_status tl_add_s8(const tl_add_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                    int8_t *output);
tl_status tl_add_s16(const tl_add_params *params, const tl_broadcast *bc, const int16_t *input1, const int16_t *input2,
                     int16_t *output);
/** int32 ADD: wrapping sum, clamped to [act_min, act_max]. */
tl_status tl_add_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output);
/** float ADD: min(max(x + y, act_min), act_max) with std::max/std::min argument order. */
tl_status tl_add_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                     float *output);

tl_status tl_sub_s8(const tl_add_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                    int8_t *output);
tl_status tl_sub_s16(const tl_add_params *params, const tl_broadcast *bc, const int16_t *input1, const int16_t *input2,
                     int16_t *output);
tl_status tl_sub_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output);
tl_status tl_sub_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                     float *output);

tl_status tl_mul_s8(const tl_mul_params *params, const tl_broadcast *bc, const int8_t *input1, const int8_t *input2,
                    int8_t *output);
tl_status tl_mul_s16(const tl_mul_params *params, const tl_broadcast *bc, const int16_t *input1, const int16_t *input2,
                     int16_t *output);
tl_status tl_mul_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output);
tl_status tl_mul_f32(float act_min, float act_max, const tl_broadcast *bc, const float *input1, const float *input2,
                     float *output);

/** DIV int32: C division truncating toward zero; x / 0 gives 0 and INT32_MIN / -1 gives INT32_MIN (defined here,
 *  undefined in C), then the activation clamp. */
tl_status tl_div_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output);

/** MAXIMUM / MINIMUM: x > y ? x : y / x < y ? x : y (float: a NaN in input 1 yields input 2). */
tl_status tl_maximum_s8(const tl_broadcast *bc, const int8_t *input1, const int8_t *input2, int8_t *output);
tl_status tl_maximum_s16(const tl_broadcast *bc, const int16_t *input1, const int16_t *input2, int16_t *output);
tl_status tl_maximum_s32(const tl_broadcast *bc, const int32_t *input1, const int32_t *input2, int32_t *output);
tl_status tl_maximum_f32(const tl_broadcast *bc, const float *input1, const float *input2, float *output);
tl_status tl_minimum_s8(const tl_broadcast *bc, const int8_t *input1, const int8_t *input2, int8_t *output);
tl_status tl_minimum_s16(const tl_broadcast *bc, const int16_t *input1, const int16_t *input2, int16_t *output);
tl_status tl_minimum_s32(const tl_broadcast *bc, const int32_t *input1, const int32_t *input2, int32_t *output);
tl_status tl_minimum_f32(const tl_broadcast *bc, const float *input1, const float *input2, float *output);

/* ---- Activations ---------------------------------------------------------------------------------------- */

/**
 * RELU quantized (the relu layout after its count, TL_RELU_P_*): zp_out + MBQM(x - zp_in), clamped to
 * [act_min, act_max].
 */
typedef struct
{
    int32_t input_zero_point, output_zero_point;
    int32_t multiplier, shift; /**< shift positive = left, in [-31, 30]. */
    int32_t act_min, act_max;
} tl_relu_params;

/** LEAKY_RELU quantized (the leaky_relu layout after its count, TL_LEAKY_RELU_P_*). */
typedef struct
{
    int32_t input_zero_point, output_zero_point;
    int32_t identity_multiplier, identity_shift;
    int32_t alpha_multiplier, alpha_shift; /**< magnitude of alpha's multiplier. */
    int32_t alpha_negative;                /**< 1: negate the scaled negative branch. */
} tl_leaky_relu_params;

/** HARD_SWISH int8 (the hard_swish layout after its count, TL_HARD_SWISH_P_*): gemmlowp int16 fixed point. */
typedef struct
{
    int32_t input_zero_point, output_zero_point;
    int32_t reluish_multiplier, reluish_exponent; /**< Q0.15 in [0, 32767]; exponent in [-31, 31]. */
    int32_t output_multiplier, output_exponent;   /**< Q0.15 in [0, 32767]; exponent in [-31, 0]. */
} tl_hard_swish_params;

tl_status tl_relu_s8(const tl_relu_params *params, int32_t count, const int8_t *input, int8_t *output);
tl_status tl_relu_s16(const tl_relu_params *params, int32_t count, const int16_t *input, int16_t *output);
/** RELU float: x < 0 ? 0 : x. */
tl_status tl_relu_f32(int32_t count, const float *input, float *output);
/** RELU6 quantized: the raw input clamped to [lower, upper] (TFLM does not rescale). */
tl_status tl_relu6_s8(int32_t lower, int32_t upper, int32_t count, const int8_t *input, int8_t *output);
tl_status tl_relu6_s16(int32_t lower, int32_t upper, int32_t count, const int16_t *input, int16_t *output);
/** RELU6 float: x > 6 ? 6 : x < 0 ? 0 : x. */
tl_status tl_relu6_f32(int32_t count, const float *input, float *output);
tl_status tl_leaky_relu_s8(const tl_leaky_relu_params *params, int32_t count, const int8_t *input, int8_t *output);
tl_status tl_leaky_relu_s16(const tl_leaky_relu_params *params, int32_t count, const int16_t *input, int16_t *output);
/** LEAKY_RELU float: x > 0 ? x : x * alpha. */
tl_status tl_leaky_relu_f32(float alpha, int32_t count, const float *input, float *output);
tl_status tl_hard_swish_s8(const tl_hard_swish_params *params, int32_t count, const int8_t *input, int8_t *output);
/** HARD_SWISH float: x * min(6, max(0, x + 3)) / 6. */
tl_status tl_hard_swish_f32(int32_t count, const float *input, float *output);

/* ---- Image adapters: same checks as the C# Validate; run only validated records ----------------------- */

#define TL_ELEMENTWISE_ADAPTER(name)                                                                                   \
    tl_status tl_op_##name##_validate(const tl_op *op, const tl_tensors *tensors);                                     \
    void tl_op_##name(const tl_op *op, const tl_tensors *tensors);

TL_ELEMENTWISE_ADAPTER(add_s8)
TL_ELEMENTWISE_ADAPTER(add_s16)
TL_ELEMENTWISE_ADAPTER(add_s32)
TL_ELEMENTWISE_ADAPTER(add_f32)
TL_ELEMENTWISE_ADAPTER(sub_s8)
TL_ELEMENTWISE_ADAPTER(sub_s16)
TL_ELEMENTWISE_ADAPTER(sub_s32)
TL_ELEMENTWISE_ADAPTER(sub_f32)
TL_ELEMENTWISE_ADAPTER(mul_s8)
TL_ELEMENTWISE_ADAPTER(mul_s16)
TL_ELEMENTWISE_ADAPTER(mul_s32)
TL_ELEMENTWISE_ADAPTER(mul_f32)
TL_ELEMENTWISE_ADAPTER(div_s32)
TL_ELEMENTWISE_ADAPTER(maximum_s8)
TL_ELEMENTWISE_ADAPTER(maximum_s16)
TL_ELEMENTWISE_ADAPTER(maximum_s32)
TL_ELEMENTWISE_ADAPTER(maximum_f32)
TL_ELEMENTWISE_ADAPTER(minimum_s8)
TL_ELEMENTWISE_ADAPTER(minimum_s16)
TL_ELEMENTWISE_ADAPTER(minimum_s32)
TL_ELEMENTWISE_ADAPTER(minimum_f32)
TL_ELEMENTWISE_ADAPTER(relu_s8)
TL_ELEMENTWISE_ADAPTER(relu_s16)
TL_ELEMENTWISE_ADAPTER(relu_f32)
TL_ELEMENTWISE_ADAPTER(relu6_s8)
TL_ELEMENTWISE_ADAPTER(relu6_s16)
TL_ELEMENTWISE_ADAPTER(relu6_f32)
TL_ELEMENTWISE_ADAPTER(leaky_relu_s8)
TL_ELEMENTWISE_ADAPTER(leaky_relu_s16)
TL_ELEMENTWISE_ADAPTER(leaky_relu_f32)
TL_ELEMENTWISE_ADAPTER(hard_swish_s8)
TL_ELEMENTWISE_ADAPTER(hard_swish_f32)

#undef TL_ELEMENTWISE_ADAPTER

#endif /* TINYLITE_TL_ELEMENTWISE_KERNELS_H */
