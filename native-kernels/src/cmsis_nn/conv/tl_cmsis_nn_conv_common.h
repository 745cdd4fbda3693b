/*
 * Pieces shared by the CMSIS-NN convolution adapters (CONV_2D s8, s4 and s16, DEPTHWISE_CONV_2D s8, s4 and s16), whose
 * Params use the conv and depthwise_conv layouts (tl_conv_layouts.h; the same indexes for the spatial fields, which
 * portable/conv/tl_conv_record_checks.c checks at compile time).
 */
#ifndef TINYLITE_TL_CMSIS_NN_CONV_COMMON_H
#define TINYLITE_TL_CMSIS_NN_CONV_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_conv_layouts.h"
#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"
#include "../tl_cmsis_nn_overlap.h"

/* Word reinterpretation without signed-overflow or conversion surprises. */
static inline int32_t tl_cmsis_s32(uint32_t u)
{
    return u <= 0x7FFFFFFFu ? (int32_t)u : (int32_t)(u - 0x80000000u) - 0x7FFFFFFF - 1;
}

/* Decodes CONV_2D Params (the conv layout) into CMSIS-NN's structures. */
static inline void tl_cmsis_conv_decode(const int32_t *p, cmsis_nn_conv_params *conv, cmsis_nn_dims *input_dims,
                                        cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[TL_CONV_P_BATCHES];
    input_dims->h = p[TL_CONV_P_INPUT_HEIGHT];
    input_dims->w = p[TL_CONV_P_INPUT_WIDTH];
    input_dims->c = p[TL_CONV_P_INPUT_DEPTH];
    filter_dims->n = p[TL_CONV_P_OUTPUT_DEPTH];
    filter_dims->h = p[TL_CONV_P_FILTER_HEIGHT];
    filter_dims->w = p[TL_CONV_P_FILTER_WIDTH];
    filter_dims->c = p[TL_CONV_P_FILTER_DEPTH];
    output_dims->n = p[TL_CONV_P_BATCHES];
    output_dims->h = p[TL_CONV_P_OUTPUT_HEIGHT];
    output_dims->w = p[TL_CONV_P_OUTPUT_WIDTH];
    output_dims->c = p[TL_CONV_P_OUTPUT_DEPTH];
    conv->stride.h = p[TL_CONV_P_STRIDE_HEIGHT];
    conv->stride.w = p[TL_CONV_P_STRIDE_WIDTH];
    conv->dilation.h = p[TL_CONV_P_DILATION_HEIGHT];
    conv->dilation.w = p[TL_CONV_P_DILATION_WIDTH];
    conv->padding.h = p[TL_CONV_P_PADDING_TOP];
    conv->padding.w = p[TL_CONV_P_PADDING_LEFT];
    conv->input_offset = p[TL_CONV_P_INPUT_OFFSET];
    conv->output_offset = p[TL_CONV_P_OUTPUT_OFFSET];
    conv->activation.min = p[TL_CONV_P_ACTIVATION_MIN];
    conv->activation.max = p[TL_CONV_P_ACTIVATION_MAX];
}

/* Decodes DEPTHWISE_CONV_2D Params (the depthwise_conv layout) into CMSIS-NN's structures. */
static inline void tl_cmsis_dw_decode(const int32_t *p, cmsis_nn_dw_conv_params *dw, cmsis_nn_dims *input_dims,
                                      cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[TL_DEPTHWISE_CONV_P_BATCHES];
    input_dims->h = p[TL_DEPTHWISE_CONV_P_INPUT_HEIGHT];
    input_dims->w = p[TL_DEPTHWISE_CONV_P_INPUT_WIDTH];
    input_dims->c = p[TL_DEPTHWISE_CONV_P_INPUT_DEPTH];
    filter_dims->n = 1;
    filter_dims->h = p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT];
    filter_dims->w = p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    filter_dims->c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    output_dims->n = p[TL_DEPTHWISE_CONV_P_BATCHES];
    output_dims->h = p[TL_DEPTHWISE_CONV_P_OUTPUT_HEIGHT];
    output_dims->w = p[TL_DEPTHWISE_CONV_P_OUTPUT_WIDTH];
    output_dims->c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    dw->ch_mult = p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER];
    dw->stride.h = p[TL_DEPTHWISE_CONV_P_STRIDE_HEIGHT];
    dw->stride.w = p[TL_DEPTHWISE_CONV_P_STRIDE_WIDTH];
    dw->dilation.h = p[TL_DEPTHWISE_CONV_P_DILATION_HEIGHT];
    dw->dilation.w = p[TL_DEPTHWISE_CONV_P_DILATION_WIDTH];
    dw->padding.h = p[TL_DEPTHWISE_CONV_P_PADDING_TOP];
    dw->padding.w = p[TL_DEPTHWISE_CONV_P_PADDING_LEFT];
    dw->input_offset = p[TL_DEPTHWISE_CONV_P_INPUT_OFFSET];
    dw->output_offset = p[TL_DEPTHWISE_CONV_P_OUTPUT_OFFSET];
    dw->activation.min = p[TL_DEPTHWISE_CONV_P_ACTIVATION_MIN];
    dw->activation.max = p[TL_DEPTHWISE_CONV_P_ACTIVATION_MAX];
}

/* 1 when every tap of every output pixel lies inside the input (so the folded bias can be used as is), for a CONV_2D
   or DEPTHWISE_CONV_2D record. Validated geometry: all terms are at most 65535 and the products fit int64. */
static inline int tl_cmsis_conv_no_padding_taps(const int32_t *p)
{
    const int64_t last_y = (int64_t)(p[TL_CONV_P_OUTPUT_HEIGHT] - 1) * p[TL_CONV_P_STRIDE_HEIGHT] +
                           (int64_t)(p[TL_CONV_P_FILTER_HEIGHT] - 1) * p[TL_CONV_P_DILATION_HEIGHT];
    const int64_t last_x = (int64_t)(p[TL_CONV_P_OUTPUT_WIDTH] - 1) * p[TL_CONV_P_STRIDE_WIDTH] +
                           (int64_t)(p[TL_CONV_P_FILTER_WIDTH] - 1) * p[TL_CONV_P_DILATION_WIDTH];
    return p[TL_CONV_P_PADDING_TOP] == 0 && p[TL_CONV_P_PADDING_LEFT] == 0 && last_y < p[TL_CONV_P_INPUT_HEIGHT] &&
           last_x < p[TL_CONV_P_INPUT_WIDTH];
}

/* TL_OK when the validated record's second output, the scratch, is 4-aligned and holds at least @p needed bytes
   (what the linked CMSIS-NN asks for plus the adapter's own arrays). */
static inline tl_status tl_cmsis_scratch_check(const tl_op *op, const tl_tensors *tensors, int64_t needed)
{
    const uint8_t *scratch = tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    return scratch == NULL || tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_SCRATCH]) < needed ||
                   ((uintptr_t)scratch & 3u) != 0
               ? TL_ERR_PARAMS
               : TL_OK;
}

/* 1 when the validated record's scratch (second output) shares no byte with its input or output. Compiled images
   never overlap them (the scratch lives only during its operator); an edited one could, and CMSIS-NN copies the
   input into the scratch with memcpy (undefined for overlapping ranges): such records run the portable kernel. */
static inline int tl_cmsis_scratch_apart(const tl_op *op, const tl_tensors *tensors)
{
    const uint8_t *scratch = tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    const int32_t bytes = tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    return !tl_cmsis_overlap(scratch, bytes, tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]),
                             tl_tensor_bytes(tensors, op->inputs[TL_CONV_IN_INPUT])) &&
           !tl_cmsis_overlap(scratch, bytes, tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]),
                             tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}

/* Splits the image's interleaved (multiplier, shift) pairs of @p out_c channels into CMSIS-NN's two arrays. */
static inline void tl_cmsis_split_quant(const int32_t *pairs, int32_t out_c, int32_t *multipliers, int32_t *shifts)
{
    int32_t ch;
    for (ch = 0; ch < out_c; ch++)
    {
        multipliers[ch] = pairs[2 * ch];
        shifts[ch] = pairs[2 * ch + 1];
    }
}

#endif
