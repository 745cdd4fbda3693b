/*
 * Private declarations of the int16 CONV_2D kernels: the plain loop nest (the managed kernel's order), which the
 * tests compare the fast path of tl_conv2d_s16 with, and the output step they share with the in-place 1x1 kernel.
 */
#ifndef TINYLITE_TL_CONV_S16_H
#define TINYLITE_TL_CONV_S16_H

#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"
#include "tl_conv_common.h"

/** tl_conv2d_s16 without fast paths: same arguments, checks, statuses and output bytes. */
tl_status tl_conv2d_s16_plain(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                              const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                              const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                              uint8_t *output);

/** Bias, requantization and clamp of output channel @p out_ch's int64 sum, stored at @p out (the int16 CONV_2D
    paths and the in-place 1x1 kernel): TFLM's int64 path, or its int32 one (wrapping) with an int32 bias.
    Out of line (tl_conv2d_s16_store.c): it is the paths' slow case, and inlined into their loops it cost the int16
    row-run path up to 5.5% more instructions on Cortex-M4 through register pressure. */
void tl_conv2d_s16_store(uint8_t *out, int64_t acc, int32_t out_ch, const uint8_t *table, const uint8_t *bias,
                         tl_conv_bias_type bias_type, int32_t act_min, int32_t act_max);

#endif /* TINYLITE_TL_CONV_S16_H */
