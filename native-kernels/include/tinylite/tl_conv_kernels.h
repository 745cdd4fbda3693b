/**
 * @file tl_conv_kernels.h
 * @brief Convolution kernels (codes 100-199): CONV_2D, DEPTHWISE_CONV_2D and TRANSPOSE_CONV, bit-exact with
 * the managed kernels in nf-runtime/src/Kernels/Conv (themselves bit-exact with TFLM's reference_integer_ops).
 *
 * Layouts: activations NHWC; CONV_2D and TRANSPOSE_CONV filters OHWI (out_c, f_h, f_w, f_c); DEPTHWISE_CONV_2D
 * filters channel-major [out_c][f_h][f_w] (the compiler transposes TFLite's [1, f_h, f_w, out_c]). Packed int4:
 * element e is the low nibble of byte e/2 when e is even, the high nibble when odd, sign-extended.
 *
 * Folded bias (int8 activations, CONV_2D and DEPTHWISE_CONV_2D): the compiler stores, per output channel,
 * model bias (0 when none) + input_offset * (sum of the channel's weights), wrapped to int32; it is required.
 * The kernels compute folded bias + sum of w * x over the in-range taps - input_offset * (weights of the taps
 * in the padding), which is TFLM's bias + sum of w * (x + input_offset) over the in-range taps, mod 2^32.
 *
 * Multi-byte tensor data (int16 activations, int32/int64 bias, requantization tables) is passed as
 * little-endian bytes, exactly as it lies in the image and the arena, so the kernels need neither alignment
 * nor a particular host byte order.
 *
 * Each kernel has two layers: the kernel proper (typed arguments, shape checks, returns a tl_status) and the
 * image adapter pair tl_op_<kernel>_validate / tl_op_<kernel> (Params layout of the managed twin; validate
 * performs the same checks as ConvChecks.cs against the tensors' byte sizes; run assumes validation passed).
 * No kernel allocates or keeps state; only the in-place kernels take a caller-given scratch buffer.
 */
#ifndef TINYLITE_TL_CONV_KERNELS_H
#define TINYLITE_TL_CONV_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

#include "tl_op_codes.h"
#include "tl_conv_layouts.h"

/**
 * A 4-D shape. Activations: (batches, height, width, channels). Filters: (output channels, filter height,
 * filter width, filter depth) where filter depth is the input channels per group for CONV_2D, 1 for
 * DEPTHWISE_CONV_2D, the input depth for TRANSPOSE_CONV. Every dimension is in [1, 65535].
 */
typedef struct
{
    int32_t batches;
    int32_t height;
    int32_t width;
    int32_t channels;
} tl_conv_dims;

/** Geometry and quantization constants of one convolution call. */
typedef struct
{
    int32_t stride_h;         /**< Vertical stride, >= 1. */
    int32_t stride_w;         /**< Horizontal stride, >= 1. */
    int32_t dilation_h;       /**< Vertical dilation, >= 1 (ignored by TRANSPOSE_CONV). */
    int32_t dilation_w;       /**< Horizontal dilation, >= 1 (ignored by TRANSPOSE_CONV). */
    int32_t pad_top;          /**< Rows of implicit zero padding above the input, >= 0. */
    int32_t pad_left;         /**< Columns of implicit zero padding left of the input, >= 0. */
    int32_t depth_multiplier; /**< DEPTHWISE_CONV_2D only: output channels per input channel, >= 1. */
    int32_t input_offset;     /**< -input zero point, in [-65536, 65536]; 0 for int16 kernels. */
    int32_t output_offset;    /**< Output zero point, in [-65536, 65536]; 0 for int16 kernels. */
    int32_t act_min;          /**< Lower output clamp (quantized; fused activation included). */
    int32_t act_max;          /**< Upper output clamp, >= act_min, within the output type's range. */
} tl_conv_params;

/**
 * Per-output-channel requantization: @c table holds, for each output channel, two little-endian int32:
 * a Q0.31 multiplier in [0, 2^31) and a shift in [-31, 31] (positive = left), as in the image.
 */
typedef struct
{
    const uint8_t *table;
} tl_conv_quant;

/** Bias element type accepted by the int16 kernels: none, int32 or int64 (little-endian bytes). */
typedef enum
{
    TL_CONV_BIAS_NONE = 0,
    TL_CONV_BIAS_INT32 = 4,
    TL_CONV_BIAS_INT64 = 8
} tl_conv_bias_type;

/* ---------------------------------------------------------------------------------------------------------
 * CONV_2D. Output (b, y, x, oc) = requant(bias[oc] + sum over taps inside the input of
 * w[oc, fy, fx, k] * (in[b, y*stride_h - pad_top + fy*dilation_h, x*stride_w - pad_left + fx*dilation_w,
 * g*f_c + k] + input_offset)), where g = oc / (out_c / groups) and groups = in_c / f_c.
 * Shape checks: all dimensions >= 1, batches equal, in_c a multiple of f_c, out_c a multiple of the group
 * count, output channels = filter output channels; otherwise TL_ERR_PARAMS and nothing is written.
 * ------------------------------------------------------------------------------------------------------- */

/**
 * CONV_2D, int8 activations, int8 weights, folded int32 bias (little-endian, required), int32 accumulator
 * (wrapping like TFLM's). Chooses a fast path (1x1 GEMM, interior blocks with the input offset folded into the
 * bias) when the shape allows; always the same bytes as tl_conv2d_s8_plain.
 * @return TL_OK, TL_ERR_ARGUMENT (NULL pointer, bias included) or TL_ERR_PARAMS (inconsistent shapes, or a
 * window reaching 2^29 or more: (out - 1) * stride or dilation * (filter - 1)).
 */
tl_status tl_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                       const tl_conv_dims *output_dims, int8_t *output);

/** The plain loop nest of tl_conv2d_s8 (the managed kernel's order); the reference for its fast paths. */
tl_status tl_conv2d_s8_plain(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                             const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                             const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

/** CONV_2D with packed int4 weights (OHWI element order), folded int32 bias; otherwise as tl_conv2d_s8. */
tl_status tl_conv2d_s4(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                       const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

/**
 * CONV_2D, int16 activations (little-endian bytes), int8 weights, offsets 0. int64 bias or none: int64
 * accumulator and TFLM's int64 requantization; int32 bias: the int32 (wrapping) sum and the int32 one.
 */
tl_status tl_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                        const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                        const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                        uint8_t *output);

/* ---------------------------------------------------------------------------------------------------------
 * DEPTHWISE_CONV_2D. Output channel oc = ic * depth_multiplier + m reads input channel ic only:
 * requant(bias[oc] + sum over taps inside the input of w[oc, fy, fx] * (in[b, y', x', ic] + input_offset)).
 * Shape checks: dimensions >= 1, batches equal, out_c = in_c * depth_multiplier = filter output channels,
 * filter depth 1.
 * ------------------------------------------------------------------------------------------------------- */

/**
 * DEPTHWISE_CONV_2D, int8 activations and weights, folded int32 bias (required). Chooses a fast path (channel-major
 * traversal with hoisted tap bounds, input offset folded into the bias for interior pixels, a register-held
 * 3x3 filter) when it pays; always the same bytes as tl_depthwise_conv2d_s8_plain.
 */
tl_status tl_depthwise_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output);

/** The plain loop nest of tl_depthwise_conv2d_s8 (the managed kernel's order). */
tl_status tl_depthwise_conv2d_s8_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                       const tl_conv_dims *output_dims, int8_t *output);

/** DEPTHWISE_CONV_2D with packed int4 weights (channel-major element order), folded int32 bias; otherwise as
    the int8 kernel. */
tl_status tl_depthwise_conv2d_s4(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const uint8_t *filter_packed, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output);

/** DEPTHWISE_CONV_2D, int16 activations (little-endian), int8 weights, optional int64 bias, int64 accumulator. */
tl_status tl_depthwise_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                                  const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                  uint8_t *output);

/* ---------------------------------------------------------------------------------------------------------
 * TRANSPOSE_CONV (gather form of TFLM's scatter): output (y, x) sums w[oc, fy, fx, k] * (in[iy, ix, k] +
 * input_offset) over every (iy, fy) with iy * stride_h - pad_top + fy = y inside the input (likewise x).
 * Dilation fields are ignored. Shape checks: dimensions >= 1, batches equal, filter depth = input depth,
 * filter output channels = output channels.
 * ------------------------------------------------------------------------------------------------------- */

/** TRANSPOSE_CONV, int8 activations and weights, optional int32 bias, int32 accumulator. */
tl_status tl_transpose_conv2d_s8(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output);

/** TRANSPOSE_CONV, int16 activations (little-endian), int8 weights, optional int64 bias, int64 accumulator. */
tl_status tl_transpose_conv2d_s16(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                                  const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                  uint8_t *output);

/* ---------------------------------------------------------------------------------------------------------
 * In-place kernels (the memory plan puts the output at the input's address; twins of
 * PointwiseConvS8InPlace.cs, PointwiseConvS4InPlace.cs, PointwiseConvS16InPlace.cs, DepthwiseConvS8InPlace.cs,
 * DepthwiseConvS4InPlace.cs).
 * @p data holds the input on entry and the output on return; @p scratch must not overlap @p data. Same bytes
 * as the out-of-place kernels. Shape checks: those of the out-of-place kernel plus the restrictions below;
 * otherwise TL_ERR_PARAMS and nothing is written.
 * ------------------------------------------------------------------------------------------------------- */

/**
 * CONV_2D 1x1 (filter 1x1 over the whole input depth, strides 1, paddings 0, output height and width = the
 * input's), int8, folded int32 bias (required), in place. Pixel by pixel: the out_c results of a pixel go to
 * @p scratch (out_c bytes), then over the output pixel; forward when out_c <= in_c, backward otherwise, so no
 * input pixel is overwritten before it is read.
 */
tl_status tl_pointwise_conv_s8_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                        const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                        int8_t *data, int8_t *scratch);

/** tl_pointwise_conv_s8_in_place with packed int4 weights (flat element e: low nibble of byte e/2 when e is even,
    high nibble when odd, sign-extended), the arithmetic of tl_conv2d_s4; @p scratch holds out_c bytes. */
tl_status tl_pointwise_conv_s4_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                        const uint8_t *filter_packed, const uint8_t *bias,
                                        const tl_conv_dims *output_dims, int8_t *data, int8_t *scratch);

/** tl_pointwise_conv_s8_in_place for int16 activations (little-endian) with the arithmetic of tl_conv2d_s16;
    @p scratch holds out_c * 2 bytes. */
tl_status tl_pointwise_conv_s16_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                         const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                         const int8_t *filter, const uint8_t *bias, tl_conv_bias_type bias_type,
                                         const tl_conv_dims *output_dims, uint8_t *data, uint8_t *scratch);

/**
 * DEPTHWISE_CONV_2D, batches 1, depth multiplier 1, int8, folded int32 bias (required), in place, any stride,
 * dilation and padding. Channel by channel: channel c's out_h * out_w results go to @p scratch (out_h * out_w
 * bytes), then over channel c of the tensor, which only output channel c reads.
 */
tl_status tl_depthwise_conv2d_s8_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                          const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                          const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                          int8_t *data, int8_t *scratch);

/** tl_depthwise_conv2d_s8_in_place with packed int4 weights (channel-major element order). */
tl_status tl_depthwise_conv2d_s4_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                          const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                          const uint8_t *filter_packed, const uint8_t *bias,
                                          const tl_conv_dims *output_dims, int8_t *data, int8_t *scratch);

/* ---------------------------------------------------------------------------------------------------------
 * Image adapters. Params layouts are those of the managed kernels (ConvS8.cs, DepthwiseConvS8.cs,
 * TransposeConvS8.cs). *_validate returns TL_OK or TL_ERR_PARAMS; the run functions require a validated op.
 * ------------------------------------------------------------------------------------------------------- */

tl_status tl_op_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_conv2d_s8(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_conv2d_s4(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_conv2d_s16(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_depthwise_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_depthwise_conv2d_s8(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_depthwise_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_depthwise_conv2d_s4(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_depthwise_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_depthwise_conv2d_s16(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_transpose_conv2d_s8_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_transpose_conv2d_s8(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_transpose_conv2d_s16_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_transpose_conv2d_s16(const tl_op *op, const tl_tensors *tensors);
/* In-place records: outputs [output (at the input's address), scratch]; Params as the out-of-place twin. */
tl_status tl_op_pointwise_conv_s8_in_place_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_pointwise_conv_s8_in_place(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_pointwise_conv_s4_in_place_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_pointwise_conv_s4_in_place(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_pointwise_conv_s16_in_place_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_pointwise_conv_s16_in_place(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_depthwise_conv2d_s8_in_place_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_depthwise_conv2d_s8_in_place(const tl_op *op, const tl_tensors *tensors);
tl_status tl_op_depthwise_conv2d_s4_in_place_validate(const tl_op *op, const tl_tensors *tensors);
void tl_op_depthwise_conv2d_s4_in_place(const tl_op *op, const tl_tensors *tensors);

#endif /* TINYLITE_TL_CONV_KERNELS_H */
