/*
 * Load-time validation of the LSTM kernels (src/portable/recurrent/tl_lstm_common.c) against tensor byte counts
 * that the four int32 geometry Params (batches, time steps, input depth, state depth) can push past int32 and
 * past int64. The validator multiplies them step by step and refuses any product beyond INT32_MAX (no tensor is
 * larger). The test is compiled with signed-overflow trapping (see CMakeLists.txt): an unchecked product of four
 * int32 factors traps instead of passing silently.
 *
 * Tensors point to small real buffers; a tensor whose claimed byte count is larger than its buffer points to an
 * address past every real buffer that is never dereferenced (validation compares sizes and address ranges only).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_recurrent_kernels.h"
#include "tl_ndense_tensors.h"
#include "tl_test_check.h"

enum
{
    T_INPUT = 0,
    T_INPUT_WEIGHTS = 1,     /* 4 tensors: input to input, forget, cell, output gate */
    T_RECURRENT_WEIGHTS = 5, /* 4 tensors */
    T_BIASES = 9,
    T_TABLE = 10,
    T_OUTPUT = 11,
    T_HIDDEN = 12,
    T_CELL = 13,
    T_COUNT = 14
};

/* Backing store of the tensors that are really small; large claimed tensors get a fake address above it. */
static uint8_t g_store[T_COUNT][64];

typedef struct
{
    tl_tensors tensors;
    int32_t inputs[TL_LSTM_IN_SIGMOID_TABLE + 1];
    int32_t outputs[TL_LSTM_OUT_CELL_STATE + 1];
    int32_t params[TL_LSTM_P_LENGTH];
    tl_op op;
} lstm_case;

/* Tensor t of the given type claims @p bytes; those up to 64 live in g_store, larger ones at distinct fake
   addresses 4 GiB apart above it (64-bit hosts) or 64 KiB apart (32-bit), never read. */
static void set_tensor(lstm_case *c, int32_t t, int32_t type, int64_t bytes)
{
    static const uintptr_t stride = sizeof(uintptr_t) >= 8 ? (uintptr_t)1 << 32 : (uintptr_t)1 << 16;
    c->tensors.type[t] = type;
    c->tensors.bytes[t] = bytes > INT32_MAX ? INT32_MAX : (int32_t)bytes;
    c->tensors.data[t] =
        bytes <= 64 ? g_store[t] : (uint8_t *)((uintptr_t)(g_store + T_COUNT) + stride * (uintptr_t)(t + 1));
}

/* A record the validator accepts for the given geometry, every tensor claiming exactly the bytes it needs
   (capped at INT32_MAX), io_bytes 1 (s8, int32 biases) or 2 (s16, int64 biases). */
static void make_case(lstm_case *c, int32_t batches, int32_t steps, int32_t in_depth, int32_t state_depth,
                      int32_t io_bytes)
{
    const int32_t io_type = io_bytes == 1 ? TL_TYPE_INT8 : TL_TYPE_INT16;
    const int32_t bias_type = io_bytes == 1 ? TL_TYPE_INT32 : TL_TYPE_INT64;
    const int64_t rows = (int64_t)batches * steps;
    int32_t i;
    memset(c, 0, sizeof(*c));
    c->tensors.count = T_COUNT;
    set_tensor(c, T_INPUT, io_type, rows > INT32_MAX ? INT32_MAX : rows * in_depth * io_bytes);
    for (i = 0; i < 4; i++)
    {
        set_tensor(c, T_INPUT_WEIGHTS + i, TL_TYPE_INT8, (int64_t)state_depth * in_depth);
        set_tensor(c, T_RECURRENT_WEIGHTS + i, TL_TYPE_INT8, (int64_t)state_depth * state_depth);
    }
    set_tensor(c, T_BIASES, bias_type, 8 * (int64_t)state_depth * (io_bytes == 1 ? 4 : 8));
    set_tensor(c, T_TABLE, TL_TYPE_INT16, 512);
    set_tensor(c, T_OUTPUT, io_type, rows > INT32_MAX ? INT32_MAX : rows * state_depth * io_bytes);
    set_tensor(c, T_HIDDEN, io_type, (int64_t)batches * state_depth * io_bytes);
    set_tensor(c, T_CELL, TL_TYPE_INT16, (int64_t)batches * state_depth * 2);
    for (i = 0; i <= TL_LSTM_IN_SIGMOID_TABLE; i++)
    {
        c->inputs[i] = i;
    }
    c->outputs[TL_LSTM_OUT_OUTPUT] = T_OUTPUT;
    c->outputs[TL_LSTM_OUT_OUTPUT_STATE] = T_HIDDEN;
    c->outputs[TL_LSTM_OUT_CELL_STATE] = T_CELL;
    c->params[TL_LSTM_P_BATCHES] = batches;
    c->params[TL_LSTM_P_TIME_STEPS] = steps;
    c->params[TL_LSTM_P_INPUT_DEPTH] = in_depth;
    c->params[TL_LSTM_P_STATE_DEPTH] = state_depth;
    for (i = 0; i < 4; i++)
    {
        c->params[TL_LSTM_P_INPUT_MULTIPLIERS + i] = 1 << 30;
        c->params[TL_LSTM_P_RECURRENT_MULTIPLIERS + i] = 1 << 30;
    }
    c->params[TL_LSTM_P_FORGET_CELL_MULTIPLIER] = 1 << 30;
    c->params[TL_LSTM_P_INPUT_CELL_MULTIPLIER] = 1 << 30;
    c->params[TL_LSTM_P_HIDDEN_MULTIPLIER] = 1 << 30;
    c->params[TL_LSTM_P_HIDDEN_MIN] = io_bytes == 1 ? -128 : -32768;
    c->params[TL_LSTM_P_HIDDEN_MAX] = io_bytes == 1 ? 127 : 32767;
    c->params[TL_LSTM_P_CELL_TANH_MULTIPLIER] = 1;
    c->op.input_count = TL_LSTM_IN_SIGMOID_TABLE + 1;
    c->op.output_count = TL_LSTM_OUT_CELL_STATE + 1;
    c->op.param_count = TL_LSTM_P_LENGTH;
    c->op.inputs = c->inputs;
    c->op.outputs = c->outputs;
    c->op.params = c->params;
}

static tl_status validate(lstm_case *c, int32_t io_bytes)
{
    return io_bytes == 1 ? tl_op_lstm_s8_validate(&c->op, &c->tensors) : tl_op_lstm_s16_validate(&c->op, &c->tensors);
}

/* A small well-formed record is accepted, and so is one whose input needs just under 2 GiB. */
static void test_accepts_products_up_to_int32(void)
{
    static lstm_case c;
    int32_t io_bytes;
    for (io_bytes = 1; io_bytes <= 2; io_bytes++)
    {
        make_case(&c, 2, 3, 5, 4, io_bytes);
        CHECK(validate(&c, io_bytes) == TL_OK);
        /* 1 x (2^15 - 1) x 2^16 = 2^31 - 2^16 bytes of s8 input (half the steps for s16). */
        make_case(&c, 1, io_bytes == 1 ? 32767 : 16383, 65536, 1, io_bytes);
        CHECK(validate(&c, io_bytes) == TL_OK);
    }
}

/* One more step: the input needs 2^31 bytes, more than any tensor holds. Every other tensor fits; the input claims
   INT32_MAX bytes. Refused only because the product passes INT32_MAX. */
static void test_refuses_product_past_int32(void)
{
    static lstm_case c;
    int32_t io_bytes;
    for (io_bytes = 1; io_bytes <= 2; io_bytes++)
    {
        make_case(&c, 1, io_bytes == 1 ? 32768 : 16384, 65536, 1, io_bytes);
        CHECK(validate(&c, io_bytes) == TL_ERR_PARAMS);
    }
}

/* Four factors near INT32_MAX: batches x steps x depth x io_bytes passes even int64 (the fuzzer's finding). Each
   tensor claims INT32_MAX bytes. With signed-overflow trapping, an unchecked product aborts the test. */
static void test_refuses_product_past_int64(void)
{
    static lstm_case c;
    static const int32_t factors[][4] = {
        {INT32_MAX, INT32_MAX, INT32_MAX, INT32_MAX},
        {INT32_MAX, INT32_MAX, INT32_MAX, 1},
        {1 << 16, 1 << 30, 1 << 18, 1},
        {1 << 20, 1 << 24, 1, 1 << 20},
    };
    size_t k;
    int32_t io_bytes;
    for (k = 0; k < sizeof(factors) / sizeof(factors[0]); k++)
    {
        for (io_bytes = 1; io_bytes <= 2; io_bytes++)
        {
            make_case(&c, factors[k][0], factors[k][1], factors[k][2], factors[k][3], io_bytes);
            CHECK(validate(&c, io_bytes) == TL_ERR_PARAMS);
        }
    }
}

int main(void)
{
    test_accepts_products_up_to_int32();
    test_refuses_product_past_int32();
    test_refuses_product_past_int64();
    printf("test_lstm_validate: %d failure(s)\n", failures);
    return failures == 0 ? 0 : 1;
}
