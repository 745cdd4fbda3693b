/**
 * @file tl_recurrent_kernels.h
 * @brief Recurrent family (codes 500-599): layers whose state tensors live in the arena between invokes,
 * bit-exact twins of nf-runtime/src/Kernels/Recurrent/ (and so of TFLM's integer LSTM).
 *
 * Each kernel has a typed layer (a parameter struct and plain pointers) and an image adapter pair (validate / run
 * on a tl_op) reading the managed twin's Params (TL_LSTM_P_*). Tensor data is little-endian; int16/int32/int64
 * tensors must be naturally aligned (the image aligns constants and arena tensors to 8 bytes). Typed kernels return
 * TL_ERR_ARGUMENT for NULL pointers or non-positive dimensions and TL_OK otherwise; they never allocate.
 *
 * SVDF (TFLM's EvalIntegerSvdfReference): int8 input, feature weights and output; int8 (svdf_s8) or int16
 * (svdf_s8_s16) time weights and state. Per invoke the flat state [batches][filters][memory] moves one element
 * towards its start, each filter's requantized input dot product enters its newest slot, and each unit sums its
 * rank filters' time-weighted state plus bias, requantized to int8 (no fused activation, as TFLM). SVDF tensor bytes
 * are read byte by byte (no alignment needs). Validation returns TL_ERR_PARAMS exactly where the managed Validate
 * refuses.
 */
#ifndef TINYLITE_TL_RECURRENT_KERNELS_H
#define TINYLITE_TL_RECURRENT_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

#include "tl_op_codes.h"
#include "tl_recurrent_layouts.h"

/* ---- UNIDIRECTIONAL_SEQUENCE_LSTM ----------------------------------------------------------------------- */

/** Geometry and fixed-point constants of an LSTM call (the lstm layout, computed by the compiler). */
typedef struct
{
    int32_t batches;                  /**< Independent sequences, >= 1. */
    int32_t time_steps;               /**< Steps per sequence, >= 1. */
    int32_t input_depth;              /**< Elements per input row, >= 1. */
    int32_t state_depth;              /**< Units (cell and hidden state elements per batch), >= 1. */
    int32_t time_major;               /**< 1: rows are [step][batch]; 0: [batch][step]. */
    int32_t input_multipliers[4];     /**< Q0.31 of input product -> Q3.12, gates input, forget, cell, output. */
    int32_t input_shifts[4];          /**< Their shifts (positive = left), [-31, 30]. */
    int32_t recurrent_multipliers[4]; /**< Q0.31 of recurrent product -> Q3.12, same gate order. */
    int32_t recurrent_shifts[4];      /**< Their shifts. */
    int32_t forget_cell_multiplier;   /**< forget gate (Q0.15) x cell state -> cell state. */
    int32_t forget_cell_shift;
    int32_t input_cell_multiplier; /**< input gate x cell gate (both Q0.15) -> cell state. */
    int32_t input_cell_shift;
    int32_t hidden_multiplier; /**< tanh(cell) x output gate (both Q0.15) -> output state. */
    int32_t hidden_shift;
    int32_t hidden_zero_point; /**< Output state zero point. */
    int32_t hidden_min;        /**< Output state clamp (the type's range). */
    int32_t hidden_max;
    int32_t cell_clip;            /**< Quantized cell clip, 0 = none, else 1..32767. */
    int32_t cell_tanh_multiplier; /**< Cell state -> tanh input: (c * multiplier + round) >> shift, 1..49152. */
    int32_t cell_tanh_shift;      /**< 0..31. */
} tl_lstm_params;

/**
 * LSTM over int8 activations and output state, int16 cell state, int8 weights [state_depth, depth] per gate and the
 * compiler's int32 gate biases [8 * state_depth] (input products with -input_zp * row sum folded in, then the
 * recurrent products' -hidden_zp * row sum). Updates @p output_state and @p cell_state in place; @p output receives
 * each step's hidden state. The regions must not overlap.
 * @return TL_OK, or TL_ERR_ARGUMENT for a NULL pointer or non-positive dimension.
 */
tl_status tl_lstm_s8(const tl_lstm_params *params, const int8_t *input, const int8_t *const input_weights[4],
                     const int8_t *const recurrent_weights[4], const int32_t *gate_biases,
                     const uint16_t *sigmoid_table, int8_t *output, int8_t *output_state, int16_t *cell_state);

/** As tl_lstm_s8 with int16 activations and output state and int64 gate biases (16x8). */
tl_status tl_lstm_s16(const tl_lstm_params *params, const int16_t *input, const int8_t *const input_weights[4],
                      const int8_t *const recurrent_weights[4], const int64_t *gate_biases,
                      const uint16_t *sigmoid_table, int16_t *output, int16_t *output_state, int16_t *cell_state);

tl_status tl_op_lstm_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_lstm_s8(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_lstm_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_lstm_s16(const tl_op *op, const tl_tensors *tensors);

/* ---- SVDF ----------------------------------------------------------------------------------------------- */

tl_status tl_op_svdf_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_svdf_s8(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_svdf_s8_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_svdf_s8_s16(const tl_op *op, const tl_tensors *tensors);

#endif /* TINYLITE_TL_RECURRENT_KERNELS_H */
