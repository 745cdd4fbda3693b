/*
 * Private building blocks of the conv fast paths: hoisted tap bounds and int8 dot products that share loads
 * between two channels and/or two pixels. Sums are uint32 (wrapping like C#'s int32); every product
 * w * x of two int8 values fits int32.
 */
#ifndef TINYLITE_TL_CONV_BLOCKS_H
#define TINYLITE_TL_CONV_BLOCKS_H

#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"

/** Output rows [y_begin, y_end) and columns [x_begin, x_end) whose receptive field lies inside the input. */
typedef struct
{
    int32_t y_begin;
    int32_t y_end;
    int32_t x_begin;
    int32_t x_end;
} tl_cv_interior;

/** The taps of one output pixel that lie inside the input: in_y/in_x = top-left input coordinate (may be
    negative), filter rows [fy_begin, fy_end), columns [fx_begin, fx_end). */
typedef struct
{
    int32_t in_y;
    int32_t in_x;
    int32_t fy_begin;
    int32_t fy_end;
    int32_t fx_begin;
    int32_t fx_end;
} tl_cv_window;

/**
 * True when no coordinate of the plain loop nest can leave the int32 range ((out-1)*stride + (f-1)*dilation
 * < 2^31 on both axes), so hoisted bounds computed here select exactly the taps the plain path tests one by one.
 */
static inline int tl_cv_geometry_fits(const tl_conv_params *params, const tl_conv_dims *input_dims,
                                      const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims)
{
    int64_t reach_y =
        (int64_t)(output_dims->height - 1) * params->stride_h + (int64_t)(filter_dims->height - 1) * params->dilation_h;
    int64_t reach_x =
        (int64_t)(output_dims->width - 1) * params->stride_w + (int64_t)(filter_dims->width - 1) * params->dilation_w;
    (void)input_dims;
    return reach_y <= INT32_MAX && reach_x <= INT32_MAX;
}

/* First tap index t >= 0 with origin + t * step >= 0, and one past the last with origin + t * step < size,
   clamped to [0, taps]; begin <= end. Under tl_cv_geometry_fits, origin lies in [-65535, 2^31) and size in
   [1, 65535], so every intermediate below fits int32 (32-bit divisions: no library call on Cortex-M). */
static inline void tl_cv_tap_range(int32_t origin, int32_t step, int32_t size, int32_t taps, int32_t *begin,
                                   int32_t *end)
{
    int32_t b = origin < 0 ? (step - 1 - origin) / step : 0;
    int32_t e = size - origin <= 0 ? 0 : (size - origin + step - 1) / step;
    if (e > taps)
    {
        e = taps;
    }
    if (b > e)
    {
        b = e;
    }
    *begin = b;
    *end = e;
}

/** The in-range taps of output pixel (out_y, out_x); requires tl_cv_geometry_fits. */
static inline void tl_cv_window_of(const tl_conv_params *params, int32_t in_h, int32_t in_w, int32_t f_h, int32_t f_w,
                                   int32_t out_y, int32_t out_x, tl_cv_window *win)
{
    /* Under tl_cv_geometry_fits out * stride < 2^31. */
    int32_t origin_y = out_y * params->stride_h - params->pad_top;
    int32_t origin_x = out_x * params->stride_w - params->pad_left;
    win->in_y = origin_y;
    win->in_x = origin_x;
    tl_cv_tap_range(origin_y, params->dilation_h, in_h, f_h, &win->fy_begin, &win->fy_end);
    tl_cv_tap_range(origin_x, params->dilation_w, in_w, f_w, &win->fx_begin, &win->fx_end);
}

/* Outputs [begin, end) along one axis whose whole filter extent lies inside [0, size). */
static inline void tl_cv_interior_axis(int32_t pad, int32_t stride, int32_t dilation, int32_t size, int32_t taps,
                                       int32_t outputs, int32_t *begin, int32_t *end)
{
    /* out * stride - pad >= 0 and out * stride - pad + (taps - 1) * dilation <= size - 1. */
    int64_t last_origin = (int64_t)size - 1 - (int64_t)(taps - 1) * dilation;
    int64_t b = ((int64_t)pad + stride - 1) / stride;
    int64_t e = last_origin + pad < 0 ? 0 : (last_origin + pad) / stride + 1;
    if (e > outputs)
    {
        e = outputs;
    }
    if (b > e)
    {
        b = e;
    }
    *begin = (int32_t)b;
    *end = (int32_t)e;
}

static inline void tl_cv_interior_range(const tl_conv_params *params, int32_t in_h, int32_t in_w, int32_t f_h,
                                        int32_t f_w, int32_t out_h, int32_t out_w, tl_cv_interior *interior)
{
    tl_cv_interior_axis(params->pad_top, params->stride_h, params->dilation_h, in_h, f_h, out_h, &interior->y_begin,
                        &interior->y_end);
    tl_cv_interior_axis(params->pad_left, params->stride_w, params->dilation_w, in_w, f_w, out_w, &interior->x_begin,
                        &interior->x_end);
}

/** Sum of @p n int8 weights, mod 2^32. */
static inline uint32_t tl_cv_sum_s8(const int8_t *w, int32_t n)
{
    uint32_t sum = 0;
    int32_t k;
    for (k = 0; k < n; k++)
    {
        sum += (uint32_t)(int32_t)w[k];
    }
    return sum;
}

/**
 * The tiled depthwise int8 path (tl_depthwise_conv2d_s8_tiled.c), shared with the in-place kernel: input channels
 * [ch_begin, ch_end), output channel o of output pixel i (row-major) at output[i * out_px_stride + o *
 * out_ch_stride]. Requires validated shapes and tl_cv_geometry_fits. Returns 0 without writing anything when the
 * shape does not suit it (dilation, an input offset outside [-127, 128], a window over the tile buffer).
 */
int tl_depthwise_s8_tiled(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                          const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                          const uint8_t *bias, const tl_conv_dims *output_dims, int32_t ch_begin, int32_t ch_end,
                          int8_t *output, int32_t out_px_stride, int32_t out_ch_stride);

/**
 * 1 when tl_depthwise_s8_tiled takes the shape and covers the whole output with one tile: each input channel is
 * then copied into the tile before any output of that channel is written, so the output may be the input itself
 * (depth multiplier 1, one batch). Requires validated shapes and tl_cv_geometry_fits.
 */
int tl_depthwise_s8_one_tile(const tl_conv_params *params, const tl_conv_dims *input_dims,
                             const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims);

#endif /* TINYLITE_TL_CONV_BLOCKS_H */
