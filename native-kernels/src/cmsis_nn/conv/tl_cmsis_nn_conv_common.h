/*
 * Pieces shared by the CMSIS-NN convolution adapters (CONV_2D s8 and s4, DEPTHWISE_CONV_2D s8 and s4), whose Params
 * use the layout of nf-runtime's ConvS8 / DepthwiseConvS8 (same indices for the spatial fields).
 */
#ifndef TINYLITE_TL_CMSIS_NN_CONV_COMMON_H
#define TINYLITE_TL_CMSIS_NN_CONV_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"
#include "../tl_cmsis_nn_overlap.h"

/* Word reinterpretation without signed-overflow or conversion surprises. */
static inline int32_t tl_cmsis_s32(uint32_t u)
{
    return u <= 0x7FFFFFFFu ? (int32_t)u : (int32_t)(u - 0x80000000u) - 0x7FFFFFFF - 1;
}

/* Decodes CONV_2D Params (ConvS8's layout, shared by ConvS4) into CMSIS-NN's structures. */
static inline void tl_cmsis_conv_decode(const int32_t *p, cmsis_nn_conv_params *conv, cmsis_nn_dims *input_dims,
                                        cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[0];
    input_dims->h = p[1];
    input_dims->w = p[2];
    input_dims->c = p[3];
    filter_dims->n = p[9];
    filter_dims->h = p[4];
    filter_dims->w = p[5];
    filter_dims->c = p[6];
    output_dims->n = p[0];
    output_dims->h = p[7];
    output_dims->w = p[8];
    output_dims->c = p[9];
    conv->stride.h = p[10];
    conv->stride.w = p[11];
    conv->dilation.h = p[12];
    conv->dilation.w = p[13];
    conv->padding.h = p[14];
    conv->padding.w = p[15];
    conv->input_offset = p[16];
    conv->output_offset = p[17];
    conv->activation.min = p[18];
    conv->activation.max = p[19];
}

/* Decodes DEPTHWISE_CONV_2D Params (DepthwiseConvS8's layout, shared by DepthwiseConvS4) into CMSIS-NN's structures. */
static inline void tl_cmsis_dw_decode(const int32_t *p, cmsis_nn_dw_conv_params *dw, cmsis_nn_dims *input_dims,
                                      cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[0];
    input_dims->h = p[1];
    input_dims->w = p[2];
    input_dims->c = p[3];
    filter_dims->n = 1;
    filter_dims->h = p[4];
    filter_dims->w = p[5];
    filter_dims->c = p[9];
    output_dims->n = p[0];
    output_dims->h = p[7];
    output_dims->w = p[8];
    output_dims->c = p[9];
    dw->ch_mult = p[6];
    dw->stride.h = p[10];
    dw->stride.w = p[11];
    dw->dilation.h = p[12];
    dw->dilation.w = p[13];
    dw->padding.h = p[14];
    dw->padding.w = p[15];
    dw->input_offset = p[16];
    dw->output_offset = p[17];
    dw->activation.min = p[18];
    dw->activation.max = p[19];
}

/* 1 when every tap of every output pixel lies inside the input (so the folded bias can be used as is).
   Validated geometry: all terms are at most 65535 and the products fit int64. */
static inline int tl_cmsis_conv_no_padding_taps(const int32_t *p)
{
    const int64_t last_y = (int64_t)(p[7] - 1) * p[10] + (int64_t)(p[4] - 1) * p[12];
    const int64_t last_x = (int64_t)(p[8] - 1) * p[11] + (int64_t)(p[5] - 1) * p[13];
    return p[14] == 0 && p[15] == 0 && last_y < p[1] && last_x < p[2];
}

/* TL_OK when the validated record's second output, the scratch, is 4-aligned and holds at least @p needed bytes
   (what the linked CMSIS-NN asks for plus the adapter's own arrays). */
static inline tl_status tl_cmsis_scratch_check(const tl_op *op, const tl_tensors *tensors, int64_t needed)
{
    const uint8_t *scratch = tl_tensor_data(tensors, op->outputs[1]);
    return scratch == NULL || tl_tensor_bytes(tensors, op->outputs[1]) < needed || ((uintptr_t)scratch & 3u) != 0
               ? TL_ERR_PARAMS
               : TL_OK;
}

/* 1 when the validated record's scratch (second output) shares no byte with its input or output. Compiled images
   never overlap them (the scratch lives only during its operator); an edited one could, and CMSIS-NN copies the
   input into the scratch with memcpy (undefined for overlapping ranges): such records run the reference kernel. */
static inline int tl_cmsis_scratch_apart(const tl_op *op, const tl_tensors *tensors)
{
    const uint8_t *scratch = tl_tensor_data(tensors, op->outputs[1]);
    const int32_t bytes = tl_tensor_bytes(tensors, op->outputs[1]);
    return !tl_cmsis_overlap(scratch, bytes, tl_tensor_data(tensors, op->inputs[0]),
                             tl_tensor_bytes(tensors, op->inputs[0])) &&
           !tl_cmsis_overlap(scratch, bytes, tl_tensor_data(tensors, op->outputs[0]),
                             tl_tensor_bytes(tensors, op->outputs[0]));
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
