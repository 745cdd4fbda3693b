/*
 * Private to the CONV_2D int8 x packed int4 kernel (tl_conv2d_s4*.c): the fast paths the selector tl_conv2d_s4
 * chooses between (tl_conv2d_s4_blocks.c, tl_conv2d_s4_gathered.c; the plain loop nest is tl_conv2d_s4_plain.c),
 * the block dot products they share (tl_s4_block_dot below over the loops of tl_conv2d_s4_block_dot.c) and their
 * limits.
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

/* The block dot loops, one per weight parity (tl_conv2d_s4_block_dot.c): two runs at a time, or one. */
void tl_s4_dot2_even(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, uint32_t *acc);
void tl_s4_dot2_odd(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, uint32_t *acc);
uint32_t tl_s4_dot1_even(const int8_t *x, const uint8_t *w, int32_t groups, uint32_t acc);
uint32_t tl_s4_dot1_odd(const int8_t *x, const uint8_t *w, int32_t groups, uint32_t acc);

/*
 * Adds the products of the @p n input values at @p x with each block run from element @p e0 (w * x; the first
 * value of an odd run and the last n % 8 values one by one, the rest eight at a time, scaled). Here, not in
 * tl_conv2d_s4_block_dot.c, so that the compiler can inline it into the paths' loops, as it did before the split
 * (an out-of-line call cost the kws-shaped int4 convolutions 2% more instructions).
 */
static inline void tl_s4_block_dot(const tl_s4_block *b, const int8_t *x, int32_t e0, int32_t n, uint32_t *scaled,
                                   uint32_t *plain)
{
    const int32_t row = b->e_step >> 1;
    int32_t groups;
    int32_t rest;
    int32_t j;
    int odd = e0 & 1;
    if (odd && n < 8)
    {
        odd = 0;
        groups = 0;
        rest = n;
    }
    else
    {
        groups = n >> 3;
        rest = n & 7;
    }
    if (groups > 0)
    {
        const uint8_t *w = b->packed + (e0 >> 1);
        /* Runs two at a time, then the last one alone. */
        for (j = 0; j + 2 <= b->count; j += 2)
        {
            (odd ? tl_s4_dot2_odd : tl_s4_dot2_even)(x, w + j * row, row, groups, scaled + j);
        }
        if (j < b->count)
        {
            scaled[j] = (odd ? tl_s4_dot1_odd : tl_s4_dot1_even)(x, w + j * row, groups, scaled[j]);
        }
    }
    if (rest > 0)
    {
        /* The values after the whole groups, nibbles read one by one. */
        const int32_t from = groups * 8;
        for (j = 0; j < b->count; j++)
        {
            const int32_t e = e0 + j * b->e_step + from;
            uint32_t sum = plain[j];
            int32_t i;
            for (i = 0; i < rest; i++)
            {
                sum += (uint32_t)(tl_cv_load_i4(b->packed, e + i) * x[from + i]);
            }
            plain[j] = sum;
        }
    }
}

/*
 * The block path (any filter; requires tl_cv_geometry_fits and f_h * f_w * f_c <= TL_S4_CONV_MAX_TAPS,
 * tl_conv2d_s4_blocks.c).
 */
void tl_conv2d_s4_blocks(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                         const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                         const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

/* The gathered path (one group, f_h * f_w * f_c <= TL_S4_CONV_ROW_MAX, -input_offset an int8;
   tl_conv2d_s4_gathered.c). */
void tl_conv2d_s4_gathered(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                           const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                           const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

#endif /* TINYLITE_TL_CONV2D_S4_PATHS_H */
