/*
 * FULLY_CONNECTED int8 input/output with packed int4 weights (code 202), bit-exact with FullyConnectedS4.cs
 * (TFLM unpacks to int8 and runs its int8 reference; here the nibbles are read in place).
 *
 * tl_fully_connected_s4_plain is the managed loop. tl_fully_connected_s4 runs four output rows per pass over the
 * input, eight values per step: the input's eight int8 values are widened once into the int16 pairs (x0, x4),
 * (x2, x6), (x1, x5), (x3, x7) (kept in a small stack buffer, TL_S4_FC_CHUNK values at a time), and each row's
 * eight nibbles (one 4-byte load) become the matching pairs of 16 * w with two masks and four SXTB16
 * (tl_s4_pairs16), each pair one SMLAD. The sum of 16 * w * x is divided by 16 at the end (exact: |sum w * x| <=
 * 1024 * in_depth < 2^27 for in_depth < 2^17), then the bias is added mod 2^32: the plain loop's int32 sum.
 */
#include "tinylite/tl_compiler.h"
#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_fixed_point.h"
#include "tl_dense_validation.h"
#include "tl_fc_record.h"
#include "tl_fc_s8_output.h"
#include "../tl_s4.h"

/* Input values widened per chunk into int16 pairs on the stack (256 bytes). */
#define TL_S4_FC_CHUNK 128
/* Largest in_depth of the scaled sums: 16 * 1024 * in_depth must stay below 2^31. */
#define TL_S4_FC_MAX_DEPTH 65536

#define TL_S4_NOINLINE TL_NOINLINE

/* Sign-extends the low nibble of a byte. */
static inline int32_t low_nibble(uint8_t packed)
{
    return (int32_t)(packed & 0x0F) - (int32_t)((packed & 0x08) << 1);
}

/* Sign-extends the high nibble of a byte. */
static inline int32_t high_nibble(uint8_t packed)
{
    return (int32_t)(packed >> 4) - (int32_t)((packed & 0x80) >> 3);
}

tl_status tl_fully_connected_s4_plain(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                      const uint8_t *packed_weights, const int32_t *bias, int8_t *output)
{
    int32_t batch;
    int32_t out_ch;
    int32_t pair;
    int32_t in_depth;
    int32_t out_depth;
    int32_t pairs;
    int32_t row_bytes;
    if (params == 0 || quant == 0 || quant->pairs == 0 || input == 0 || packed_weights == 0 || bias == 0 ||
        output == 0 || params->batches < 1 || params->in_depth < 1 || params->out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    in_depth = params->in_depth;
    out_depth = params->out_depth;
    pairs = in_depth >> 1;
    /* A row with odd in_depth ends with an unused high nibble. */
    row_bytes = (in_depth + 1) >> 1;
    for (batch = 0; batch < params->batches; batch++)
    {
        const int8_t *in_row = input + batch * in_depth;
        int8_t *out_row = output + batch * out_depth;
        const uint8_t *w_row = packed_weights;
        for (out_ch = 0; out_ch < out_depth; out_ch++)
        {
            uint32_t acc = (uint32_t)bias[out_ch];
            int32_t value;
            const int32_t *pair_q = quant->pairs + (quant->per_channel != 0 ? 2 * out_ch : 0);
            for (pair = 0; pair < pairs; pair++)
            {
                const uint8_t packed = w_row[pair];
                acc += (uint32_t)(low_nibble(packed) * in_row[2 * pair]);
                acc += (uint32_t)(high_nibble(packed) * in_row[2 * pair + 1]);
            }
            if ((in_depth & 1) != 0)
            {
                acc += (uint32_t)(low_nibble(w_row[pairs]) * in_row[2 * pairs]);
            }
            w_row += row_bytes;
            value = tl_d_wadd(tl_d_mbqm((int32_t)acc, pair_q[0], pair_q[1]), params->output_zero_point);
            if (value < params->act_min)
            {
                value = params->act_min;
            }
            if (value > params->act_max)
            {
                value = params->act_max;
            }
            out_row[out_ch] = (int8_t)value;
        }
    }
    return TL_OK;
}

/*
 * Widens @p groups groups of eight input values into the pairs of tl_s4_pairs16's order: for values x0..x7,
 * pairs[0] = (x0, x4), pairs[1] = (x2, x6), pairs[2] = (x1, x5), pairs[3] = (x3, x7).
 */
static void tl_s4_fc_pair_input(const int8_t *x, int32_t groups, uint32_t *pairs)
{
    while (groups-- > 0)
    {
        const uint32_t a = tl_dsp_load4(x);
        const uint32_t b = tl_dsp_load4(x + 4);
        const uint32_t ae = tl_dsp_sxtb16(a);    /* (x0, x2) */
        const uint32_t ao = tl_s4_sxtb16_odd(a); /* (x1, x3) */
        const uint32_t be = tl_dsp_sxtb16(b);    /* (x4, x6) */
        const uint32_t bo = tl_s4_sxtb16_odd(b); /* (x5, x7) */
        pairs[0] = tl_s4_pack_lo(ae, be);
        pairs[1] = tl_s4_pack_hi(ae, be);
        pairs[2] = tl_s4_pack_lo(ao, bo);
        pairs[3] = tl_s4_pack_hi(ao, bo);
        x += 8;
        pairs += 4;
    }
}

/*
 * Adds to acc[0..3] the scaled dot products (16 * w * x) of @p groups groups of eight paired inputs with four
 * weight rows (4 bytes per group each) from @p w, rows @p row bytes apart.
 */
static TL_S4_NOINLINE void tl_s4_fc_rows4(const uint32_t *pairs, int32_t groups, const uint8_t *w, int32_t row,
                                          uint32_t acc[4])
{
    uint32_t a0 = acc[0];
    uint32_t a1 = acc[1];
    uint32_t a2 = acc[2];
    uint32_t a3 = acc[3];
    while (groups-- > 0)
    {
        const uint32_t x04 = pairs[0];
        const uint32_t x26 = pairs[1];
        const uint32_t x15 = pairs[2];
        const uint32_t x37 = pairs[3];
        a0 = tl_s4_mac8(tl_dsp_load4((const int8_t *)w), x04, x26, x15, x37, a0);
        a1 = tl_s4_mac8(tl_dsp_load4((const int8_t *)(w + row)), x04, x26, x15, x37, a1);
        a2 = tl_s4_mac8(tl_dsp_load4((const int8_t *)(w + 2 * row)), x04, x26, x15, x37, a2);
        a3 = tl_s4_mac8(tl_dsp_load4((const int8_t *)(w + 3 * row)), x04, x26, x15, x37, a3);
        pairs += 4;
        w += 4;
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

/* One row: the scaled dot product of @p groups groups of paired inputs with the row at @p w, plus @p acc. */
static uint32_t tl_s4_fc_row1(const uint32_t *pairs, int32_t groups, const uint8_t *w, uint32_t acc)
{
    while (groups-- > 0)
    {
        acc = tl_s4_mac8(tl_dsp_load4((const int8_t *)w), pairs[0], pairs[1], pairs[2], pairs[3], acc);
        pairs += 4;
        w += 4;
    }
    return acc;
}

/* The unscaled sum of the values [from, in_depth) of one row (fewer than eight), nibbles read one by one. */
static uint32_t tl_s4_fc_tail(const int8_t *x, const uint8_t *w_row, int32_t from, int32_t in_depth)
{
    uint32_t acc = 0;
    int32_t i;
    for (i = from; i < in_depth; i++)
    {
        const uint32_t b = w_row[i >> 1];
        acc += (uint32_t)((int32_t)tl_s4_value((i & 1) != 0 ? b >> 4 : b & 0xFu) * x[i]);
    }
    return acc;
}

static void tl_fully_connected_s4_fast(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                       const uint8_t *packed_weights, const int32_t *bias, int8_t *output)
{
    uint32_t pairs[TL_S4_FC_CHUNK / 2];
    const int32_t in_depth = params->in_depth;
    const int32_t out_depth = params->out_depth;
    /* A row with odd in_depth ends with an unused high nibble. */
    const int32_t row_bytes = (in_depth + 1) >> 1;
    const int32_t full = in_depth & ~7; /* values in whole groups of eight */
    /* With a single chunk the input is widened once per batch, before the rows. */
    const int one_chunk = full <= TL_S4_FC_CHUNK;
    const tl_fc_s8_stage stage = tl_fc_s8_stage_of(quant, params->output_zero_point, params->act_min, params->act_max);
    int32_t batch;
    for (batch = 0; batch < params->batches; batch++)
    {
        const int8_t *x = input + batch * in_depth;
        int8_t *out_row = output + batch * out_depth;
        int32_t out_ch = 0;
        if (one_chunk)
        {
            tl_s4_fc_pair_input(x, full >> 3, pairs);
        }
        while (out_ch < out_depth)
        {
            const int32_t rows = out_depth - out_ch >= 4 ? 4 : 1;
            const uint8_t *w = packed_weights + out_ch * row_bytes;
            uint32_t acc[4] = {0, 0, 0, 0};
            int32_t r;
            int32_t start;
            for (start = 0; start < full; start += TL_S4_FC_CHUNK)
            {
                const int32_t n = full - start < TL_S4_FC_CHUNK ? full - start : TL_S4_FC_CHUNK;
                if (!one_chunk)
                {
                    tl_s4_fc_pair_input(x + start, n >> 3, pairs);
                }
                if (rows == 4)
                {
                    tl_s4_fc_rows4(pairs, n >> 3, w + (start >> 1), row_bytes, acc);
                }
                else
                {
                    acc[0] = tl_s4_fc_row1(pairs, n >> 3, w + (start >> 1), acc[0]);
                }
            }
            for (r = 0; r < rows; r++)
            {
                const uint8_t *w_row = w + r * row_bytes;
                uint32_t sum = (uint32_t)bias[out_ch + r] + tl_s4_unscale(acc[r]);
                if (full != in_depth)
                {
                    sum += tl_s4_fc_tail(x, w_row, full, in_depth);
                }
                out_row[out_ch + r] = tl_fc_s8_output(sum, out_ch + r, stage);
            }
            out_ch += rows;
        }
    }
}

tl_status tl_fully_connected_s4(const tl_fc_params *params, const tl_fc_quant *quant, const int8_t *input,
                                const uint8_t *packed_weights, const int32_t *bias, int8_t *output)
{
    if (params == 0 || quant == 0 || quant->pairs == 0 || input == 0 || packed_weights == 0 || bias == 0 ||
        output == 0 || params->batches < 1 || params->in_depth < 1 || params->out_depth < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    if (params->in_depth >= 8 && params->in_depth <= TL_S4_FC_MAX_DEPTH)
    {
        tl_fully_connected_s4_fast(params, quant, input, packed_weights, bias, output);
        return TL_OK;
    }
    return tl_fully_connected_s4_plain(params, quant, input, packed_weights, bias, output);
}

tl_status tl_op_fully_connected_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_fc_record_validate(op, tensors, 4);
}

void tl_op_fully_connected_s4(const tl_op *op, const tl_tensors *tensors)
{
    tl_fc_params params;
    tl_fc_quant quant;
    tl_fc_record_decode(op, tensors, &params, &quant);
    (void)tl_fully_connected_s4(
        &params, &quant, (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_INPUT]),
        tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_WEIGHTS]),
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_BIAS]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_FULLY_CONNECTED_OUT_OUTPUT]));
}
