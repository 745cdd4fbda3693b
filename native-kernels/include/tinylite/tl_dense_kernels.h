/**
 * @file tl_dense_kernels.h
 * @brief Dense family (codes 200-299): fully connected, pooling, mean, softmax and the table-driven
 * activations, bit-exact with the managed kernels in nf-runtime/src/Kernels/Dense/ (and so with TFLM).
 *
 * Each kernel comes in two layers: the typed kernel (`tl_<op>_<dtype>`) and the image adapter
 * (`tl_op_<op>_<dtype>_validate` / `tl_op_<op>_<dtype>`), which reads the int32 Params of the managed twin in
 * the same order. Tensor data is little-endian; int16/int32/int64 tensors must be naturally aligned (the image
 * format aligns constants and arena tensors to 8 bytes). Typed kernels return TL_ERR_ARGUMENT for NULL
 * pointers or non-positive dimensions and TL_OK otherwise; they never allocate.
 */
#ifndef TINYLITE_TL_DENSE_KERNELS_H
#define TINYLITE_TL_DENSE_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

/* ---- Kernel codes and Params layouts (generated from codegen/manifest/kernels.toml) ---------------------- */

#include "tl_op_codes.h"
#include "tl_dense_layouts.h"

/* ---- Fully connected ------------------------------------------------------------------------------------ */

/** Geometry and output stage of a FULLY_CONNECTED call (Params [0..5] of the managed twin). */
typedef struct
{
    int32_t batches;           /**< Rows of the input, >= 1. */
    int32_t in_depth;          /**< Elements per input row (accumulation depth), >= 1. */
    int32_t out_depth;         /**< Output channels, >= 1. */
    int32_t output_zero_point; /**< Added after requantization. */
    int32_t act_min;           /**< Clamp minimum (inside the output type's range). */
    int32_t act_max;           /**< Clamp maximum (act_min <= act_max). */
} tl_fc_params;

/**
 * Requantization: pairs {multiplier Q0.31 (>= 0), shift in [-31, 30] (positive = left)}, interleaved as in the
 * image's requantization tensor: out_depth pairs when per_channel is 1, a single pair for every channel when it
 * is 0 (per-tensor weights; the last FULLY_CONNECTED param).
 */
typedef struct
{
    const int32_t *pairs;
    int32_t per_channel;
} tl_fc_quant;

/**
 * FULLY_CONNECTED int8 x int8 -> int8. output[b][o] = clamp(MBQM(bias[o] + sum_d w[o][d] * x[b][d]) + zp).
 * @param input   int8 [batches][in_depth].
 * @param weights int8 [out_depth][in_depth], row-major.
 * @param bias    int32 [out_depth], folded: bias - input_zero_point * sum(row) (wrapping), computed by the
 *                compiler, so the kernel never sees the input offset.
 * @param output  int8 [batches][out_depth].
 * Chooses the 4-row fast path (tl_fully_connected_s8_fast) when out_depth >= 4; bit-exact with the plain one.
 */
tl_status tl_fully_connected_s8(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                const int8_t *weights, const int32_t *bias, int8_t *output);

/** The plain reference loop of tl_fully_connected_s8 (one output channel at a time); same results. */
tl_status tl_fully_connected_s8_plain(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                      const int8_t *weights, const int32_t *bias, int8_t *output);

/**
 * The fast path of tl_fully_connected_s8: four output channels per pass over the input row, two input
 * elements per step (each input byte loaded once for four weights), then the remaining channels one by one.
 */
tl_status tl_fully_connected_s8_fast(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                     const int8_t *weights, const int32_t *bias, int8_t *output);

/**
 * FULLY_CONNECTED int8 input/output with packed int4 weights: row o is (in_depth + 1) / 2 bytes, element 2i
 * in the low nibble of byte i, 2i + 1 in the high nibble, sign-extended. Otherwise as tl_fully_connected_s8.
 */
tl_status tl_fully_connected_s4(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                const uint8_t *packed_weights, const int32_t *bias, int8_t *output);

/**
 * FULLY_CONNECTED int16 x int8 -> int16. @p bias is int64 [out_depth] (folded). With @p accumulate32 != 0 the
 * sum wraps to int32 and TFLM's int32 requantization is used (model bias int32); otherwise the int64 sum and
 * TFLM's int64 MultiplyByQuantizedMultiplier.
 */
tl_status tl_fully_connected_s16(const tl_fc_params *params, const tl_fc_quant *quant, int32_t accumulate32,
                                 const int16_t *input, const int8_t *weights, const int64_t *bias, int16_t *output);

/* ---- Streaming fully connected (a layer consumed slice by slice) ------------------------------------- */

/**
 * Streaming FULLY_CONNECTED int8, first part: adds one input slice's products to int32 accumulators.
 * acc[o] = (start ? start[o] : acc[o]) + sum_k w[o][k] * x[k] for o in [0, out_depth), sums wrapping modulo 2^32.
 * Accumulating every slice of an input row, starting from the folded bias, then calling
 * tl_fully_connected_s8_finish gives exactly the bytes of tl_fully_connected_s8 (one batch).
 * @param n         Slice length, >= 1.
 * @param out_depth Output channels, >= 1.
 * @param input     int8 [n], the slice.
 * @param weights   int8 [out_depth][n], row-major: row o holds output o's weights for this slice.
 * @param start     int32 [out_depth] starting values, or NULL to add to the current accumulators.
 * @param acc       int32 [out_depth], written. Must not overlap @p input or @p weights; @p start may equal it.
 * Chooses a four-channel path (same sums, same order as tl_fully_connected_s8_accumulate_plain).
 */
tl_status tl_fully_connected_s8_accumulate(int32_t n, int32_t out_depth, const int8_t *input, const int8_t *weights,
                                           const int32_t *start, int32_t *acc);

/** The plain one-channel-at-a-time loop of tl_fully_connected_s8_accumulate; same results. */
tl_status tl_fully_connected_s8_accumulate_plain(int32_t n, int32_t out_depth, const int8_t *input,
                                                 const int8_t *weights, const int32_t *start, int32_t *acc);

/**
 * tl_fully_connected_s8_accumulate with packed int4 weights: @p weights_packed is [out_depth][(n + 1) / 2] bytes,
 * row o holding output o's n weights of the slice two per byte (element 2i in the low nibble, sign-extended),
 * each row starting on a byte. Followed by tl_fully_connected_s8_finish: the bytes of tl_fully_connected_s4.
 */
tl_status tl_fully_connected_s4_accumulate(int32_t n, int32_t out_depth, const int8_t *input,
                                           const uint8_t *weights_packed, const int32_t *start, int32_t *acc);

/** Output stage of a streamed FULLY_CONNECTED (Params of FullyConnectedS8Finish). */
typedef struct
{
    int32_t out_depth;         /**< Output channels, >= 1. */
    int32_t output_zero_point; /**< Added after requantization. */
    int32_t act_min;           /**< Clamp minimum, in [-128, 127]. */
    int32_t act_max;           /**< Clamp maximum, act_min <= act_max <= 127. */
} tl_fc_finish_params;

/**
 * Streaming FULLY_CONNECTED int8, last part: output[o] = clamp(MBQM(acc[o]) + zp), the output stage of
 * tl_fully_connected_s8 (same code), so the same accumulator gives the same byte.
 * @param acc    int32 [out_depth].
 * @param output int8 [out_depth]; may start at @p acc's first byte (in place), must not overlap it otherwise.
 */
tl_status tl_fully_connected_s8_finish(const tl_fc_finish_params *params, const tl_fc_quant *quant, const int32_t *acc,
                                       int8_t *output);

/* ---- Pooling -------------------------------------------------------------------------------------------- */

/**
 * Pooling geometry (Params [0..13] of PoolGeometry): NHWC input [batches][in_height][in_width][depth], output
 * [batches][out_height][out_width][depth]. The window of output (y, x) starts at input row
 * y * stride_height - pad_top and column x * stride_width - pad_left; padding is never counted.
 */
typedef struct
{
    int32_t batches, in_height, in_width, depth;
    int32_t out_height, out_width;
    int32_t stride_height, stride_width;
    int32_t filter_height, filter_width;
    int32_t pad_top, pad_left;
    int32_t act_min, act_max;
} tl_pool_params;

/** AVERAGE_POOL_2D int8: window sum / covered count, rounded half away from zero, clamped. */
tl_status tl_average_pool_s8(const tl_pool_params *params, const int8_t *input, int8_t *output);
/** AVERAGE_POOL_2D int16 (as the int8 kernel). */
tl_status tl_average_pool_s16(const tl_pool_params *params, const int16_t *input, int16_t *output);
/** MAX_POOL_2D int8: largest covered input, clamped. */
tl_status tl_max_pool_s8(const tl_pool_params *params, const int8_t *input, int8_t *output);
/** MAX_POOL_2D int16. */
tl_status tl_max_pool_s16(const tl_pool_params *params, const int16_t *input, int16_t *output);

/* ---- Mean ----------------------------------------------------------------------------------------------- */

/**
 * MEAN over a set of axes of a tensor padded to rank 4 (Params of MeanS8): dims[4], reduced_mask (bit k set:
 * axis k averaged), multiplier/shift (TFLM's, from in_scale / out_scale / count), output zero point, and the
 * folded term -input_zero_point * count (int32, wrapping). Outputs keep the kept axes' element order.
 */
typedef struct
{
    int32_t dims[4];
    int32_t reduced_mask;
    int32_t multiplier;
    int32_t shift;
    int32_t output_zero_point;
    int32_t folded;
} tl_mean_params;

/** MEAN int8: clamp(MBQM(sum + folded) + zp) to [-128, 127], sum wrapping in int32. */
tl_status tl_mean_s8(const tl_mean_params *params, const int8_t *input, int8_t *output);
/** MEAN int16: as tl_mean_s8, clamped to [-32768, 32767]. */
tl_status tl_mean_s16(const tl_mean_params *params, const int16_t *input, int16_t *output);

/* ---- Softmax -------------------------------------------------------------------------------------------- */

/**
 * SOFTMAX int8 -> int8 over rows of @p depth: @p exp_table [256] holds exp(-k) in Q0 (entry k, >= 0) as TFLM
 * computes it; sum in Q12, reciprocal by 1/(1+x), rounding shift to 8 bits, offset -128.
 */
tl_status tl_softmax_s8(int32_t outer, int32_t depth, const int8_t *input, const int32_t *exp_table, int8_t *output);
/** SOFTMAX int8 -> int16 (shift to 16 bits, offset -32768). */
tl_status tl_softmax_s8_s16(int32_t outer, int32_t depth, const int8_t *input, const int32_t *exp_table,
                            int16_t *output);

/**
 * SOFTMAX int16 -> int16 (zero points 0, output scale 2^-15), TFLM's SoftmaxInt16: (x - row max) rescaled by
 * @p multiplier / @p shift so that [-65535, 0] spans [-10, 0], exp from @p tables [0..512], 1/(1+x) of the
 * normalized sum from @p tables [513..1025] (both int16, LUTPopulate's). The output row holds the exps before
 * they are scaled, so @p output must not overlap @p input.
 */
tl_status tl_softmax_s16(int32_t outer, int32_t depth, int32_t multiplier, int32_t shift, const int16_t *input,
                         const int16_t *tables, int16_t *output);

/* ---- Table-driven activations --------------------------------------------------------------------------- */

/** Int8 -> int8 lookup: output[i] = table[(uint8_t)input[i]] (LOGISTIC/TANH int8). In place allowed. */
tl_status tl_lookup_s8(int32_t count, const int8_t *input, const int8_t *table, int8_t *output);

/**
 * LOGISTIC int16 (input zero point 0, output scale 2^-15): input rescaled by (x * multiplier + round) >>
 * shift (multiplier in [0, 32767], shift in [0, 31]), then TFLM's 256-entry sigmoid table (unsigned 16-bit,
 * 9 bits of interpolation).
 */
tl_status tl_logistic_s16(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input, const uint16_t *table,
                          int16_t *output);
/** TANH int16: 2 * sigmoid(2x) - 1 through the same table, 8 bits of interpolation. */
tl_status tl_tanh_s16(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input, const uint16_t *table,
                      int16_t *output);

/* ---- gemmlowp fixed-point functions (Q-format int32, as FixedPointFunctions.cs) ------------------------- */

/** x * 2^exponent, saturating for exponent > 0, rounding for exponent < 0. */
int32_t tl_fp_saturating_rounding_multiply_by_pot(int32_t x, int32_t exponent);
/** exp(a) for a in [-1/4, 0) in Q0; result Q0. */
int32_t tl_fp_exp_on_interval_negative_quarter_to_0(int32_t a);
/** exp(a) for a <= 0 in Q(integer_bits) (integer_bits in [0, 30]); result Q0. */
int32_t tl_fp_exp_on_negative_values(int32_t a, int32_t integer_bits);
/** 1 / (1 + a) for a in [0, 1) in Q0; result Q0. */
int32_t tl_fp_one_over_one_plus_x(int32_t a);
/** (1 - a) / (1 + a) for a in [0, 1) in Q0; result Q0. */
int32_t tl_fp_one_minus_x_over_one_plus_x(int32_t a);
/** logistic(a) for a in Q(integer_bits); result Q0. */
int32_t tl_fp_logistic(int32_t a, int32_t integer_bits);
/** tanh(a) for a in Q(integer_bits); result Q0. */
int32_t tl_fp_tanh(int32_t a, int32_t integer_bits);
/** Leading zero bits of x (32 for 0). */
int32_t tl_fp_count_leading_zeros(uint32_t x);

/* ---- Image adapters: same checks as the C# Validate; run only validated records ----------------------- */

#define TL_DENSE_ADAPTER(name)                                                                                         \
    tl_status tl_op_##name##_validate(const tl_op *op, const tl_tensors *tensors);                                     \
    void tl_op_##name(const tl_op *op, const tl_tensors *tensors);

TL_DENSE_ADAPTER(fully_connected_s8)
TL_DENSE_ADAPTER(fully_connected_s16)
TL_DENSE_ADAPTER(fully_connected_s4)
TL_DENSE_ADAPTER(fully_connected_s8_accumulate)
TL_DENSE_ADAPTER(fully_connected_s4_accumulate)
TL_DENSE_ADAPTER(fully_connected_s8_finish)
TL_DENSE_ADAPTER(average_pool_s8)
TL_DENSE_ADAPTER(average_pool_s16)
TL_DENSE_ADAPTER(max_pool_s8)
TL_DENSE_ADAPTER(max_pool_s16)
TL_DENSE_ADAPTER(mean_s8)
TL_DENSE_ADAPTER(mean_s16)
TL_DENSE_ADAPTER(softmax_s8)
TL_DENSE_ADAPTER(softmax_s8_s16)
TL_DENSE_ADAPTER(softmax_s16)
TL_DENSE_ADAPTER(lookup_s8)
TL_DENSE_ADAPTER(logistic_s16)
TL_DENSE_ADAPTER(tanh_s16)

#undef TL_DENSE_ADAPTER

#endif /* TINYLITE_TL_DENSE_KERNELS_H */
