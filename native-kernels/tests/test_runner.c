/*
 * CTest for the runner: builds small images by hand (docs/FORMAT.md), loads and runs them, and checks the
 * outputs against values worked out by hand in the comments; then checks that corrupted, truncated and
 * inconsistent images, small arenas and unknown kernels are refused with the right status and message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_runner.h"
#include "tinylite/tl_shape_kernels.h"

#include "tl_test_check.h"

/* ---- a tiny image writer ---- */

typedef struct
{
    uint8_t *bytes;
    size_t length;
} buffer;

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

typedef struct
{
    uint8_t type, location, rank, flags;
    int32_t offset, size, dims[6];
} tensor_spec;

/* One 8-byte-aligned image buffer (uint64_t storage). */
static uint64_t image_storage[1024];

static void fix_crc(uint8_t *image, size_t length)
{
    put32(image + TL_IMAGE_OFF_CRC32, tl_crc32(image + TL_IMAGE_CRC_START, length - TL_IMAGE_CRC_START));
}

static size_t align8(size_t n)
{
    return (n + 7u) & ~(size_t)7u;
}

/* Ops are given as a flat int32 list: code, source, ni, no, np, inputs..., outputs..., params...; repeated. */
static buffer build_image(const tensor_spec *tensors, int tensor_count, const int32_t *ops, int ops_words, int op_count,
                          const int32_t *io, int io_words, const uint8_t *constants, size_t const_len,
                          int32_t arena_bytes)
{
    uint8_t *img = (uint8_t *)image_storage;
    size_t pos = TL_IMAGE_HEADER_BYTES + 5 * TL_IMAGE_SECTION_ENTRY_BYTES;
    size_t meta_off, tensor_off, ops_off, io_off, const_off, end;
    int i;
    buffer result;
    memset(image_storage, 0, sizeof image_storage);
    pos = align8(pos);
    meta_off = pos;
    pos += 8; /* four empty strings */
    pos = align8(pos);
    tensor_off = pos;
    put32(img + pos, (uint32_t)tensor_count);
    pos += 4;
    for (i = 0; i < tensor_count; i++)
    {
        uint8_t *r = img + pos;
        int d;
        r[0] = tensors[i].type;
        r[1] = tensors[i].location;
        r[2] = tensors[i].rank;
        r[3] = tensors[i].flags;
        put32(r + 4, (uint32_t)tensors[i].offset);
        put32(r + 8, (uint32_t)tensors[i].size);
        for (d = 0; d < 6; d++)
        {
            put32(r + 12 + 4 * d, (uint32_t)tensors[i].dims[d]);
        }
        pos += TL_IMAGE_TENSOR_RECORD_BYTES;
    }
    pos = align8(pos);
    ops_off = pos;
    put32(img + pos, (uint32_t)op_count);
    pos += 4;
    for (i = 0; i < ops_words; i++, pos += 4)
    {
        put32(img + pos, (uint32_t)ops[i]);
    }
    pos = align8(pos);
    io_off = pos;
    for (i = 0; i < io_words; i++, pos += 4)
    {
        put32(img + pos, (uint32_t)io[i]);
    }
    pos = align8(pos);
    const_off = pos;
    memcpy(img + pos, constants, const_len);
    pos += const_len;
    end = align8(pos);

    put32(img + 0, TL_IMAGE_MAGIC);
    img[4] = 1;
    put32(img + 8, (uint32_t)end);
    put32(img + 16, TL_IMAGE_HEADER_BYTES);
    put32(img + 20, 5);
    put32(img + 24, (uint32_t)arena_bytes);
    {
        const size_t offs[5] = {meta_off, tensor_off, ops_off, io_off, const_off};
        const size_t lens[5] = {8, ops_off - tensor_off, io_off - ops_off, const_off - io_off, end - const_off};
        for (i = 0; i < 5; i++)
        {
            uint8_t *e = img + TL_IMAGE_HEADER_BYTES + 12 * i;
            put32(e, (uint32_t)(i + 1));
            put32(e + 4, (uint32_t)offs[i]);
            put32(e + 8, (uint32_t)lens[i]);
        }
    }
    fix_crc(img, end);
    result.bytes = img;
    result.length = end;
    return result;
}

/*
 * The test model. Arena tensors:
 *   t0 int8 [2,3] @0   input  {1,2,3, 4,5,6}
 *   t1 int8 [4,5] @8   PAD(t0) by 1 on every side with 7
 *   t2 int8 [3,2] @32  TRANSPOSE(t0) as a strided copy
 *   t3 int8 [2,4] @40  CONCATENATION(t0, t5) along axis 1
 *   t4 int16 [6] @48   REQUANTIZE(t0): int8 -> int16, x * 0.5 + 10
 *   t6 int8 [4] @64    variable (state) tensor, zeroed at load
 * Image tensor:
 *   t5 int8 [2,1]      {100, -100}
 */
static const tensor_spec model_tensors[7] = {
    {TL_TYPE_INT8, TL_LOCATION_ARENA, 2, 0, 0, 6, {2, 3}},
    {TL_TYPE_INT8, TL_LOCATION_ARENA, 2, 0, 8, 20, {4, 5}},
    {TL_TYPE_INT8, TL_LOCATION_ARENA, 2, 0, 32, 6, {3, 2}},
    {TL_TYPE_INT8, TL_LOCATION_ARENA, 2, 0, 40, 8, {2, 4}},
    {TL_TYPE_INT16, TL_LOCATION_ARENA, 1, 0, 48, 12, {6}},
    {TL_TYPE_INT8, TL_LOCATION_IMAGE, 2, 0, -1 /* set to the constant section */, 2, {2, 1}},
    {TL_TYPE_INT8, TL_LOCATION_ARENA, 1, TL_TENSOR_FLAG_VARIABLE, 64, 4, {4}},
};

static const int32_t model_ops[] = {
    /* PAD: es 1, value 7, out dims (1,1,1,4,5), left (0,0,0,1,1), in dims (1,1,1,2,3) */
    TL_OP_PAD,
    0,
    2,
    1,
    17,
    0,
    -1,
    1,
    1,
    7,
    1,
    1,
    1,
    4,
    5,
    0,
    0,
    0,
    1,
    1,
    1,
    1,
    1,
    2,
    3,
    /* STRIDED_COPY (transpose [2,3] -> [3,2]): es 1, start 0, counts (1,1,1,3,2), steps (0,0,0,1,3) */
    TL_OP_STRIDED_COPY,
    1,
    1,
    1,
    12,
    0,
    2,
    1,
    0,
    1,
    1,
    1,
    3,
    2,
    0,
    0,
    0,
    1,
    3,
    /* CONCATENATION: outer 2, two inputs, chunks 3 and 1 bytes */
    TL_OP_CONCATENATION,
    2,
    2,
    1,
    4,
    0,
    5,
    3,
    2,
    2,
    3,
    1,
    /* REQUANTIZE: 6 elements int8 -> int16, zp 0 -> 10, multiplier 2^30 (0.5), shift 0 */
    TL_OP_REQUANTIZE,
    3,
    1,
    1,
    7,
    0,
    4,
    6,
    TL_TYPE_INT8,
    TL_TYPE_INT16,
    0,
    10,
    1 << 30,
    0,
};
#define MODEL_OP_COUNT 4
#define MODEL_ARENA 72

static const int32_t model_io[] = {1, 0, 4, 1, 2, 3, 4};
static const uint8_t model_constants[8] = {100, (uint8_t)-100};

static buffer build_model(const int32_t *ops, int words, int count, int32_t arena_bytes)
{
    tensor_spec tensors[7];
    buffer image;
    memcpy(tensors, model_tensors, sizeof tensors);
    /* First pass finds where the constant section lands; the second writes the tensor's offset. */
    image =
        build_image(tensors, 7, ops, words, count, model_io, 7, model_constants, sizeof model_constants, arena_bytes);
    tensors[5].offset = (int32_t)(image.length - sizeof model_constants);
    return build_image(tensors, 7, ops, words, count, model_io, 7, model_constants, sizeof model_constants,
                       arena_bytes);
}

static uint64_t arena_storage[32];

static void test_runs_model(void)
{
    buffer image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    uint8_t *arena = (uint8_t *)arena_storage;
    tl_model model;
    static const int8_t input[6] = {1, 2, 3, 4, 5, 6};
    static const int8_t padded[20] = {7, 7, 7, 7, 7, 7, 1, 2, 3, 7, 7, 4, 5, 6, 7, 7, 7, 7, 7, 7};
    static const int8_t transposed[6] = {1, 4, 2, 5, 3, 6};
    static const int8_t concatenated[8] = {1, 2, 3, 100, 4, 5, 6, -100};
    /* x * 0.5 rounded half away from zero, + 10: 1 -> 11, 2 -> 11, 3 -> 12, 4 -> 12, 5 -> 13, 6 -> 13. */
    static const int16_t requantized[6] = {11, 11, 12, 12, 13, 13};
    int16_t got16[6];
    static const uint8_t zero4[4] = {0, 0, 0, 0};

    memset(arena, 0xAB, sizeof arena_storage);
    CHECK(tl_model_load(&model, image.bytes, image.length, arena, MODEL_ARENA) == TL_OK);
    CHECK(strcmp(tl_model_error(&model), "") == 0);
    CHECK(memcmp(arena + 64, zero4, 4) == 0); /* the variable tensor is zeroed at load */
    CHECK(tl_model_arena_bytes(&model) == MODEL_ARENA);
    CHECK(tl_model_input_count(&model) == 1);
    CHECK(tl_model_output_count(&model) == 4);
    CHECK(tl_model_input_bytes(&model, 0) == 6);
    CHECK(tl_model_output_bytes(&model, 3) == 12);
    CHECK(tl_model_input(&model, 1) == NULL);
    memcpy(tl_model_input(&model, 0), input, 6);
    CHECK(tl_model_invoke(&model) == TL_OK);
    CHECK(memcmp(tl_model_output(&model, 0), padded, 20) == 0);
    CHECK(memcmp(tl_model_output(&model, 1), transposed, 6) == 0);
    CHECK(memcmp(tl_model_output(&model, 2), concatenated, 8) == 0);
    memcpy(got16, tl_model_output(&model, 3), 12);
    CHECK(memcmp(got16, requantized, 12) == 0);
}

static tl_status load_status(buffer image, size_t arena_bytes, tl_model *model)
{
    return tl_model_load(model, image.bytes, image.length, (uint8_t *)arena_storage, arena_bytes);
}

static int message_has(const tl_model *model, const char *text)
{
    int found = strstr(tl_model_error(model), text) != NULL;
    if (!found)
    {
        printf("  message was: %s\n", tl_model_error(model));
    }
    return found;
}

static void test_refuses_bad_images(void)
{
    tl_model model;
    buffer image;
    int32_t ops[sizeof model_ops / 4];

    /* One flipped byte in the constants: the CRC no longer matches. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    image.bytes[image.length - 8] ^= 1;
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "CRC32 mismatch"));

    /* Truncated by 8 bytes. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    image.length -= 8;
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "truncated or padded"));

    /* Too short for a header. */
    image.length = 20;
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "header lies outside the image"));

    /* Bad magic. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    image.bytes[0] = 'X';
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "bad magic"));

    /* Major version 2. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    image.bytes[4] = 2;
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "format version 2 is not supported"));

    /* An arena one byte short. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA - 1, &model) == TL_ERR_ARENA);
    CHECK(message_has(&model, "arena: 71 bytes given but the image needs 72"));

    /* A tensor that reaches past the arena (the image's own arena size shrunk, CRC fixed). */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, 59);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "tensor 4 at arena offset 48 (+12) lies outside the 59-byte arena"));

    /* PAD output dims larger than its output tensor (CRC fixed): the kernel validator refuses it. */
    memcpy(ops, model_ops, sizeof ops);
    ops[5 + 3 + 2 + 3] = 6; /* output dim 3: 4 -> 6 rows */
    image = build_model(ops, (int)(sizeof ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_PARAMS);
    CHECK(model.failed_op == 0 && model.failed_code == TL_OP_PAD);
    CHECK(message_has(&model, "operator 0 (kernel 401, model operator 0)"));

    /* A strided copy reading before its input (start -1). */
    memcpy(ops, model_ops, sizeof ops);
    ops[25 + 5 + 2 + 1] = -1;
    image = build_model(ops, (int)(sizeof ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_PARAMS);
    CHECK(model.failed_op == 1);

    /* A concatenation claiming INT32_MAX inputs: refused without overflowing 2 + count (UBSan in fuzz.sh). */
    memcpy(ops, model_ops, sizeof ops);
    ops[25 + 19 + 5 + 3 + 1] = INT32_MAX;
    image = build_model(ops, (int)(sizeof ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_PARAMS);
    CHECK(model.failed_op == 2 && model.failed_code == TL_OP_CONCATENATION);

    /* A code in the valid range that no native kernel implements. */
    memcpy(ops, model_ops, sizeof ops);
    ops[0] = 499;
    image = build_model(ops, (int)(sizeof ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_UNSUPPORTED);
    CHECK(model.failed_code == 499);
    CHECK(message_has(&model, "kernel code 499 is not implemented by the native kernels"));

    /* A code outside every family. */
    ops[0] = 77;
    image = build_model(ops, (int)(sizeof ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "operator 0 has unknown kernel code 77"));

    /* An operator writing into the image (output = the constant tensor 5). */
    memcpy(ops, model_ops, sizeof ops);
    ops[5 + 2] = 5;
    image = build_model(ops, (int)(sizeof ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "operator 0 output 0 refers to invalid tensor 5"));

    /* More operators claimed than the section holds. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT + 1, MODEL_ARENA);
    CHECK(load_status(image, MODEL_ARENA, &model) == TL_ERR_IMAGE);
    CHECK(message_has(&model, "operator section is truncated"));

    /* Misaligned image pointer. */
    image = build_model(model_ops, (int)(sizeof model_ops / 4), MODEL_OP_COUNT, MODEL_ARENA);
    CHECK(tl_model_load(&model, image.bytes + 1, image.length - 1, (uint8_t *)arena_storage, MODEL_ARENA) ==
          TL_ERR_ARGUMENT);
    CHECK(tl_model_load(&model, NULL, 0, NULL, 0) == TL_ERR_ARGUMENT);
    CHECK(tl_model_invoke(&model) == TL_ERR_ARGUMENT);
}

static void test_crc32_known_value(void)
{
    /* The standard check value of CRC-32/ISO-HDLC. */
    CHECK(tl_crc32((const uint8_t *)"123456789", 9) == 0xCBF43926u);
}

int main(void)
{
    test_crc32_known_value();
    test_runs_model();
    test_refuses_bad_images();
    if (failures != 0)
    {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("runner: all checks passed\n");
    return 0;
}
