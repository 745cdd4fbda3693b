/*
 * Private to the DEPTHWISE_CONV_2D int8 kernel (tl_depthwise_conv2d_s8*.c): the fast paths the selector
 * tl_depthwise_conv2d_s8 falls back to when the tiled path (tl_depthwise_conv2d_s8_tiled.c, declared in
 * tl_conv_blocks.h) does not suit: channel by channel (tl_depthwise_conv2d_s8_channel.c) and pixel-major
 * (tl_depthwise_conv2d_s8_pixel_major.c). Both require tl_cv_geometry_fits and validated arguments.
 */
#ifndef TINYLITE_TL_DEPTHWISE_CONV2D_S8_PATHS_H
#define TINYLITE_TL_DEPTHWISE_CONV2D_S8_PATHS_H

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "../tl_dsp.h"

/* Largest filter (f_h * f_w taps) handled pixel by pixel with the tap lists on the stack. */
#define TL_CV_DW_MAX_TAPS 64

void tl_depthwise_s8_channel(const tl_conv_params *params, const tl_conv_dims *input_dims,
                             const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims,
                             const tl_cv_interior *interior, const int8_t *in_channel, const int8_t *w,
                             uint32_t folded_bias, const uint8_t *quant_pair, int8_t *out_channel);

/* Pixel-major path (the selector's choice when channels are many and pixels few). */
void tl_depthwise_s8_pixel_major(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output);

#endif /* TINYLITE_TL_DEPTHWISE_CONV2D_S8_PATHS_H */
