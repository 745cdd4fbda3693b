/*
 * Private declarations of the int16 CONV_2D kernel: the plain loop nest (the managed kernel's order), which the
 * tests compare the fast path of tl_conv2d_s16 with.
 */
#ifndef TINYLITE_TL_CONV_S16_H
#define TINYLITE_TL_CONV_S16_H

#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"

/** tl_conv2d_s16 without fast paths: same arguments, checks, statuses and output bytes. */
tl_status tl_conv2d_s16_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                              const tl_conv_dims *input_dims, const uint8_t *input, const tl_conv_dims *filter_dims,
                              const int8_t *filter, const uint8_t *bias, tl_conv_bias_type bias_type,
                              const tl_conv_dims *output_dims, uint8_t *output);

#endif /* TINYLITE_TL_CONV_S16_H */
