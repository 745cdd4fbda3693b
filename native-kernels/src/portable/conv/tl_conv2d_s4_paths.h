/*
 * Private to the CONV_2D int8 x packed int4 kernel (tl_conv2d_s4*.c): the fast paths the selector tl_conv2d_s4
 * chooses between (tl_conv2d_s4_blocks.c, tl_conv2d_s4_gathered.c; the plain loop nest is tl_conv2d_s4_plain.c),
 * the block dot products they share (tl_conv2d_s4_block_dot.c) and their limits.
 */
#ifndef TINYLITE_TL_CONV2D_S4_PATHS_H
#define TINYLITE_TL_CONV2D_S4_PATHS_H

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "../tl_s4.h"

/* Largest filter (out_c * f_h * f_w * f_c elements) unpacked on the stack: 256 bytes. */
#define TL_S4_CONV_UNPACK_MAX 256
/* Largest filter (f_h * f_w * f_c) of the block path: its scaled sums 16 * sum w * x stay below 2^31. */
#define TL_S4_CONV_MAX_TAPS 65536
/* Largest filter row (f_w * f_c values) an edge pixel gathers on the stack (block path), and largest receptive
   field (f_h * f_w * f_c) of the gathered path: 256 bytes. */
#define TL_S4_CONV_ROW_MAX 256

#define TL_S4_NOINLINE TL_NOINLINE
#define TL_S4_INLINE TL_ALWAYS_INLINE
/* A little-endian int32 of the bias or requantization table: one word load on Arm (tl_dsp_load4). */
static inline int32_t tl_s4_load_i32(const uint8_t *p)
{
    return tl_cv_s32(tl_dsp_load4((const int8_t *)p));
}

/* Requantization of one sum: the clamp as one saturation when it is the whole int8 range. */
static inline int8_t tl_s4_out(uint32_t acc, const uint8_t *quant_pair, const tl_conv_params *params, int full)
{
    const int32_t multiplier = tl_s4_load_i32(quant_pair);
    const int32_t shift = tl_s4_load_i32(quant_pair + 4);
    return full ? tl_cv_out_s8_q_full(acc, multiplier, shift, params->output_offset)
                : tl_cv_out_s8_q(acc, multiplier, shift, params->output_offset, params->act_min, params->act_max);
}

/*
 * A block of @p count (1..4) output channels: weight run j starts at packed element e0 + j * e_step (e_step even,
 * so all runs share e0's parity). Scaled sums (vector part) in scaled[j], unscaled ones (tails, edge taps) in
 * plain[j].
 */
typedef struct
{
    const uint8_t *packed;
    int32_t e_step;
    int32_t count;
} tl_s4_block;

/* Block dot products (tl_conv2d_s4_block_dot.c). */
void tl_s4_block_dot(const tl_s4_block *b, const int8_t *x, int32_t e0, int32_t n, uint32_t *scaled,
                     uint32_t *plain);

/*
 * The block path (any filter; requires tl_cv_geometry_fits and f_h * f_w * f_c <= TL_S4_CONV_MAX_TAPS,
 * tl_conv2d_s4_blocks.c).
 */
void tl_conv2d_s4_blocks(const tl_conv_params *params, const tl_conv_quant *quant,
                         const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                         const uint8_t *filter_packed, const uint8_t *bias, const tl_conv_dims *output_dims,
                         int8_t *output);

/* The gathered path (one group, f_h * f_w * f_c <= TL_S4_CONV_ROW_MAX, -input_offset an int8;
   tl_conv2d_s4_gathered.c). */
void tl_conv2d_s4_gathered(const tl_conv_params *params, const tl_conv_quant *quant,
                           const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                           const uint8_t *filter_packed, const uint8_t *bias, const tl_conv_dims *output_dims,
                           int8_t *output);

#endif /* TINYLITE_TL_CONV2D_S4_PATHS_H */
