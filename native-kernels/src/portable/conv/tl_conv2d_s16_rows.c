/*
 * CONV_2D int16, the row-run fast path (selected by tl_conv2d_s16): the in-range taps of one filter row are one
 * contiguous run of the input and of the filter, so each row is one dot product. Same bytes as tl_conv2d_s16_plain.
 */
#include "tl_conv2d_s16_paths.h"

/** The in-range taps of one output pixel: @p rows filter rows of @p run consecutive values each. */
typedef struct
{
    const uint8_t *x;    /* first in-range input value */
    int32_t rows;        /* in-range filter rows (0 when no tap is in range) */
    int32_t run;         /* values per row: in-range filter columns times in_c */
    int32_t x_step;      /* bytes from one input row to the next */
    int32_t w_step;      /* weights from one filter row to the next (f_w * in_c) */
    int32_t filter_size; /* weights from one filter to the next */
} tl_s16_window;

/**
 * The exact int64 sums of the filters at @p wa and @p wb (wb may equal wa), both already at the window's first
 * in-range tap, over the window (win->rows >= 1, win->run >= 1). Chunks of at most TL_S16_CHUNK products are
 * summed in uint32 and then widened: whole rows when a row fits a chunk, else pieces of a row.
 */
static TL_S16_NOINLINE void tl_s16_window2(const tl_s16_window *win, const int8_t *wa, const int8_t *wb, int64_t *sum_a,
                                           int64_t *sum_b)
{
    const uint8_t *x = win->x;
    const int32_t run = win->run;
    int64_t sa = 0;
    int64_t sb = 0;
    int32_t row = 0;
    if (run <= TL_S16_CHUNK)
    {
        const int32_t rows_per_chunk = TL_S16_CHUNK / run;
        while (row < win->rows)
        {
            int32_t n = win->rows - row < rows_per_chunk ? win->rows - row : rows_per_chunk;
            uint32_t acc[2] = {0u, 0u};
            row += n;
            for (; n > 0; n--)
            {
                tl_s16_dot2(x, wa, wb, run, acc);
                x += win->x_step;
                wa += win->w_step;
                wb += win->w_step;
            }
            /* Each chunk's uint32 value is its exact sum (see the top of the file). */
            sa += tl_cv_s32(acc[0]);
            sb += tl_cv_s32(acc[1]);
        }
    }
    else
    {
        for (; row < win->rows; row++)
        {
            int32_t done;
            int32_t piece;
            for (done = 0; done < run; done += piece)
            {
                uint32_t acc[2] = {0u, 0u};
                piece = run - done > TL_S16_CHUNK ? TL_S16_CHUNK : run - done;
                tl_s16_dot2(x + done * 2, wa + done, wb + done, piece, acc);
                sa += tl_cv_s32(acc[0]);
                sb += tl_cv_s32(acc[1]);
            }
            x += win->x_step;
            wa += win->w_step;
            wb += win->w_step;
        }
    }
    *sum_a = sa;
    *sum_b = sb;
}

/** tl_s16_window2 for the four filters from @p w (sums[0..3]). */
static TL_S16_NOINLINE TL_S16_NO_PRESCHEDULE void tl_s16_window4(const tl_s16_window *win, const int8_t *w,
                                                                 int64_t *sums)
{
    const uint8_t *x = win->x;
    const int32_t run = win->run;
    const int32_t fs = win->filter_size;
    int64_t s0 = 0;
    int64_t s1 = 0;
    int64_t s2 = 0;
    int64_t s3 = 0;
    int32_t row = 0;
    if (run <= TL_S16_CHUNK)
    {
        const int32_t rows_per_chunk = TL_S16_CHUNK / run;
        while (row < win->rows)
        {
            int32_t n = win->rows - row < rows_per_chunk ? win->rows - row : rows_per_chunk;
            uint32_t acc[4] = {0u, 0u, 0u, 0u};
            row += n;
            for (; n > 0; n--)
            {
                tl_s16_dot4(x, w, fs, run, acc);
                x += win->x_step;
                w += win->w_step;
            }
            s0 += tl_cv_s32(acc[0]);
            s1 += tl_cv_s32(acc[1]);
            s2 += tl_cv_s32(acc[2]);
            s3 += tl_cv_s32(acc[3]);
        }
    }
    else
    {
        for (; row < win->rows; row++)
        {
            int32_t done;
            int32_t piece;
            for (done = 0; done < run; done += piece)
            {
                uint32_t acc[4] = {0u, 0u, 0u, 0u};
                piece = run - done > TL_S16_CHUNK ? TL_S16_CHUNK : run - done;
                tl_s16_dot4(x + done * 2, w + done, fs, piece, acc);
                s0 += tl_cv_s32(acc[0]);
                s1 += tl_cv_s32(acc[1]);
                s2 += tl_cv_s32(acc[2]);
                s3 += tl_cv_s32(acc[3]);
            }
            x += win->x_step;
            w += win->w_step;
        }
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}

/*
 * One group, dilation 1, tl_cv_geometry_fits: per output pixel the in-range taps (tl_cv_window_of) form, in each
 * in-range filter row, one run of (fx_end - fx_begin) * in_c consecutive input values and as many consecutive
 * weights. Output channels four at a time, then two, then one.
 */
TL_S16_NOINLINE void tl_conv2d_s16_rows(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const uint8_t *input,
                                        const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                        tl_conv_bias_type bias_type, const tl_conv_dims *output_dims, uint8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    uint8_t *out = output;
    tl_s16_window tw;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    tw.x_step = in_w * in_c * 2;
    tw.w_step = f_w * in_c;
    tw.filter_size = f_h * f_w * in_c;
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const uint8_t *in_batch = input + batch * in_h * tw.x_step;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            for (out_x = 0; out_x < out_w; out_x++)
            {
                tl_cv_window win;
                int32_t w_first = 0;
                int32_t out_ch = 0;
                tl_cv_window_of(params, in_h, in_w, f_h, f_w, out_y, out_x, &win);
                tw.run = (win.fx_end - win.fx_begin) * in_c;
                tw.rows = tw.run > 0 ? win.fy_end - win.fy_begin : 0;
                tw.x = in_batch;
                if (tw.rows > 0)
                {
                    /* The first in-range tap: input (in_y + fy_begin, in_x + fx_begin), inside the input. */
                    tw.x = in_batch + (win.in_y + win.fy_begin) * tw.x_step + (win.in_x + win.fx_begin) * in_c * 2;
                    w_first = win.fy_begin * tw.w_step + win.fx_begin * in_c;
                }
                while (out_ch < out_c)
                {
                    const int32_t count = out_c - out_ch >= 4 ? 4 : (out_c - out_ch >= 2 ? 2 : 1);
                    const int8_t *w = filter + out_ch * tw.filter_size + w_first;
                    int64_t sums[4];
                    int32_t k;
                    if (tw.rows == 0)
                    {
                        /* No tap in range: every sum is 0. */
                        sums[0] = sums[1] = sums[2] = sums[3] = 0;
                    }
                    else if (count == 4)
                    {
                        tl_s16_window4(&tw, w, sums);
                    }
                    else
                    {
                        /* A lone last filter is paired with itself (its second sum is dropped). */
                        tl_s16_window2(&tw, w, count == 2 ? w + tw.filter_size : w, &sums[0], &sums[1]);
                    }
                    for (k = 0; k < count; k++)
                    {
                        tl_s16_out(out + (out_ch + k) * 2, sums[k], out_ch + k, quant->table, bias, bias_type,
                                   params->act_min, params->act_max);
                    }
                    out_ch += count;
                }
                out += out_c * 2;
            }
        }
    }
}
