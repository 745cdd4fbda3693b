/*
 * CONV_2D int8 x packed int4, the gathered path (selected by tl_conv2d_s4 for small filters without groups): the
 * receptive field gathered once per pixel, the block dot products over it. Same bytes as tl_conv2d_s4_plain.
 */
#include <string.h>

#include "tl_conv2d_s4_paths.h"

/*
 * The gathered path (one group, f_h * f_w * f_c <= TL_S4_CONV_ROW_MAX, -input_offset an int8): each output pixel's
 * receptive field is gathered once into col with the padding written as -input_offset (a 1-row window wholly
 * inside the input is read in place), then every block of up to four same-parity channels is one run of dot
 * products over the whole column from the folded bias:
 *   folded bias + sum w * v = bias + sum over in-range taps of w * (x + input_offset)   (mod 2^32).
 * Short filter rows (e.g. a 10x4 filter over one channel) thus still get whole groups of eight.
 */
TL_S4_NOINLINE void tl_conv2d_s4_gathered(const tl_conv_params *params, const tl_conv_quant *quant,
                                          const tl_conv_dims *input_dims, const int8_t *input,
                                          const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                                          const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t filter_size = f_h * f_w * in_c;
    const int32_t ch_step = (filter_size & 1) != 0 ? 2 : 1;
    const int8_t pad = (int8_t)(0 - params->input_offset);
    /* A one-row window of adjacent pixels is contiguous in the input: no copy when it lies inside. */
    const int in_place_rows = f_h == 1 && params->dilation_w == 1;
    const int full = params->act_min == -128 && params->act_max == 127;
    int8_t col[TL_S4_CONV_ROW_MAX];
    tl_cv_interior interior;
    tl_s4_block b;
    int32_t batch;
    b.packed = filter_packed;
    b.e_step = ch_step * filter_size;
    tl_cv_interior_range(params, in_h, in_w, f_h, f_w, out_h, out_w, &interior);
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out = output + batch * out_h * out_w * out_c;
        int32_t out_y;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            const int32_t origin_y = out_y * params->stride_h - params->pad_top;
            const int y_inside = out_y >= interior.y_begin && out_y < interior.y_end;
            int32_t out_x;
            for (out_x = 0; out_x < out_w; out_x++)
            {
                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                const int8_t *v = col;
                int32_t phase;
                if (in_place_rows && y_inside && out_x >= interior.x_begin && out_x < interior.x_end)
                {
                    v = in_batch + (origin_y * in_w + origin_x) * in_c;
                }
                else
                {
                    int8_t *c = col;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        const int32_t in_y = origin_y + filter_y * params->dilation_h;
                        const int row_inside = in_y >= 0 && in_y < in_h;
                        int32_t filter_x;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            const int32_t in_x = origin_x + filter_x * params->dilation_w;
                            int32_t k;
                            if (row_inside && in_x >= 0 && in_x < in_w)
                            {
                                const int8_t *x = in_batch + (in_y * in_w + in_x) * in_c;
                                for (k = 0; k < in_c; k++)
                                {
                                    c[k] = x[k];
                                }
                            }
                            else
                            {
                                for (k = 0; k < in_c; k++)
                                {
                                    c[k] = pad;
                                }
                            }
                            c += in_c;
                        }
                    }
                }
                for (phase = 0; phase < ch_step; phase++)
                {
                    int32_t first;
                    for (first = phase; first < out_c; first += 4 * ch_step)
                    {
                        uint32_t scaled[4] = {0, 0, 0, 0};
                        uint32_t plain[4];
                        int32_t j;
                        b.count = (out_c - first + ch_step - 1) / ch_step;
                        if (b.count > 4)
                        {
                            b.count = 4;
                        }
                        for (j = 0; j < b.count; j++)
                        {
                            plain[j] = (uint32_t)tl_s4_load_i32(bias + (first + j * ch_step) * 4);
                        }
                        tl_s4_block_dot(&b, v, first * filter_size, filter_size, scaled, plain);
                        for (j = 0; j < b.count; j++)
                        {
                            const int32_t ch = first + j * ch_step;
                            out[ch] =
                                tl_s4_out(plain[j] + tl_s4_unscale(scaled[j]), quant->table + ch * 8, params, full);
                        }
                    }
                }
                out += out_c;
            }
        }
    }
}
