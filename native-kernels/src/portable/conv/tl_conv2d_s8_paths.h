/*
 * Private to the CONV_2D int8 kernel (tl_conv2d_s8*.c): the fast paths the selector tl_conv2d_s8 chooses between
 * (tl_conv2d_s8_gathered.c, tl_conv2d_s8_fast.c; the plain loop nest is tl_conv2d_s8_plain.c) and what they share.
 * Both fast paths require tl_cv_geometry_fits and validated arguments (the selector checks them).
 */
#ifndef TINYLITE_TL_CONV2D_S8_PATHS_H
#define TINYLITE_TL_CONV2D_S8_PATHS_H

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "../tl_dsp.h"

/* The dot products are kept out of line: inlined into the large loop nests, they compete for registers with
   the nest's own state and the compiler spills their pointers (measured on Cortex-M4). */
#define TL_CV_NOINLINE TL_NOINLINE

/* Largest receptive field (f_h * f_w * f_c) gathered into the two int16 columns on the stack (1 KB). */
#define TL_CV_IM2COL_MAX 256

/*
 * Puts every full group of four gathered (or widened) values in the order (0, 2, 1, 3): one 4-byte load of the
 * int16 values is then the pair (v0, v2) and the next (v1, v3), the pairs the even and odd bytes of a 4-byte
 * weight load widen into (tl_dsp_sxtb16 / _odd).
 */
static inline void tl_conv_s8_quad_order(int16_t *col, int32_t n)
{
    int16_t *end = col + (n & ~3);
    for (; col != end; col += 4)
    {
        int16_t t = col[1];
        col[1] = col[2];
        col[2] = t;
    }
}

/*
 * The gathered path (tl_conv2d_s8_gathered.c), for receptive fields of at most TL_CV_IM2COL_MAX values without
 * groups and |input_offset| <= 32767: output pixels two at a time gathered into int16 columns.
 */
void tl_conv2d_s8_gathered(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                           const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                           const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output);

/*
 * The general fast path (tl_conv2d_s8_fast.c): channel pairs outermost, interior pixel pairs with the input offset
 * folded into the bias, 1x1 filters as a matrix product.
 */
void tl_conv2d_s8_fast(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                       const tl_conv_dims *output_dims, int8_t *output);

#endif /* TINYLITE_TL_CONV2D_S8_PATHS_H */
