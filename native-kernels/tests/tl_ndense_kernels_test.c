/*
 * Unit tests of the dense and elementwise native kernels: the FULLY_CONNECTED s8 fast path against the plain
 * loop on seeded random cases, hand-computed values for each kernel kind, and load-time validation refusing
 * hostile records. Golden-model coverage is tl_ndense_image_check's (and the runner's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tinylite/tl_dense_kernels.h"
#include "tinylite/tl_elementwise_kernels.h"
#include "tinylite/tl_families.h"
#include "tinylite/tl_image.h"
#include "tl_dense_fixed_point.h"
#include "tl_ndense_tensors.h"
#include "../src/portable/tl_s4.h"

static int g_failures;
static int g_checks;

#define CHECK(cond, ...)                                                                                               \
    do                                                                                                                 \
    {                                                                                                                  \
        g_checks++;                                                                                                    \
        if (!(cond))                                                                                                   \
        {                                                                                                              \
            g_failures++;                                                                                              \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                                                \
            printf(__VA_ARGS__);                                                                                       \
            printf("\n");                                                                                              \
        }                                                                                                              \
    } while (0)

/* xorshift32: a fixed seed makes every run the same. */
static uint32_t g_rng = 0x9E3779B9u;
static uint32_t rnd(void)
{
    g_rng ^= g_rng << 13;
    g_rng ^= g_rng >> 17;
    g_rng ^= g_rng << 5;
    return g_rng;
}
static int32_t rnd_range(int32_t lo, int32_t hi)
{
    return lo + (int32_t)(rnd() % (uint32_t)(hi - lo + 1));
}

/*
 * The random quantization of a fast-vs-plain FULLY_CONNECTED trial: per output channel a bias (every 16th trial
 * extreme, so the int32 sums wrap) and a requantization pair with a shift in [shift_min, shift_max]; every 4th trial
 * uses one pair for all channels (per-tensor weights). The two outputs are filled with different junk.
 */
static void fc_prepare(int trial, const tl_fc_params *p, tl_fc_quant *q, int32_t *bias, int32_t *pairs,
                       int32_t shift_min, int32_t shift_max, int8_t *out_fast, int8_t *out_plain)
{
    int32_t i;
    for (i = 0; i < p->out_depth; i++)
    {
        bias[i] = (trial % 16 == 0) ? (int32_t)rnd() : rnd_range(-100000, 100000);
        pairs[2 * i] = rnd_range(0x40000000, 0x7FFFFFFF);
        pairs[2 * i + 1] = rnd_range(shift_min, shift_max);
    }
    q->pairs = pairs;
    q->per_channel = (trial % 4 == 0) ? 0 : 1;
    memset(out_fast, 0x5A, (size_t)(p->batches * p->out_depth));
    memset(out_plain, 0xA5, (size_t)(p->batches * p->out_depth));
}

/* Checks a fast-vs-plain FULLY_CONNECTED trial (both succeeded, same bytes) and frees its buffers. */
static void fc_finish(const char *what, int trial, const tl_fc_params *p, tl_status s1, tl_status s2, void *in, void *w,
                      int8_t *out_fast, int8_t *out_plain, int32_t *bias, int32_t *pairs)
{
    CHECK(s1 == TL_OK && s2 == TL_OK, "%s statuses %d %d", what, (int)s1, (int)s2);
    CHECK(memcmp(out_fast, out_plain, (size_t)(p->batches * p->out_depth)) == 0,
          "%s fast != plain (trial %d: batches %d in %d out %d)", what, trial, (int)p->batches, (int)p->in_depth,
          (int)p->out_depth);
    free(in);
    free(w);
    free(out_fast);
    free(out_plain);
    free(bias);
    free(pairs);
}

static void test_fc_fast_matches_plain(void)
{
    int trial;
    for (trial = 0; trial < 3000; trial++)
    {
        tl_fc_params p;
        tl_fc_quant q;
        int32_t i;
        int8_t *in, *w, *out_fast, *out_plain;
        int32_t *bias, *pairs;
        tl_status s1, s2;
        p.batches = rnd_range(1, 3);
        p.in_depth = rnd_range(1, 70);
        p.out_depth = rnd_range(1, 19);
        p.output_zero_point = rnd_range(-128, 127);
        p.act_min = rnd_range(-128, 0);
        p.act_max = rnd_range(p.act_min, 127);
        in = (int8_t *)malloc((size_t)(p.batches * p.in_depth));
        w = (int8_t *)malloc((size_t)(p.out_depth * p.in_depth));
        out_fast = (int8_t *)malloc((size_t)(p.batches * p.out_depth));
        out_plain = (int8_t *)malloc((size_t)(p.batches * p.out_depth));
        bias = (int32_t *)malloc(sizeof(int32_t) * (size_t)p.out_depth);
        pairs = (int32_t *)malloc(sizeof(int32_t) * 2 * (size_t)p.out_depth);
        for (i = 0; i < p.batches * p.in_depth; i++)
        {
            in[i] = (int8_t)rnd_range(-128, 127);
        }
        for (i = 0; i < p.out_depth * p.in_depth; i++)
        {
            w[i] = (int8_t)rnd_range(-128, 127);
        }
        fc_prepare(trial, &p, &q, bias, pairs, -14, 2, out_fast, out_plain);
        s1 = tl_fully_connected_s8_fast(&p, &q, in, w, bias, out_fast);
        s2 = tl_fully_connected_s8_plain(&p, &q, in, w, bias, out_plain);
        fc_finish("fc", trial, &p, s1, s2, in, w, out_fast, out_plain, bias, pairs);
    }
}

/*
 * FULLY_CONNECTED with packed int4 weights: the fast path (tl_fully_connected_s4: eight nibbles per word as
 * scaled int16 pairs, four rows per pass, input widened per 128-value chunk) against the plain loop. Depths
 * 1..300 cover the depths without a whole group of eight (plain path), the tails of 1..7 values, odd depths
 * (rows padded with an unused high nibble), one and several input chunks; every 8th trial uses extreme values
 * only (weights -8, inputs -128 or 127) so the scaled sums reach their largest magnitude.
 */
static void test_fc_s4_fast_matches_plain(void)
{
    int trial;
    for (trial = 0; trial < 3000; trial++)
    {
        tl_fc_params p;
        tl_fc_quant q;
        int32_t i;
        int32_t row_bytes;
        int8_t *in, *out_fast, *out_plain;
        uint8_t *w;
        int32_t *bias, *pairs;
        tl_status s1, s2;
        const int extreme = trial % 8 == 7;
        p.batches = rnd_range(1, 3);
        p.in_depth = trial % 5 == 0 ? rnd_range(129, 300) : rnd_range(1, 70);
        p.out_depth = rnd_range(1, 19);
        p.output_zero_point = rnd_range(-128, 127);
        p.act_min = rnd_range(-128, 0);
        p.act_max = rnd_range(p.act_min, 127);
        if (trial % 3 == 0)
        {
            p.act_min = -128;
            p.act_max = 127;
        }
        row_bytes = (p.in_depth + 1) / 2;
        in = (int8_t *)malloc((size_t)(p.batches * p.in_depth));
        w = (uint8_t *)malloc((size_t)(p.out_depth * row_bytes));
        out_fast = (int8_t *)malloc((size_t)(p.batches * p.out_depth));
        out_plain = (int8_t *)malloc((size_t)(p.batches * p.out_depth));
        bias = (int32_t *)malloc(sizeof(int32_t) * (size_t)p.out_depth);
        pairs = (int32_t *)malloc(sizeof(int32_t) * 2 * (size_t)p.out_depth);
        for (i = 0; i < p.batches * p.in_depth; i++)
        {
            in[i] = extreme ? (int8_t)(rnd_range(0, 1) == 0 ? -128 : 127) : (int8_t)rnd_range(-128, 127);
        }
        for (i = 0; i < p.out_depth * row_bytes; i++)
        {
            w[i] = extreme ? (uint8_t)0x88 : (uint8_t)rnd();
        }
        /* Extreme trials (largest sums) get shifts of -20..-12 instead of -14..2. */
        fc_prepare(trial, &p, &q, bias, pairs, extreme ? -20 : -14, extreme ? -12 : 2, out_fast, out_plain);
        s1 = tl_fully_connected_s4(&p, &q, in, w, bias, out_fast);
        s2 = tl_fully_connected_s4_plain(&p, &q, in, w, bias, out_plain);
        fc_finish("fc s4", trial, &p, s1, s2, in, w, out_fast, out_plain, bias, pairs);
    }
}

/* The fast int4 FC on a hand-computed row of 9 values (a whole group of eight and a one-value tail). */
static void test_fc_s4_hand_values(void)
{
    /* Weights 1, -1, 7, -8, 2, 0, -3, 5, 4 packed low nibble first; inputs 1..9 with signs.
       Sum: 1*1 - 1*(-2) + 7*3 - 8*(-4) + 2*5 + 0 - 3*7 + 5*(-8) + 4*9 = 1 + 2 + 21 + 32 + 10 - 21 - 40 + 36 = 41,
       plus bias 1 = 42; scale 1.0 (multiplier 2^30, shift 1). */
    const uint8_t w[5] = {0xF1, 0x87, 0x02, 0x5D, 0x04};
    const int8_t in[9] = {1, -2, 3, -4, 5, -6, 7, -8, 9};
    const int32_t bias[1] = {1};
    const int32_t pairs[2] = {0x40000000, 1};
    int8_t out[1] = {0};
    tl_fc_params p;
    tl_fc_quant q;
    p.batches = 1;
    p.in_depth = 9;
    p.out_depth = 1;
    p.output_zero_point = 0;
    p.act_min = -128;
    p.act_max = 127;
    q.pairs = pairs;
    q.per_channel = 0;
    CHECK(tl_fully_connected_s4(&p, &q, in, w, bias, out) == TL_OK && out[0] == 42, "fc s4 fast = %d", out[0]);
}

/*
 * Streaming FULLY_CONNECTED: the whole-row kernel (plain loop) against accumulate over three uneven slices
 * (weights re-laid per slice, first slice started from the bias, later ones added in place) then finish.
 * Also the four-channel accumulate path against its plain loop.
 */
static void test_fc_streaming_matches_whole(void)
{
    int trial;
    for (trial = 0; trial < 2000; trial++)
    {
        tl_fc_params p;
        tl_fc_finish_params fp;
        tl_fc_quant q;
        int32_t i, o, k, slice;
        int32_t cut[4];
        int8_t *in, *w, *w_slice, *whole, *streamed;
        int32_t *bias, *pairs, *acc, *acc_plain;
        tl_status s;
        p.batches = 1;
        p.in_depth = rnd_range(3, 90);
        p.out_depth = rnd_range(1, 13);
        p.output_zero_point = rnd_range(-128, 127);
        p.act_min = rnd_range(-128, 0);
        p.act_max = rnd_range(p.act_min, 127);
        in = (int8_t *)malloc((size_t)p.in_depth);
        w = (int8_t *)malloc((size_t)(p.out_depth * p.in_depth));
        w_slice = (int8_t *)malloc((size_t)(p.out_depth * p.in_depth));
        whole = (int8_t *)malloc((size_t)p.out_depth);
        streamed = (int8_t *)malloc((size_t)p.out_depth);
        bias = (int32_t *)malloc(sizeof(int32_t) * (size_t)p.out_depth);
        pairs = (int32_t *)malloc(sizeof(int32_t) * 2 * (size_t)p.out_depth);
        acc = (int32_t *)malloc(sizeof(int32_t) * (size_t)p.out_depth);
        acc_plain = (int32_t *)malloc(sizeof(int32_t) * (size_t)p.out_depth);
        for (i = 0; i < p.in_depth; i++)
        {
            in[i] = (int8_t)rnd_range(-128, 127);
        }
        for (i = 0; i < p.out_depth * p.in_depth; i++)
        {
            w[i] = (int8_t)rnd_range(-128, 127);
        }
        for (o = 0; o < p.out_depth; o++)
        {
            /* Every 8th trial uses extreme biases so the int32 sums wrap. */
            bias[o] = (trial % 8 == 0) ? (int32_t)rnd() : rnd_range(-100000, 100000);
            pairs[2 * o] = rnd_range(0x40000000, 0x7FFFFFFF);
            pairs[2 * o + 1] = rnd_range(-14, 2);
        }
        q.pairs = pairs;
        q.per_channel = (trial % 3 == 0) ? 0 : 1;
        fp.out_depth = p.out_depth;
        fp.output_zero_point = p.output_zero_point;
        fp.act_min = p.act_min;
        fp.act_max = p.act_max;
        /* Three non-empty slices of random lengths: [cut[0], cut[1]), [cut[1], cut[2]), [cut[2], cut[3]). */
        cut[0] = 0;
        cut[1] = rnd_range(1, p.in_depth - 2);
        cut[2] = rnd_range(cut[1] + 1, p.in_depth - 1);
        cut[3] = p.in_depth;
        CHECK(tl_fully_connected_s8_plain(&p, &q, in, w, bias, whole) == TL_OK, "fc status");
        for (slice = 0; slice < 3; slice++)
        {
            int32_t n = cut[slice + 1] - cut[slice];
            for (o = 0; o < p.out_depth; o++)
            {
                for (k = 0; k < n; k++)
                {
                    w_slice[o * n + k] = w[o * p.in_depth + cut[slice] + k];
                }
            }
            memcpy(acc_plain, acc, sizeof(int32_t) * (size_t)p.out_depth);
            s = tl_fully_connected_s8_accumulate(n, p.out_depth, in + cut[slice], w_slice, slice == 0 ? bias : 0, acc);
            CHECK(s == TL_OK, "accumulate status %d", (int)s);
            s = tl_fully_connected_s8_accumulate_plain(n, p.out_depth, in + cut[slice], w_slice, slice == 0 ? bias : 0,
                                                       acc_plain);
            CHECK(s == TL_OK, "accumulate plain status %d", (int)s);
            CHECK(memcmp(acc, acc_plain, sizeof(int32_t) * (size_t)p.out_depth) == 0,
                  "accumulate fast != plain (trial %d slice %d)", trial, (int)slice);
        }
        memset(streamed, 0x5A, (size_t)p.out_depth);
        CHECK(tl_fully_connected_s8_finish(&fp, &q, acc, streamed) == TL_OK, "finish status");
        CHECK(memcmp(whole, streamed, (size_t)p.out_depth) == 0, "streamed fc != whole fc (trial %d: in %d out %d)",
              trial, (int)p.in_depth, (int)p.out_depth);
        /* In place: the output written over the accumulators' first bytes. */
        CHECK(tl_fully_connected_s8_finish(&fp, &q, acc, (int8_t *)(void *)acc) == TL_OK, "finish in place status");
        CHECK(memcmp(whole, acc, (size_t)p.out_depth) == 0, "finish in place differs (trial %d)", trial);
        free(in);
        free(w);
        free(w_slice);
        free(whole);
        free(streamed);
        free(bias);
        free(pairs);
        free(acc);
        free(acc_plain);
    }
}

/* The typed streaming kernels refuse NULL pointers and empty dimensions (and write nothing). */
static void test_fc_streaming_arguments(void)
{
    int8_t x[4] = {1, 2, 3, 4};
    int8_t w[8] = {1, 1, 1, 1, 2, 2, 2, 2};
    int32_t acc[2] = {7, 7};
    int32_t pairs[2] = {1 << 30, 0};
    int8_t out[2] = {9, 9};
    tl_fc_quant q;
    tl_fc_finish_params fp;
    q.pairs = pairs;
    q.per_channel = 0;
    fp.out_depth = 2;
    fp.output_zero_point = 0;
    fp.act_min = -128;
    fp.act_max = 127;
    CHECK(tl_fully_connected_s8_accumulate(0, 2, x, w, 0, acc) == TL_ERR_ARGUMENT, "accumulate n 0 accepted");
    CHECK(tl_fully_connected_s8_accumulate(4, 0, x, w, 0, acc) == TL_ERR_ARGUMENT, "accumulate out 0 accepted");
    CHECK(tl_fully_connected_s8_accumulate(4, 2, x, w, 0, 0) == TL_ERR_ARGUMENT, "accumulate NULL acc accepted");
    CHECK(tl_fully_connected_s8_accumulate_plain(4, 2, 0, w, 0, acc) == TL_ERR_ARGUMENT, "plain NULL input accepted");
    CHECK(acc[0] == 7 && acc[1] == 7, "refused accumulate wrote");
    CHECK(tl_fully_connected_s8_finish(&fp, &q, 0, out) == TL_ERR_ARGUMENT, "finish NULL acc accepted");
    fp.out_depth = 0;
    CHECK(tl_fully_connected_s8_finish(&fp, &q, acc, out) == TL_ERR_ARGUMENT, "finish out 0 accepted");
    CHECK(out[0] == 9 && out[1] == 9, "refused finish wrote");
    /* Hand values: acc = 7 + (1 + 2 + 3 + 4), 7 + 2 * 10; MBQM(x, 2^30, 0) = x / 2 rounded half away from zero. */
    fp.out_depth = 2;
    CHECK(tl_fully_connected_s8_accumulate(4, 2, x, w, 0, acc) == TL_OK && acc[0] == 17 && acc[1] == 27,
          "accumulate hand values %d %d", (int)acc[0], (int)acc[1]);
    CHECK(tl_fully_connected_s8_finish(&fp, &q, acc, out) == TL_OK && out[0] == 9 && out[1] == 14,
          "finish hand values %d %d", (int)out[0], (int)out[1]);
}

/* Load-time checks of the streaming FC records: sizes, optional start, aliasing, flag, range. */
static void test_fc_streaming_validation(void)
{
    static struct tl_tensors tensors;
    /* One buffer standing for the arena, so tensors can overlap; separate ones for the constants. */
    static int32_t arena[16];
    static int32_t weights[4];
    static int32_t quant[6];
    uint8_t *base = (uint8_t *)arena;
    int32_t acc_inputs[3] = {0, 1, 2};
    int32_t acc_outputs[1] = {3};
    int32_t acc_params[TL_FULLY_CONNECTED_ACCUMULATE_P_LENGTH] = {
        [TL_FULLY_CONNECTED_ACCUMULATE_P_SLICE_LENGTH] = 4,
        [TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH] = 3,
    };
    int32_t fin_inputs[2] = {3, 4};
    int32_t fin_outputs[1] = {5};
    int32_t fin_params[TL_FULLY_CONNECTED_FINISH_P_LENGTH] = {
        [TL_FULLY_CONNECTED_FINISH_P_OUTPUT_DEPTH] = 3,      [TL_FULLY_CONNECTED_FINISH_P_OUTPUT_OFFSET] = 0,
        [TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MIN] = -128, [TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MAX] = 127,
        [TL_FULLY_CONNECTED_FINISH_P_PER_CHANNEL] = 1,
    };
    tl_op op;
    int k;
    memset(&tensors, 0, sizeof tensors);
    tensors.count = 6;
    /* Arena: 0 slice int8 [4] at 0, 2 start int32 [3] at 16, 3 acc int32 [3] at 28; 1: weights int8 [12] apart. */
    tensors.data[0] = base;
    tensors.bytes[0] = 4;
    tensors.type[0] = TL_TYPE_INT8;
    tensors.data[1] = (uint8_t *)weights;
    tensors.bytes[1] = 12;
    tensors.type[1] = TL_TYPE_INT8;
    tensors.data[2] = base + 16;
    tensors.bytes[2] = 12;
    tensors.type[2] = TL_TYPE_INT32;
    tensors.data[3] = base + 28;
    tensors.bytes[3] = 12;
    tensors.type[3] = TL_TYPE_INT32;
    /* 4: requantization int32 [3 pairs]; 5: output int8 [3] at 40. */
    tensors.data[4] = (uint8_t *)quant;
    tensors.bytes[4] = 24;
    tensors.type[4] = TL_TYPE_INT32;
    tensors.data[5] = base + 40;
    tensors.bytes[5] = 3;
    tensors.type[5] = TL_TYPE_INT8;
    for (k = 0; k < 3; k++)
    {
        quant[2 * k] = 1 << 30;
        quant[2 * k + 1] = -2;
    }
    memset(&op, 0, sizeof op);
    op.code = TL_OP_FULLY_CONNECTED_S8_ACCUMULATE;
    op.input_count = 3;
    op.output_count = 1;
    op.param_count = TL_FULLY_CONNECTED_ACCUMULATE_P_LENGTH;
    op.inputs = acc_inputs;
    op.outputs = acc_outputs;
    op.params = acc_params;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "valid accumulate refused");
    acc_inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START] = -1;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "accumulate without start refused");
    acc_inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START] = 3; /* start values are the accumulators themselves */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "accumulate with start == acc refused");
    acc_inputs[TL_FULLY_CONNECTED_ACCUMULATE_IN_START] = 2;
    acc_params[TL_FULLY_CONNECTED_ACCUMULATE_P_SLICE_LENGTH] = 5; /* slice longer than input 0 */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulate n past the slice accepted");
    acc_params[TL_FULLY_CONNECTED_ACCUMULATE_P_SLICE_LENGTH] = 4;
    acc_params[TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH] = 4; /* more channels than weights, start and acc hold */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulate out_depth past tensors accepted");
    acc_params[TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH] = 0;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulate out_depth 0 accepted");
    acc_params[TL_FULLY_CONNECTED_ACCUMULATE_P_OUTPUT_DEPTH] = 3;
    tensors.type[3] = TL_TYPE_INT8; /* int8 accumulators */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "int8 accumulators accepted");
    tensors.type[3] = TL_TYPE_INT32;
    tensors.data[3] = base + 2; /* accumulators over the slice's last bytes (and nothing else) */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulators overlapping the slice accepted");
    tensors.data[3] = (uint8_t *)weights + 4; /* accumulators over the weights (as if both were arena) */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulators overlapping the weights accepted");
    tensors.data[3] = base + 20; /* accumulators partly over the start values */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "start partly overlapping acc accepted");
    tensors.data[3] = base + 28;
    op.input_count = 2; /* the start input is not optional in the record, only its tensor */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulate with 2 inputs accepted");
    op.input_count = 3;
    op.param_count = TL_FULLY_CONNECTED_ACCUMULATE_P_LENGTH + 1;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "accumulate with 3 params accepted");

    op.code = TL_OP_FULLY_CONNECTED_S8_FINISH;
    op.input_count = 2;
    op.param_count = TL_FULLY_CONNECTED_FINISH_P_LENGTH;
    op.inputs = fin_inputs;
    op.outputs = fin_outputs;
    op.params = fin_params;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "valid finish refused");
    fin_params[TL_FULLY_CONNECTED_FINISH_P_PER_CHANNEL] = 2;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "finish flag 2 accepted");
    fin_params[TL_FULLY_CONNECTED_FINISH_P_PER_CHANNEL] = 0;
    tensors.bytes[4] = 8; /* one pair is enough per tensor */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "per-tensor finish refused");
    fin_params[TL_FULLY_CONNECTED_FINISH_P_PER_CHANNEL] = 1;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "per-channel finish with one pair accepted");
    tensors.bytes[4] = 24;
    fin_params[TL_FULLY_CONNECTED_FINISH_P_OUTPUT_DEPTH] = 4; /* more channels than the accumulators and output hold */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "finish out_depth past tensors accepted");
    fin_params[TL_FULLY_CONNECTED_FINISH_P_OUTPUT_DEPTH] = 3;
    fin_params[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MIN] = 5;
    fin_params[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MAX] = 4; /* empty activation range */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "finish empty range accepted");
    fin_params[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MIN] = -128;
    fin_params[TL_FULLY_CONNECTED_FINISH_P_ACTIVATION_MAX] = 127;
    quant[5] = 31; /* last pair's shift out of range */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "finish shift 31 accepted");
    quant[5] = -2;
    tensors.data[5] = base + 28; /* in place from the accumulators' first byte */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "finish in place refused");
    tensors.data[5] = base + 30; /* starts inside the first accumulator */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "finish partly over acc accepted");
    tensors.data[5] = base + 40;
}

static void test_fixed_point_hand_values(void)
{
    /* Ties round away from zero. */
    CHECK(tl_d_rdbp(5, 1) == 3, "rdbp(5,1) = %d", (int)tl_d_rdbp(5, 1));
    CHECK(tl_d_rdbp(-5, 1) == -3, "rdbp(-5,1) = %d", (int)tl_d_rdbp(-5, 1));
    CHECK(tl_d_rdbp(-4, 1) == -2, "rdbp(-4,1)");
    /* 2 * 2^30 * 2^30 / 2^32 = 2^28; the one saturating case. */
    CHECK(tl_d_srdhm(1 << 30, 1 << 30) == (1 << 29), "srdhm(2^30, 2^30) = %d", (int)tl_d_srdhm(1 << 30, 1 << 30));
    CHECK(tl_d_srdhm(INT32_MIN, INT32_MIN) == INT32_MAX, "srdhm saturation");
    /* 16 * 0.5 = 8; -3 * 0.5 = -1.5 -> -1: gemmlowp's negative nudge is 1 - 2^30, not -2^30, so ties go up. */
    CHECK(tl_d_mbqm(16, 1 << 30, 0) == 8, "mbqm(16, 0.5)");
    CHECK(tl_d_mbqm(-3, 1 << 30, 0) == -1, "mbqm(-3, 0.5) = %d", (int)tl_d_mbqm(-3, 1 << 30, 0));
    CHECK(tl_d_mbqm(3, 1 << 30, 0) == 2, "mbqm(3, 0.5) = %d", (int)tl_d_mbqm(3, 1 << 30, 0));
    /* 1000 * 0.5 * 2^3 = 4000. */
    CHECK(tl_d_mbqm(1000, 1 << 30, 3) == 4000, "mbqm left shift");
    /* int64 variant: multiplier 2^30 is 16384 in 16 bits; -5000 * 1.0 (shift 1). */
    CHECK(tl_d_mbqm64(-5000, 1 << 30, 1) == -5000, "mbqm64 = %d", (int)tl_d_mbqm64(-5000, 1 << 30, 1));
    /* exp(0) is 1 (the Q0 maximum); exp(-1) * 2^31 = 790015083.6: the polynomial is good to about 2e-7. */
    CHECK(tl_fp_exp_on_negative_values(0, 5) == INT32_MAX, "exp(0)");
    {
        int32_t e = tl_fp_exp_on_negative_values(-(1 << 26), 5);
        CHECK(e > 790015084 - 430 && e < 790015084 + 430, "exp(-1) = %d", (int)e);
    }
    CHECK(tl_fp_logistic(0, 4) == (1 << 30), "logistic(0)");
    CHECK(tl_fp_tanh(0, 4) == 0, "tanh(0)");
    CHECK(tl_fp_count_leading_zeros(1u << 19) == 12, "clz");
}

static void test_dense_hand_values(void)
{
    {
        /* FC s8: rows [1,1,1] and [-1,2,0] on [1,2,3], biases 10 and -5, scale 0.5, zp 3: 16 -> 8+3, -2 -> -1+3. */
        const int8_t in[3] = {1, 2, 3};
        const int8_t w[6] = {1, 1, 1, -1, 2, 0};
        const int32_t bias[2] = {10, -5};
        const int32_t pairs[4] = {1 << 30, 0, 1 << 30, 0};
        tl_fc_params p = {1, 3, 2, 3, -128, 127};
        tl_fc_quant q;
        int8_t out[2] = {0, 0};
        q.pairs = pairs;
        q.per_channel = 1;
        CHECK(tl_fully_connected_s8(&p, &q, in, w, bias, out) == TL_OK, "fc status");
        CHECK(out[0] == 11 && out[1] == 2, "fc s8 = %d %d", out[0], out[1]);
    }
    {
        /* FC s4: row [1, -1, 7] packed as 0xF1 0x07; 1 - 2 + 21 = 20, scale 1.0 (2^30, shift 1). */
        const int8_t in[3] = {1, 2, 3};
        const uint8_t w[2] = {0xF1, 0x07};
        const int32_t bias[1] = {0};
        const int32_t pairs[2] = {1 << 30, 1};
        tl_fc_params p = {1, 3, 1, 0, -128, 127};
        tl_fc_quant q;
        int8_t out[1] = {0};
        q.pairs = pairs;
        q.per_channel = 0;
        CHECK(tl_fully_connected_s4(&p, &q, in, w, bias, out) == TL_OK && out[0] == 20, "fc s4 = %d", out[0]);
    }
    {
        /* FC s16: 3 * 1000 + 4 * -2000 = -5000 at scale 1.0, both accumulator widths. */
        const int16_t in[2] = {1000, -2000};
        const int8_t w[2] = {3, 4};
        const int64_t bias[1] = {0};
        const int32_t pairs[2] = {1 << 30, 1};
        tl_fc_params p = {1, 2, 1, 0, -32768, 32767};
        tl_fc_quant q;
        int16_t out[1] = {0};
        q.pairs = pairs;
        q.per_channel = 1;
        CHECK(tl_fully_connected_s16(&p, &q, 0, in, w, bias, out) == TL_OK && out[0] == -5000, "fc s16/64 = %d",
              out[0]);
        out[0] = 0;
        CHECK(tl_fully_connected_s16(&p, &q, 1, in, w, bias, out) == TL_OK && out[0] == -5000, "fc s16/32 = %d",
              out[0]);
    }
    {
        /* 2x2 pools over one 2x2 window: average 10/4 = 2.5 -> 3, -2.5 -> -3; max 4. */
        const int8_t pos[4] = {1, 2, 3, 4};
        const int8_t neg[4] = {-1, -2, -3, -4};
        tl_pool_params p = {1, 2, 2, 1, 1, 1, 2, 2, 2, 2, 0, 0, -128, 127};
        int8_t out = 0;
        int16_t pos16[4] = {1000, 2000, 3000, 4001};
        int16_t out16 = 0;
        tl_average_pool_s8(&p, pos, &out);
        CHECK(out == 3, "avg pool = %d", out);
        tl_average_pool_s8(&p, neg, &out);
        CHECK(out == -3, "avg pool neg = %d", out);
        tl_max_pool_s8(&p, pos, &out);
        CHECK(out == 4, "max pool = %d", out);
        p.act_min = -32768;
        p.act_max = 32767;
        /* 10001 / 4 = 2500.25 -> 2500. */
        tl_average_pool_s16(&p, pos16, &out16);
        CHECK(out16 == 2500, "avg pool s16 = %d", out16);
        tl_max_pool_s16(&p, pos16, &out16);
        CHECK(out16 == 4001, "max pool s16 = %d", out16);
        /* Padding is not counted: a 3x3 window with pad 1 at the corner covers 4 inputs. */
        {
            tl_pool_params padded = {1, 2, 2, 1, 1, 1, 1, 1, 3, 3, 1, 1, -128, 127};
            tl_average_pool_s8(&padded, pos, &out);
            CHECK(out == 3, "padded avg pool = %d", out);
        }
    }
    {
        /* Windows that validation accepts but whose padding and filter are near INT32_MAX (found by the loader
         * fuzzer): each covers one input, and no intermediate index may leave int32 (run under UBSan by fuzz.sh).
         * 1. pad 715827883 = (2^31 + 1) / 3, filter one wider, one input pixel of 3 channels: channel 1's offset
         *    from the window origin, -3 * pad + 1, used to be INT32_MIN. 2. pad INT32_MAX - 1 and filter INT32_MAX
         *    over 5 input columns: input width minus the origin used to pass INT32_MAX. */
        const int8_t in8[15] = {11, -22, 33, 44, 55, 66, 77, 88, 99, 1, 2, 3, 4, 5, 6};
        const int16_t in16[15] = {1100, -2200, 3300, 4400, 5500, 6600, 7700, 8800, 9900, 1, 2, 3, 4, 5, 6};
        const int32_t pads[2] = {715827883, INT32_MAX - 1};
        const int32_t filters[2] = {715827884, INT32_MAX};
        const int32_t widths[2] = {1, 5};
        int k, c;
        for (k = 0; k < 2; k++)
        {
            tl_pool_params wide = {1, 1, widths[k], 3, 1, 1, 1, 1, 1, filters[k], 0, pads[k], -128, 127};
            tl_pool_params wide16 = wide;
            int8_t avg8[3] = {0, 0, 0}, max8[3] = {0, 0, 0};
            int16_t avg16[3] = {0, 0, 0}, max16[3] = {0, 0, 0};
            wide16.act_min = -32768;
            wide16.act_max = 32767;
            CHECK(tl_average_pool_s8(&wide, in8, avg8) == TL_OK && tl_max_pool_s8(&wide, in8, max8) == TL_OK &&
                      tl_average_pool_s16(&wide16, in16, avg16) == TL_OK &&
                      tl_max_pool_s16(&wide16, in16, max16) == TL_OK,
                  "wide pools %d refused", k);
            for (c = 0; c < 3; c++)
            {
                /* The one covered input is column 0: the window is [-pad, -pad + filter) = [0, 1). */
                CHECK(avg8[c] == in8[c] && max8[c] == in8[c] && avg16[c] == in16[c] && max16[c] == in16[c],
                      "wide pool %d channel %d: avg %d max %d avg16 %d max16 %d, want %d / %d", k, c, avg8[c], max8[c],
                      avg16[c], max16[c], in8[c], in16[c]);
            }
        }
    }
    {
        /* MEAN over axes 1 and 2 of [1,2,2,1]: 11 * 0.25 = 2.75 -> 3. */
        const int8_t in[4] = {1, 2, 3, 5};
        tl_mean_params p = {{1, 2, 2, 1}, 6, 1 << 30, -1, 0, 0};
        int8_t out = 0;
        CHECK(tl_mean_s8(&p, in, &out) == TL_OK && out == 3, "mean = %d", out);
    }
    {
        /* SOFTMAX of two equal logits with exp(0) = 0.5 in the table: each 0.5 -> 128 - 128 = 0 (int8), 0 (int16). */
        int32_t table[256];
        const int8_t in[2] = {5, 5};
        int8_t out[2] = {1, 1};
        int16_t out16[2] = {1, 1};
        int k;
        for (k = 0; k < 256; k++)
        {
            table[k] = k == 0 ? (1 << 30) : 0;
        }
        CHECK(tl_softmax_s8(1, 2, in, table, out) == TL_OK && out[0] == 0 && out[1] == 0, "softmax = %d %d", out[0],
              out[1]);
        CHECK(tl_softmax_s8_s16(1, 2, in, table, out16) == TL_OK && out16[0] == 0 && out16[1] == 0,
              "softmax s16 = %d %d", out16[0], out16[1]);
    }
    {
        /*
         * SOFTMAX int8 whose output overlaps its input one element ahead (a hostile image's aliasing, found by the
         * loader fuzzer): each output overwrites the next input before the last pass reads it, so that input can
         * exceed the row maximum. With a flat exp table every in-bounds read gives the same value, and the outputs
         * must equal an unaliased run's. The table sits behind 256 zero entries: an out-of-bounds read (max - x < 0)
         * would fetch a 0 and lower that output.
         */
        int32_t guarded[512];
        const int32_t *flat = guarded + 256;
        const int8_t logits[4] = {-100, -100, -100, -100};
        int8_t expect8[4], buffer8[5];
        int16_t expect16[4], buffer16[4];
        int k;
        for (k = 0; k < 512; k++)
        {
            guarded[k] = k < 256 ? 0 : (1 << 24);
        }
        CHECK(tl_softmax_s8(1, 4, logits, flat, expect8) == TL_OK &&
                  tl_softmax_s8_s16(1, 4, logits, flat, expect16) == TL_OK,
              "flat softmax refused");
        memcpy(buffer8, logits, 4);
        tl_softmax_s8(1, 4, buffer8, flat, buffer8 + 1);
        memcpy(buffer16, logits, 4);
        /* int16 outputs over the int8 input: output i covers input bytes 2i and 2i + 1. */
        tl_softmax_s8_s16(1, 4, (const int8_t *)buffer16, flat, buffer16);
        for (k = 0; k < 4; k++)
        {
            CHECK(buffer8[1 + k] == expect8[k] && buffer16[k] == expect16[k],
                  "aliased softmax output %d: %d / %d, want %d / %d", k, buffer8[1 + k], buffer16[k], expect8[k],
                  expect16[k]);
        }
    }
    {
        /*
         * SOFTMAX s16 of two equal logits with flat tables: exp 32767 each, sum 65534 (16 leading zeros),
         * reciprocal 16384, so each output is (32767 * 16384 + 2^14) >> 15 = 16384 (0.5 in Q15).
         */
        int16_t tables[1026];
        const int16_t in[2] = {-7, -7};
        int16_t out[2] = {0, 0};
        int k;
        for (k = 0; k < 1026; k++)
        {
            tables[k] = (int16_t)(k < 513 ? 32767 : 16384);
        }
        CHECK(tl_softmax_s16(1, 2, 0x40000000, 0, in, tables, out) == TL_OK && out[0] == 16384 && out[1] == 16384,
              "softmax s16 = %d %d", out[0], out[1]);
    }
    {
        /* LOGISTIC(0) = 0.5 = 16384 in Q15 with sigmoid table[0] = 0.5 in 0.16; TANH(0) = 0. */
        uint16_t table[256];
        const int16_t in[1] = {0};
        int16_t out[1] = {1};
        int k;
        for (k = 0; k < 256; k++)
        {
            table[k] = (uint16_t)(32768 + 127 * k);
        }
        CHECK(tl_logistic_s16(1, in[0] + 1, 0, in, table, out) == TL_OK && out[0] == 16384, "logistic = %d", out[0]);
        CHECK(tl_tanh_s16(1, 1, 0, in, table, out) == TL_OK && out[0] == 0, "tanh = %d", out[0]);
    }
    {
        int8_t table[256];
        int8_t data[3] = {-128, 0, 127};
        int k;
        for (k = 0; k < 256; k++)
        {
            table[k] = (int8_t)(255 - k);
        }
        /* In place: entry (uint8_t)x. */
        tl_lookup_s8(3, data, table, data);
        CHECK(data[0] == 127 && data[1] == -1 && data[2] == -128, "lookup = %d %d %d", data[0], data[1], data[2]);
    }
}

static void same_shape(tl_broadcast *bc, int32_t n)
{
    memset(bc, 0, sizeof *bc);
    bc->outer = 0;
    bc->n = n;
    bc->inner1 = 1;
    bc->inner2 = 1;
}

static void test_elementwise_hand_values(void)
{
    tl_broadcast bc;
    {
        /* ADD s8 at scales where (x + y) / 4 is the result: (10 + 6) / 4 = 4; 1/4 -> 0; 3/4 -> 1. */
        const int8_t a[3] = {10, 1, 3};
        const int8_t b[3] = {6, 0, 0};
        int8_t out[3];
        tl_add_params p = {0, 1 << 30, 0, 0, 1 << 30, 0, 1 << 30, -20, 0, 20, -128, 127};
        same_shape(&bc, 3);
        CHECK(tl_add_s8(&p, &bc, a, b, out) == TL_OK && out[0] == 4 && out[1] == 0 && out[2] == 1, "add s8 = %d %d %d",
              out[0], out[1], out[2]);
        /* SUB: (10 - 6) / 4 = 1. */
        CHECK(tl_sub_s8(&p, &bc, a, b, out) == TL_OK && out[0] == 1, "sub s8 = %d", out[0]);
    }
    {
        /* MUL s8: 6 * 7 * 0.5 = 21. */
        const int8_t a[1] = {6};
        const int8_t b[1] = {7};
        int8_t out[1];
        tl_mul_params p = {0, 0, 0, 1 << 30, 0, -128, 127};
        same_shape(&bc, 1);
        CHECK(tl_mul_s8(&p, &bc, a, b, out) == TL_OK && out[0] == 21, "mul s8 = %d", out[0]);
    }
    {
        /* MAXIMUM of a [2,3] tensor with a broadcast [3] row. */
        const int8_t a[6] = {1, 5, -3, 7, -8, 0};
        const int8_t b[3] = {2, 2, 2};
        const int8_t expected[6] = {2, 5, 2, 7, 2, 2};
        int8_t out[6];
        memset(&bc, 0, sizeof bc);
        bc.outer = 1;
        bc.n = 3;
        bc.inner1 = 1;
        bc.inner2 = 1;
        bc.extent[0] = 2;
        bc.stride1[0] = 3;
        bc.stride2[0] = 0;
        CHECK(tl_broadcast_check(&bc, 6, 3, 6) == TL_OK, "broadcast check");
        CHECK(tl_broadcast_check(&bc, 6, 2, 6) == TL_ERR_PARAMS, "broadcast past input 2 accepted");
        CHECK(tl_maximum_s8(&bc, a, b, out) == TL_OK && memcmp(out, expected, 6) == 0, "maximum broadcast");
    }
    {
        /* int32 ADD wraps, then clamps; float MINIMUM. */
        const int32_t a[2] = {INT32_MAX, 5};
        const int32_t b[2] = {1, 5};
        int32_t out[2];
        const float fa[2] = {1.5f, -2.0f};
        const float fb[2] = {0.5f, 3.0f};
        float fout[2];
        same_shape(&bc, 2);
        CHECK(tl_add_s32(INT32_MIN, 9, &bc, a, b, out) == TL_OK && out[0] == INT32_MIN && out[1] == 9,
              "add s32 = %d %d", (int)out[0], (int)out[1]);
        CHECK(tl_minimum_f32(&bc, fa, fb, fout) == TL_OK && fout[0] == 0.5f && fout[1] == -2.0f, "minimum f32");
    }
    {
        /* RELU6 clamps the raw values; LEAKY_RELU with alpha 0.125: -16 -> -2, 7 -> 7. */
        int8_t data[3] = {-5, 10, 60};
        const int8_t leaky_in[2] = {-16, 7};
        int8_t leaky_out[2];
        tl_leaky_relu_params lp = {0, 0, 1 << 30, 1, 1 << 30, -2, 0};
        tl_relu_params rp = {0, 0, 1 << 30, 1, 0, 127};
        int8_t relu_out[3];
        CHECK(tl_relu6_s8(0, 50, 3, data, relu_out) == TL_OK && relu_out[0] == 0 && relu_out[1] == 10 &&
                  relu_out[2] == 50,
              "relu6");
        CHECK(tl_relu_s8(&rp, 3, data, relu_out) == TL_OK && relu_out[0] == 0 && relu_out[1] == 10 && relu_out[2] == 60,
              "relu = %d %d %d", relu_out[0], relu_out[1], relu_out[2]);
        CHECK(tl_leaky_relu_s8(&lp, 2, leaky_in, leaky_out) == TL_OK && leaky_out[0] == -2 && leaky_out[1] == 7,
              "leaky = %d %d", leaky_out[0], leaky_out[1]);
    }
    {
        const float in[3] = {3.0f, -3.0f, 1.0f};
        float out[3];
        CHECK(tl_hard_swish_f32(3, in, out) == TL_OK && out[0] == 3.0f && out[1] == 0.0f && out[2] == 4.0f / 6.0f,
              "hard swish f32");
    }
}

static void test_validation_refuses_hostile_records(void)
{
    static struct tl_tensors tensors;
    static int8_t input[8], weights[16], output[4];
    static int32_t bias[4], quant[8];
    int32_t op_inputs[4] = {0, 1, 2, 3};
    int32_t op_outputs[1] = {4};
    int32_t params[TL_FULLY_CONNECTED_P_LENGTH] = {
        [TL_FULLY_CONNECTED_P_BATCHES] = 1,           [TL_FULLY_CONNECTED_P_INPUT_DEPTH] = 4,
        [TL_FULLY_CONNECTED_P_OUTPUT_DEPTH] = 4,      [TL_FULLY_CONNECTED_P_OUTPUT_OFFSET] = 0,
        [TL_FULLY_CONNECTED_P_ACTIVATION_MIN] = -128, [TL_FULLY_CONNECTED_P_ACTIVATION_MAX] = 127,
        [TL_FULLY_CONNECTED_P_PER_CHANNEL] = 1,
    };
    tl_op op;
    int k;
    memset(&tensors, 0, sizeof tensors);
    tensors.count = 5;
    tensors.data[0] = (uint8_t *)input;
    tensors.bytes[0] = 4;
    tensors.type[0] = 9;
    tensors.data[1] = (uint8_t *)weights;
    tensors.bytes[1] = 16;
    tensors.type[1] = 9;
    tensors.data[2] = (uint8_t *)bias;
    tensors.bytes[2] = 16;
    tensors.type[2] = 2;
    tensors.data[3] = (uint8_t *)quant;
    tensors.bytes[3] = 32;
    tensors.type[3] = 2;
    tensors.data[4] = (uint8_t *)output;
    tensors.bytes[4] = 4;
    tensors.type[4] = 9;
    for (k = 0; k < 4; k++)
    {
        quant[2 * k] = 1 << 30;
        quant[2 * k + 1] = 0;
    }
    op.code = TL_OP_FULLY_CONNECTED_S8;
    op.source_index = 0;
    op.input_count = 4;
    op.output_count = 1;
    op.param_count = TL_FULLY_CONNECTED_P_LENGTH;
    op.inputs = op_inputs;
    op.outputs = op_outputs;
    op.params = params;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "valid FC refused");
    params[TL_FULLY_CONNECTED_P_OUTPUT_DEPTH] = 5; /* more output channels than the weights hold */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "FC out_depth past weights accepted");
    params[TL_FULLY_CONNECTED_P_OUTPUT_DEPTH] = 4;
    params[TL_FULLY_CONNECTED_P_BATCHES] = 2; /* two batches read past the input */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "FC batches past input accepted");
    params[TL_FULLY_CONNECTED_P_BATCHES] = 1;
    quant[3] = 31; /* shift out of range */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "FC shift 31 accepted");
    quant[3] = 0;
    params[TL_FULLY_CONNECTED_P_ACTIVATION_MIN] = 10;
    params[TL_FULLY_CONNECTED_P_ACTIVATION_MAX] = 5; /* empty activation range */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "FC empty range accepted");
    params[TL_FULLY_CONNECTED_P_ACTIVATION_MIN] = -128;
    params[TL_FULLY_CONNECTED_P_ACTIVATION_MAX] = 127;
    op_inputs[TL_FULLY_CONNECTED_IN_WEIGHTS] = 7; /* no such tensor */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "FC unknown tensor accepted");
    op_inputs[TL_FULLY_CONNECTED_IN_WEIGHTS] = 1;
    params[TL_FULLY_CONNECTED_P_PER_CHANNEL] = 2; /* per-channel flag must be 0 or 1 */
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "FC per-channel flag 2 accepted");
    params[TL_FULLY_CONNECTED_P_PER_CHANNEL] = 0; /* one pair for all: a requantization tensor of 8 bytes is enough */
    tensors.bytes[3] = 8;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_OK, "per-tensor FC refused");
    params[TL_FULLY_CONNECTED_P_PER_CHANNEL] = 1;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_PARAMS, "per-channel FC with one pair accepted");
    tensors.bytes[3] = 32;
    /* The last code of the Dense family's range, which no kernel uses. */
    op.code = (TL_OP_FULLY_CONNECTED_S8 / TL_OP_FAMILY_RANGE + 1) * TL_OP_FAMILY_RANGE - 1;
    CHECK(tl_dense_family_validate(&op, &tensors) == TL_ERR_UNSUPPORTED, "unknown dense code accepted");
    {
        /* MAXIMUM s8 (binary layout: the broadcast descriptor only) whose broadcast rows read past input 2: no outer
           dimension, rows of 4 elements, both inputs stepping along a row. */
        int32_t ew_inputs[2] = {0, 1};
        int32_t ew_outputs[1] = {4};
        int32_t ew_params[TL_BINARY_P_LENGTH + 4] = {0, 4, 1, 1};
        tensors.bytes[1] = 3;
        op.code = TL_OP_MAXIMUM_S8;
        op.input_count = 2;
        op.param_count = TL_BINARY_P_LENGTH + 4;
        op.inputs = ew_inputs;
        op.outputs = ew_outputs;
        op.params = ew_params;
        CHECK(tl_elementwise_family_validate(&op, &tensors) == TL_ERR_PARAMS, "broadcast past input accepted");
        tensors.bytes[1] = 4;
        CHECK(tl_elementwise_family_validate(&op, &tensors) == TL_OK, "valid maximum refused");
        /* The descriptor's first field, its number of outer dimensions: 1 declared but no dimension follows. */
        ew_params[TL_BINARY_P_BROADCAST] = 1;
        CHECK(tl_elementwise_family_validate(&op, &tensors) == TL_ERR_PARAMS, "truncated descriptor accepted");
        ew_params[TL_BINARY_P_BROADCAST] = 0;
        tensors.type[1] = 7; /* int16 operand for an int8 kernel */
        CHECK(tl_elementwise_family_validate(&op, &tensors) == TL_ERR_PARAMS, "wrong dtype accepted");
    }
}

static void test_in_place_matches_out_of_place(void)
{
    int trial;
    for (trial = 0; trial < 200; trial++)
    {
        /* ADD s8 of a [rows, n] tensor with a broadcast [n] row, output written over input 1. */
        int8_t a[48], b[8], out[48], in_place[48];
        int16_t x16[48], out16[48], in_place16[48];
        uint16_t table[256];
        tl_broadcast bc;
        tl_add_params p;
        int32_t rows = rnd_range(1, 6), n = rnd_range(1, 8), i;
        memset(&bc, 0, sizeof bc);
        bc.outer = 1;
        bc.n = n;
        bc.inner1 = 1;
        bc.inner2 = 1;
        bc.extent[0] = rows;
        bc.stride1[0] = n;
        bc.stride2[0] = 0;
        p.input1_offset = rnd_range(-127, 128);
        p.input1_multiplier = rnd_range(0x40000000, 0x7FFFFFFF);
        p.input1_shift = rnd_range(-3, 0);
        p.input2_offset = rnd_range(-127, 128);
        p.input2_multiplier = rnd_range(0x40000000, 0x7FFFFFFF);
        p.input2_shift = rnd_range(-3, 0);
        p.output_multiplier = rnd_range(0x40000000, 0x7FFFFFFF);
        p.output_shift = rnd_range(-22, -18);
        p.output_offset = rnd_range(-128, 127);
        p.left_shift = 20;
        p.act_min = -128;
        p.act_max = 127;
        for (i = 0; i < rows * n; i++)
        {
            a[i] = (int8_t)rnd_range(-128, 127);
            x16[i] = (int16_t)rnd_range(-32768, 32767);
        }
        for (i = 0; i < n; i++)
        {
            b[i] = (int8_t)rnd_range(-128, 127);
        }
        for (i = 0; i < 256; i++)
        {
            table[i] = (uint16_t)(32768 + 127 * i);
        }
        memcpy(in_place, a, sizeof a);
        tl_add_s8(&p, &bc, a, b, out);
        tl_add_s8(&p, &bc, in_place, b, in_place);
        CHECK(memcmp(out, in_place, (size_t)(rows * n)) == 0, "add s8 in place differs (trial %d)", trial);
        memcpy(in_place16, x16, sizeof x16);
        tl_logistic_s16(rows * n, 3, 1, x16, table, out16);
        tl_logistic_s16(rows * n, 3, 1, in_place16, table, in_place16);
        CHECK(memcmp(out16, in_place16, sizeof(int16_t) * (size_t)(rows * n)) == 0, "logistic in place differs");
    }
}

int main(void)
{
    test_in_place_matches_out_of_place();
    test_fc_fast_matches_plain();
    test_fc_s4_fast_matches_plain();
    test_fc_s4_hand_values();
    test_fc_streaming_matches_whole();
    test_fc_streaming_validation();
    test_fc_streaming_arguments();
    test_fixed_point_hand_values();
    test_dense_hand_values();
    test_elementwise_hand_values();
    test_validation_refuses_hostile_records();
    printf("%d checks, %d failed\n", g_checks, g_failures);
    return g_failures == 0 ? 0 : 1;
}
