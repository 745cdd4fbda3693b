/*
 * CONV_2D int8 x packed int4, the block path (selected by tl_conv2d_s4 for filters too large to unpack): up to
 * four output channels whose weight runs start at the same nibble parity, the input offset folded into the bias for
 * interior pixels; edge pixels gather each filter row with the padding written as -input_offset (when that is an
 * int8) and run the same dot products, else take their in-range taps one by one. Same bytes as tl_conv2d_s4_plain.
 */
#include <string.h>

#include "tl_conv2d_s4_paths.h"

/* Adds w * (x + input_offset) over @p n values (edge pixels: no folding) to plain[j] for each block run. */
static void tl_s4_block_dot_offset(const tl_s4_block *b, const int8_t *x, int32_t e0, int32_t n, int32_t input_offset,
                                   uint32_t *plain)
{
    int32_t j;
    for (j = 0; j < b->count; j++)
    {
        const int32_t e = e0 + j * b->e_step;
        uint32_t sum = plain[j];
        int32_t i;
        for (i = 0; i < n; i++)
        {
            /* |w * (x + offset)| <= 8 * 65664. */
            sum += (uint32_t)(tl_cv_load_i4(b->packed, e + i) * (x[i] + input_offset));
        }
        plain[j] = sum;
    }
}

/*
 * The block path (any filter, requires tl_cv_geometry_fits and f_h * f_w * f_c <= TL_S4_CONV_MAX_TAPS): channel
 * blocks of up to four with the same nibble parity (consecutive channels when a filter has an even element
 * count; every other channel when odd), then every output pixel: interior pixels from the folded bias over runs
 * of taps (a filter row when it is contiguous in the input, else one tap's channels), edge pixels from the model
 * bias over their in-range taps with the offset. Sums mod 2^32; the scaled part divided by 16 exactly.
 */
TL_S4_NOINLINE void tl_conv2d_s4_blocks(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const int8_t *input,
                                        const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                                        const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t f_c = filter_dims->channels;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t filters_per_group = out_c / (in_c / f_c);
    const int32_t filter_size = f_h * f_w * f_c;
    /* Channels of a block are ch_step apart: 2 when filters have an odd element count (every other channel
       starts at the same nibble parity), else 1. */
    const int32_t ch_step = (filter_size & 1) != 0 ? 2 : 1;
    /* Taps of one filter row are one run of input bytes when they are adjacent pixels holding exactly the
       filter's channels. */
    const int row_run = params->dilation_w == 1 && f_c == in_c;
    /* Edge pixels go through the gathered rows when a filter row fits row_buf and the padding value
       -input_offset is an int8; otherwise tap by tap with the offset. */
    const int gather_edges =
        f_w * f_c <= TL_S4_CONV_ROW_MAX && params->input_offset >= -127 && params->input_offset <= 128;
    const int8_t pad = (int8_t)(gather_edges ? 0 - params->input_offset : 0);
    int8_t row_buf[TL_S4_CONV_ROW_MAX];
    tl_cv_interior interior;
    int32_t batch;
    tl_s4_block b;
    b.packed = filter_packed;
    b.e_step = ch_step * filter_size;
    tl_cv_interior_range(params, in_h, in_w, f_h, f_w, out_h, out_w, &interior);
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out_batch = output + batch * out_h * out_w * out_c;
        int32_t group_first;
        for (group_first = 0; group_first < out_c; group_first += filters_per_group)
        {
            const int32_t group_end = group_first + filters_per_group;
            const int8_t *in_group = in_batch + (group_first / filters_per_group) * f_c;
            int32_t phase;
            for (phase = 0; phase < ch_step; phase++)
            {
                int32_t first;
                for (first = group_first + phase; first < group_end; first += 4 * ch_step)
                {
                    uint32_t fold[4];
                    uint32_t unfolded[4];
                    int32_t mult[4];
                    int32_t shift[4];
                    int32_t out_y;
                    int32_t j;
                    b.count = (group_end - first + ch_step - 1) / ch_step;
                    if (b.count > 4)
                    {
                        b.count = 4;
                    }
                    for (j = 0; j < b.count; j++)
                    {
                        const int32_t ch = first + j * ch_step;
                        fold[j] = (uint32_t)tl_cv_load_i32(bias + ch * 4);
                        unfolded[j] = fold[j] - (uint32_t)params->input_offset *
                                                    tl_cv_sum_s4(filter_packed, ch * filter_size, filter_size);
                        mult[j] = tl_cv_load_i32(quant->table + ch * 8);
                        shift[j] = tl_cv_load_i32(quant->table + ch * 8 + 4);
                    }
                    for (out_y = 0; out_y < out_h; out_y++)
                    {
                        const int y_inside = out_y >= interior.y_begin && out_y < interior.y_end;
                        int32_t out_x;
                        for (out_x = 0; out_x < out_w; out_x++)
                        {
                            uint32_t scaled[4] = {0, 0, 0, 0};
                            uint32_t plain[4];
                            const int32_t e_first = first * filter_size;
                            int8_t *out = out_batch + (out_y * out_w + out_x) * out_c + first;
                            if (y_inside && out_x >= interior.x_begin && out_x < interior.x_end)
                            {
                                const int8_t *x = in_group + ((out_y * params->stride_h - params->pad_top) * in_w +
                                                              (out_x * params->stride_w - params->pad_left)) *
                                                                 in_c;
                                int32_t filter_y;
                                for (j = 0; j < b.count; j++)
                                {
                                    plain[j] = fold[j];
                                }
                                for (filter_y = 0; filter_y < f_h; filter_y++)
                                {
                                    const int8_t *row = x + filter_y * params->dilation_h * in_w * in_c;
                                    const int32_t e_row = e_first + filter_y * f_w * f_c;
                                    if (row_run)
                                    {
                                        tl_s4_block_dot(&b, row, e_row, f_w * f_c, scaled, plain);
                                    }
                                    else
                                    {
                                        int32_t filter_x;
                                        for (filter_x = 0; filter_x < f_w; filter_x++)
                                        {
                                            tl_s4_block_dot(&b, row + filter_x * params->dilation_w * in_c,
                                                            e_row + filter_x * f_c, f_c, scaled, plain);
                                        }
                                    }
                                }
                            }
                            else if (gather_edges)
                            {
                                /* Edge pixel: each filter row gathered into row_buf with -input_offset in the padding,
                                   then the folded bias + sum w * v = bias + sum over in-range taps of
                                   w * (x + input_offset) (mod 2^32). */
                                const int32_t origin_y = out_y * params->stride_h - params->pad_top;
                                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                                int32_t filter_y;
                                for (j = 0; j < b.count; j++)
                                {
                                    plain[j] = fold[j];
                                }
                                for (filter_y = 0; filter_y < f_h; filter_y++)
                                {
                                    const int32_t in_y = origin_y + filter_y * params->dilation_h;
                                    int32_t filter_x;
                                    memset(row_buf, (unsigned char)pad, (size_t)(f_w * f_c));
                                    if (in_y >= 0 && in_y < in_h)
                                    {
                                        const int8_t *row = in_group + in_y * in_w * in_c;
                                        for (filter_x = 0; filter_x < f_w; filter_x++)
                                        {
                                            const int32_t in_x = origin_x + filter_x * params->dilation_w;
                                            if (in_x >= 0 && in_x < in_w)
                                            {
                                                memcpy(row_buf + filter_x * f_c, row + in_x * in_c, (size_t)f_c);
                                            }
                                        }
                                    }
                                    tl_s4_block_dot(&b, row_buf, e_first + filter_y * f_w * f_c, f_w * f_c, scaled,
                                                    plain);
                                }
                            }
                            else
                            {
                                /* Edge pixel: only the taps inside the input, each with the offset. */
                                tl_cv_window win;
                                int32_t filter_y;
                                tl_cv_window_of(params, in_h, in_w, f_h, f_w, out_y, out_x, &win);
                                for (j = 0; j < b.count; j++)
                                {
                                    plain[j] = unfolded[j];
                                }
                                for (filter_y = win.fy_begin; filter_y < win.fy_end; filter_y++)
                                {
                                    const int8_t *row =
                                        in_group + (win.in_y + filter_y * params->dilation_h) * in_w * in_c;
                                    const int32_t e_row = e_first + filter_y * f_w * f_c;
                                    int32_t filter_x;
                                    for (filter_x = win.fx_begin; filter_x < win.fx_end; filter_x++)
                                    {
                                        tl_s4_block_dot_offset(
                                            &b, row + (win.in_x + filter_x * params->dilation_w) * in_c,
                                            e_row + filter_x * f_c, f_c, params->input_offset, plain);
                                    }
                                }
                            }
                            for (j = 0; j < b.count; j++)
                            {
                                out[j * ch_step] =
                                    tl_cv_out_s8_q(plain[j] + tl_s4_unscale(scaled[j]), mult[j], shift[j],
                                                   params->output_offset, params->act_min, params->act_max);
                            }
                        }
                    }
                }
            }
        }
    }
}
