/**
 * @file tl_shape_kernels.h
 * @brief Shape family kernels (codes 400-499): data movement and type conversion, bit-exact twins of
 * nf-runtime/src/Kernels/Shape/. Each kernel has a typed layer (plain pointers and parameter structs)
 * and an image adapter pair (validate / run on a tl_op) whose Params layout is the managed twin's.
 *
 * Buffers are raw little-endian tensor bytes; typed pointers must be aligned to their element size.
 * Every byte move is overlap-safe (memmove, like the managed Array.Copy) and element loops run in the managed
 * order, so even a (hostile) record whose input and output overlap gives the managed bytes, without UB.
 */
#ifndef TINYLITE_TL_SHAPE_KERNELS_H
#define TINYLITE_TL_SHAPE_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

#include "tl_op_codes.h"
#include "tl_shape_layouts.h"

/* ---- TL_OP_COPY (RESHAPE, SQUEEZE, EXPAND_DIMS). Params: TL_COPY_P_*. ---- */

/** Copies @p bytes bytes (nothing when @p input == @p output; overlap allowed). @return TL_OK or TL_ERR_ARGUMENT. */
tl_status tl_copy(const uint8_t *input, uint8_t *output, int32_t bytes);
tl_status tl_op_copy_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_copy(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_PAD (PAD, PADV2): constant padding of a shape merged and padded to 5 dims (TL_PAD_P_*). ---- */

/** Geometry of a 5-D constant pad; right padding = output - left - input per dim. */
typedef struct
{
    int32_t element_size;   /**< 1, 2 or 4 bytes. */
    uint32_t pad_value;     /**< Raw little-endian bits of the pad element (low element_size bytes). */
    int32_t output_dims[5]; /**< Outermost first. */
    int32_t left[5];        /**< Leading padding per dim. */
    int32_t input_dims[5];  /**< left + input <= output per dim. */
} tl_pad_params;

/** Writes the padded tensor: input elements in order inside the block, the pad value elsewhere. */
tl_status tl_pad(const tl_pad_params *params, const uint8_t *input, uint8_t *output);
tl_status tl_op_pad_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_pad(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_STRIDED_COPY (STRIDED_SLICE, TRANSPOSE): 5-D strided gather (TL_STRIDED_COPY_P_*). ---- */

/** Output element (i0..i4) = input element start + sum(ik * steps[k]); counts outermost first. */
typedef struct
{
    int32_t element_size; /**< 1, 2 or 4 bytes. */
    int32_t start;        /**< First element read, in elements from the input's start. */
    int32_t counts[5];    /**< Output extent per dim (>= 0). */
    int32_t steps[5];     /**< Input step per dim in elements (any sign). */
} tl_strided_copy_params;

/** Gathers prod(counts) elements into @p output in order. Every element read must lie in the input. */
tl_status tl_strided_copy(const tl_strided_copy_params *params, const uint8_t *input, uint8_t *output);
tl_status tl_op_strided_copy_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_strided_copy(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_CONCATENATION. Params: TL_CONCATENATION_P_* (outer count, input count n, n chunk bytes). ---- */

/** For each of @p outer rows, copies chunk_bytes[i] bytes of each input i in turn (up to 64 inputs). */
tl_status tl_concatenation(int32_t outer, int32_t input_count, const uint8_t *const *inputs, const int32_t *chunk_bytes,
                           uint8_t *output);
tl_status tl_op_concatenation_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_concatenation(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_QUANTIZE_FLOAT float32 -> int8/int16: q = clamp(roundf(x / scale) + zero_point). ---- */

/** Quantization of float32 to int8 or int16 (roundf: ties away from zero; NaN gives 0, out-of-range saturates). */
typedef struct
{
    int32_t zero_point; /**< Output zero point. */
    float scale;        /**< Output scale (the division is done in float32, as TFLM). */
} tl_affine_quant;

tl_status tl_quantize_f32_s8(const tl_affine_quant *quant, int32_t count, const float *input, int8_t *output);
tl_status tl_quantize_f32_s16(const tl_affine_quant *quant, int32_t count, const float *input, int16_t *output);
tl_status tl_op_quantize_f32_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_quantize_f32(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_REQUANTIZE int8/int16/int32 -> int8/int16/int32. ---- */

/** q_out = clamp(MultiplyByQuantizedMultiplier(q_in - input_zero_point, multiplier, shift) + output_zero_point). */
typedef struct
{
    int32_t input_type;  /**< TL_TYPE_INT8, TL_TYPE_INT16 or TL_TYPE_INT32. */
    int32_t output_type; /**< Same set. */
    int32_t input_zero_point;
    int32_t output_zero_point;
    int32_t multiplier; /**< Q0.31, >= 0. */
    int32_t shift;      /**< [-31, 30], positive = left. */
} tl_requantize_params;

/** Output may be the same buffer as the input when its element is not wider (read before write, in order). */
tl_status tl_requantize(const tl_requantize_params *params, int32_t count, const void *input, void *output);
tl_status tl_op_requantize_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_requantize(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_DEQUANTIZE int8/int16 -> float32: x = scale * (q - zero_point) in float32. ---- */

/** The float32 product is stored with its exact bits (as the managed FloatBits encoder). */
tl_status tl_dequantize_s8_f32(const tl_affine_quant *quant, int32_t count, const int8_t *input, float *output);
tl_status tl_dequantize_s16_f32(const tl_affine_quant *quant, int32_t count, const int16_t *input, float *output);
tl_status tl_op_dequantize_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_dequantize(const tl_op *op, const tl_tensors *tensors);

/* ---- TL_OP_CAST: C static_cast semantics (wrap to narrower ints, nearest float, truncate floats). ---- */

/** Input types bool/int8/int16/int32/uint32/float32; output int8/int16/int32/uint32/float32. */
tl_status tl_cast(int32_t input_type, int32_t output_type, int32_t count, const void *input, void *output);
tl_status tl_op_cast_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_cast(const tl_op *op, const tl_tensors *tensors);

#endif /* TINYLITE_TL_SHAPE_KERNELS_H */
