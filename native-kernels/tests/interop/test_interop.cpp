/*
 * CTest for the nanoFramework interop glue (src/interop/nanoframework/): compiles the glue against our test
 * stand-ins of the nanoCLR headers (this folder; not nanoFramework code), builds managed-style argument frames
 * by hand and calls the handlers the way nanoCLR would, then compares them with the runner called directly.
 *
 *   test_interop [DIR]   DIR: optional folder of compiled .tlm images (e.g. <repo>/.build/fuzz-seeds, which
 *                        native-kernels/tests/fuzz.sh fills from ../shared/models); every image there is run
 *                        through the handlers and through the runner and the arenas compared byte for byte.
 *
 * Always checked: the version handler; a hand-built PAD image (expected output worked out by hand below)
 * through NativeLoad/NativeInvoke; a corrupted image refused with the runner's status and message; lengths
 * past the end of their arrays refused with status 5 before the runner sees them; a message array shorter than
 * the claimed message length is never written past its end; the heap diagnostic runs one collection and returns
 * the engine's free bytes (clamped to int32); the lookup table has the four handlers at the rows of the .pe it
 * was generated from.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "TinyLite_Runtime_Native.h"

#include "tinylite/tl_image.h"
#include "tinylite/tl_native.h"
#include "tinylite/tl_runner.h"
#include "tinylite/tl_shape_kernels.h"

typedef Library_TinyLite_Runtime_Native_TinyLite_Runtime_Native_NativeKernels NativeKernels;

#include "../tl_test_check.h"

/* ---- fake managed arguments ---- */

/* A managed byte[] of the stand-in: element count and data pointer (storage owned by the test). */
static CLR_RT_HeapBlock_Array make_array(uint8_t *data, uint32_t elements)
{
    CLR_RT_HeapBlock_Array array;
    array.m_numOfElements = elements;
    array.m_data = data;
    return array;
}

/* The six arguments (byte[], int) x 3 of NativeLoad/NativeInvoke; a NULL array is a null reference. */
struct RunnerCall
{
    CLR_RT_HeapBlock args[6];
    CLR_RT_StackFrame frame;

    RunnerCall(CLR_RT_HeapBlock_Array *image, int32_t imageBytes, CLR_RT_HeapBlock_Array *arena, int32_t arenaBytes,
               CLR_RT_HeapBlock_Array *message, int32_t messageBytes)
    {
        CLR_RT_HeapBlock_Array *arrays[3] = {image, arena, message};
        int32_t lengths[3] = {imageBytes, arenaBytes, messageBytes};
        memset(args, 0, sizeof args);
        for (int i = 0; i < 3; i++)
        {
            args[2 * i].m_array = arrays[i];
            args[2 * i + 1].m_numeric.s4 = lengths[i];
        }
        frame.m_arguments = args;
        frame.m_result.m_numeric.s4 = -12345;
        frame.m_result.m_array = NULL;
    }

    int32_t load()
    {
        CHECK(NativeKernels::NativeLoad___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4(frame) == S_OK);
        return frame.m_result.m_numeric.s4;
    }

    int32_t invoke()
    {
        CHECK(NativeKernels::NativeInvoke___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4(frame) ==
              S_OK);
        return frame.m_result.m_numeric.s4;
    }
};

/* ---- a hand-built image (docs/FORMAT.md): one PAD operator ---- */

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint64_t pad_image_storage[64];

/*
 * Arena tensors: t0 int8 [2,3] at 0 (input), t1 int8 [4,5] at 8 (output) = PAD(t0) by one element on every side
 * with the value 7. Sections: metadata (four empty strings), tensors, operators, I/O lists, constants (unused).
 */
static size_t build_pad_image(uint8_t *img)
{
    static const int32_t op[] = {/* code, source op, inputs, outputs, params */
                                 TL_OP_PAD, 0, 2, 1, 17, 0, -1, 1,
                                 /* element size 1, value 7, out dims (1,1,1,4,5), before (0,0,0,1,1), in dims */
                                 1, 7, 1, 1, 1, 4, 5, 0, 0, 0, 1, 1, 1, 1, 1, 2, 3};
    static const int32_t io[] = {1, 0, 1, 1}; /* one input: t0; one output: t1 */
    const size_t meta = 112, tensors = 120, ops = 216, io_off = 320, consts = 336, end = 344;
    size_t i;
    memset(img, 0, end);
    put32(img + TL_IMAGE_OFF_MAGIC, TL_IMAGE_MAGIC);
    img[TL_IMAGE_OFF_VERSION_MAJOR] = TL_IMAGE_VERSION_MAJOR;
    put32(img + TL_IMAGE_OFF_IMAGE_BYTES, (uint32_t)end);
    put32(img + TL_IMAGE_OFF_HEADER_BYTES, TL_IMAGE_HEADER_BYTES);
    put32(img + TL_IMAGE_OFF_SECTION_COUNT, 5);
    put32(img + TL_IMAGE_OFF_ARENA_BYTES, 32);
    {
        const size_t offs[5] = {meta, tensors, ops, io_off, consts};
        const size_t lens[5] = {8, ops - tensors, io_off - ops, consts - io_off, end - consts};
        for (i = 0; i < 5; i++)
        {
            uint8_t *e = img + TL_IMAGE_HEADER_BYTES + TL_IMAGE_SECTION_ENTRY_BYTES * i;
            put32(e, (uint32_t)(i + 1));
            put32(e + 4, (uint32_t)offs[i]);
            put32(e + 8, (uint32_t)lens[i]);
        }
    }
    put32(img + tensors, 2);
    for (i = 0; i < 2; i++)
    {
        uint8_t *r = img + tensors + 4 + TL_IMAGE_TENSOR_RECORD_BYTES * i;
        r[0] = TL_TYPE_INT8;
        r[1] = TL_LOCATION_ARENA;
        r[2] = 2;
        put32(r + 4, i == 0 ? 0u : 8u);   /* arena offset */
        put32(r + 8, i == 0 ? 6u : 20u);  /* bytes */
        put32(r + 12, i == 0 ? 2u : 4u);  /* dims */
        put32(r + 16, i == 0 ? 3u : 5u);
    }
    put32(img + ops, 1);
    for (i = 0; i < sizeof op / 4; i++)
    {
        put32(img + ops + 4 + 4 * i, (uint32_t)op[i]);
    }
    for (i = 0; i < sizeof io / 4; i++)
    {
        put32(img + io_off + 4 * i, (uint32_t)io[i]);
    }
    put32(img + TL_IMAGE_OFF_CRC32, tl_crc32(img + TL_IMAGE_CRC_START, end - TL_IMAGE_CRC_START));
    return end;
}

static void test_version(void)
{
    CLR_RT_StackFrame frame;
    frame.m_arguments = NULL;
    frame.m_result.m_numeric.s4 = -1;
    CHECK(NativeKernels::NativeVersion___STATIC__I4(frame) == S_OK);
    CHECK(frame.m_result.m_numeric.s4 == 1);
}

static void test_pad_image(void)
{
    uint8_t *img = (uint8_t *)pad_image_storage;
    size_t length = build_pad_image(img);
    static uint64_t arena_storage[8], runner_arena_storage[8];
    uint8_t *arena = (uint8_t *)arena_storage, *runner_arena = (uint8_t *)runner_arena_storage;
    uint8_t message[TL_MESSAGE_BYTES];
    static const int8_t input[6] = {1, 2, 3, 4, 5, 6};
    static const int8_t padded[20] = {7, 7, 7, 7, 7, 7, 1, 2, 3, 7, 7, 4, 5, 6, 7, 7, 7, 7, 7, 7};
    CLR_RT_HeapBlock_Array image_array = make_array(img, (uint32_t)length);
    CLR_RT_HeapBlock_Array arena_array = make_array(arena, 32);
    CLR_RT_HeapBlock_Array message_array = make_array(message, sizeof message);
    RunnerCall call(&image_array, (int32_t)length, &arena_array, 32, &message_array, (int32_t)sizeof message);
    tl_model model;

    memset(arena, 0x55, 32);
    memset(message, 0, sizeof message);
    CHECK(call.load() == TL_OK);
    memcpy(arena, input, sizeof input);
    CHECK(call.invoke() == TL_OK);
    CHECK(memcmp(arena + 8, padded, sizeof padded) == 0);

    /* The runner itself on a second arena: the same bytes everywhere. */
    memset(runner_arena, 0x55, 32);
    CHECK(tl_model_load(&model, img, length, runner_arena, 32) == TL_OK);
    CHECK(tl_model_input(&model, 0) == runner_arena);
    memcpy(tl_model_input(&model, 0), input, sizeof input);
    CHECK(tl_model_invoke(&model) == TL_OK);
    CHECK(memcmp(arena, runner_arena, 32) == 0);

    /* A corrupted byte in the tensor section: the CRC check refuses it, as the runner does, same message. */
    img[130] ^= 0x40;
    {
        tl_model refused;
        tl_status expected = tl_model_load(&refused, img, length, runner_arena, 32);
        CHECK(expected == TL_ERR_IMAGE);
        CHECK(call.load() == (int32_t)expected);
        CHECK(strcmp((const char *)message, tl_model_error(&refused)) == 0);
    }
    img[130] ^= 0x40;
}

static void test_argument_checks(void)
{
    uint8_t *img = (uint8_t *)pad_image_storage;
    size_t length = build_pad_image(img);
    static uint64_t arena_storage[8];
    uint8_t *arena = (uint8_t *)arena_storage;
    uint8_t message[64];
    CLR_RT_HeapBlock_Array image_array = make_array(img, (uint32_t)length);
    CLR_RT_HeapBlock_Array short_image = make_array(img, (uint32_t)length - 8);
    CLR_RT_HeapBlock_Array arena_array = make_array(arena, 32);
    CLR_RT_HeapBlock_Array short_arena = make_array(arena, 16);
    CLR_RT_HeapBlock_Array message_array = make_array(message, sizeof message);

    /* imageBytes past the end of the image array: refused before the runner reads anything. */
    {
        RunnerCall call(&short_image, (int32_t)length, &arena_array, 32, &message_array, (int32_t)sizeof message);
        CHECK(call.load() == TL_ERR_ARGUMENT);
        CHECK(strcmp((const char *)message, "imageBytes is larger than the image array") == 0);
        CHECK(call.invoke() == TL_ERR_ARGUMENT);
    }
    /* arenaBytes past the end of the arena array. */
    {
        RunnerCall call(&image_array, (int32_t)length, &short_arena, 32, &message_array, (int32_t)sizeof message);
        CHECK(call.load() == TL_ERR_ARGUMENT);
        CHECK(strcmp((const char *)message, "arenaBytes is larger than the arena array") == 0);
    }
    /* A null arena with a positive length is a length past the end of a 0-element array. */
    {
        RunnerCall call(&image_array, (int32_t)length, NULL, 32, &message_array, (int32_t)sizeof message);
        CHECK(call.invoke() == TL_ERR_ARGUMENT);
        CHECK(strcmp((const char *)message, "arenaBytes is larger than the arena array") == 0);
    }
    /* A null image with length 0 goes to the C ABI, which refuses it: same status and message as calling it. */
    {
        uint8_t direct[64];
        int32_t expected = tl_native_load(NULL, 0, arena, 32, direct, (int32_t)sizeof direct);
        RunnerCall call(NULL, 0, &arena_array, 32, &message_array, (int32_t)sizeof message);
        CHECK(expected == TL_ERR_ARGUMENT);
        CHECK(call.load() == expected);
        CHECK(strcmp((const char *)message, (const char *)direct) == 0);
    }
    /* Negative lengths also go through to the C ABI (status 5, its message). */
    {
        RunnerCall call(&image_array, -1, &arena_array, 32, &message_array, (int32_t)sizeof message);
        CHECK(call.load() == TL_ERR_ARGUMENT);
        CHECK(strcmp((const char *)message, "negative image or arena length") == 0);
    }
    /* messageBytes larger than the message array: the message is cut to the array (8 bytes: 7 characters and
       the NUL); the bytes after the array's end stay untouched. */
    {
        uint8_t backing[24];
        CLR_RT_HeapBlock_Array small_message = make_array(backing, 8);
        memset(backing, 0xA5, sizeof backing);
        RunnerCall call(&short_image, (int32_t)length, &arena_array, 32, &small_message, 192);
        CHECK(call.load() == TL_ERR_ARGUMENT);
        CHECK(memcmp(backing, "imageBy", 7) == 0 && backing[7] == 0);
        for (size_t i = 8; i < sizeof backing; i++)
        {
            CHECK(backing[i] == 0xA5);
        }
    }
    /* A null message array: statuses still come back. */
    {
        RunnerCall call(&short_image, (int32_t)length, &arena_array, 32, NULL, 192);
        CHECK(call.load() == TL_ERR_ARGUMENT);
    }
}

/* ---- compiled images: handlers vs runner ---- */

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 24;
}

/* Loads, fills every input with seeded bytes and invokes both ways; returns 1 when the image was compared. */
static int compare_image(const char *path)
{
    FILE *f = fopen(path, "rb");
    long size;
    uint8_t *img, *arena, *runner_arena;
    uint64_t *img_storage, *arena_storage, *runner_storage;
    int32_t arena_bytes, i;
    uint8_t message[TL_MESSAGE_BYTES];
    tl_model model;
    tl_status runner_status;
    int32_t status;
    uint32_t seed = 12345u;

    if (f == NULL)
    {
        printf("FAIL cannot open %s\n", path);
        failures++;
        return 0;
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    img_storage = (uint64_t *)calloc((size_t)size / 8 + 1, 8);
    img = (uint8_t *)img_storage;
    CHECK(fread(img, 1, (size_t)size, f) == (size_t)size);
    fclose(f);
    arena_bytes = (int32_t)((uint32_t)img[24] | ((uint32_t)img[25] << 8) | ((uint32_t)img[26] << 16) |
                            ((uint32_t)img[27] << 24));
    CHECK(arena_bytes >= 0 && arena_bytes < (64 << 20));
    arena_storage = (uint64_t *)calloc((size_t)arena_bytes / 8 + 1, 8);
    runner_storage = (uint64_t *)calloc((size_t)arena_bytes / 8 + 1, 8);
    arena = (uint8_t *)arena_storage;
    runner_arena = (uint8_t *)runner_storage;

    runner_status = tl_model_load(&model, img, (size_t)size, runner_arena, (size_t)arena_bytes);
    {
        CLR_RT_HeapBlock_Array image_array = make_array(img, (uint32_t)size);
        CLR_RT_HeapBlock_Array arena_array = make_array(arena, (uint32_t)arena_bytes);
        CLR_RT_HeapBlock_Array message_array = make_array(message, sizeof message);
        RunnerCall call(&image_array, (int32_t)size, &arena_array, arena_bytes, &message_array,
                        (int32_t)sizeof message);
        memset(message, 0, sizeof message);
        status = call.load();
        CHECK(status == (int32_t)runner_status);
        if (status != TL_OK || runner_status != TL_OK)
        {
            CHECK(strcmp((const char *)message, tl_model_error(&model)) == 0);
            printf("  %s: refused by both (status %d: %s)\n", path, (int)status, (const char *)message);
        }
        else
        {
            for (i = 0; i < tl_model_input_count(&model); i++)
            {
                uint8_t *in = tl_model_input(&model, i);
                int32_t n = tl_model_input_bytes(&model, i), k;
                for (k = 0; k < n; k++)
                {
                    in[k] = (uint8_t)next_random(&seed);
                }
                memcpy(arena + (in - runner_arena), in, (size_t)n);
            }
            runner_status = tl_model_invoke(&model);
            status = call.invoke();
            CHECK(status == (int32_t)runner_status);
            CHECK(memcmp(arena, runner_arena, (size_t)arena_bytes) == 0);
            printf("  %s: status %d, %d arena bytes identical\n", path, (int)status, (int)arena_bytes);
        }
    }
    free(img_storage);
    free(arena_storage);
    free(runner_storage);
    return 1;
}

static void test_compiled_images(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int compared = 0;
    if (d == NULL)
    {
        printf("no compiled images in %s (run native-kernels/tests/fuzz.sh once to compile them): skipped\n", dir);
        return;
    }
    while ((e = readdir(d)) != NULL)
    {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".tlm") == 0)
        {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            compared += compare_image(path);
        }
    }
    closedir(d);
    printf("%d compiled images compared\n", compared);
}

/* ---- the heap diagnostic ---- */

CLR_RT_ExecutionEngine g_CLR_RT_ExecutionEngine;

static void test_managed_heap_free_bytes(void)
{
    CLR_RT_StackFrame frame;
    frame.m_arguments = NULL;

    g_CLR_RT_ExecutionEngine.m_collections = 0;
    g_CLR_RT_ExecutionEngine.m_freeBytesAfterGc = 123456;
    CHECK(NativeKernels::NativeManagedHeapFreeBytes___STATIC__I4(frame) == S_OK);
    CHECK(frame.m_result.m_numeric.s4 == 123456);
    CHECK(g_CLR_RT_ExecutionEngine.m_collections == 1);

    /* A value past int32 (impossible on nanoCLR's heaps, but the handler must not return a negative count). */
    g_CLR_RT_ExecutionEngine.m_freeBytesAfterGc = 0x80000010u;
    CHECK(NativeKernels::NativeManagedHeapFreeBytes___STATIC__I4(frame) == S_OK);
    CHECK(frame.m_result.m_numeric.s4 == 0x7FFFFFFF);
    CHECK(g_CLR_RT_ExecutionEngine.m_collections == 2);
}

/* ---- the generated lookup table (TinyLite_Runtime_Native.cpp) ---- */

static void test_lookup_table(void)
{
    /* TinyLite.Runtime.Native.pe: rows 0-7 managed (EmbeddedAttribute's constructor, NativeKernels' managed
     * methods), rows 8-11 the four externs in declaration order. pe_interop_table.py's test checks the order rule
     * itself; here the compiled table must point at the handlers of this glue. */
    const CLR_RT_MethodHandler *table =
        (const CLR_RT_MethodHandler *)g_CLR_AssemblyNative_TinyLite_Runtime_Native.m_pNativeMethods;
    CHECK(strcmp(g_CLR_AssemblyNative_TinyLite_Runtime_Native.m_szAssemblyName, "TinyLite.Runtime.Native") == 0);
    CHECK(g_CLR_AssemblyNative_TinyLite_Runtime_Native.m_checkSum != 0);
    CHECK(g_CLR_AssemblyNative_TinyLite_Runtime_Native.m_Version.iMajorVersion == 1);
    CHECK(g_CLR_AssemblyNative_TinyLite_Runtime_Native.m_Version.iMinorVersion == 1);
    for (int row = 0; row < 8; row++)
    {
        CHECK(table[row] == NULL);
    }
    CHECK(table[8] == NativeKernels::NativeVersion___STATIC__I4);
    CHECK(table[9] == NativeKernels::NativeLoad___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4);
    CHECK(table[10] == NativeKernels::NativeInvoke___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4);
    CHECK(table[11] == NativeKernels::NativeManagedHeapFreeBytes___STATIC__I4);
}

int main(int argc, char **argv)
{
    test_version();
    test_pad_image();
    test_argument_checks();
    if (argc > 1)
    {
        test_compiled_images(argv[1]);
    }
    test_managed_heap_free_bytes();
    test_lookup_table();
    if (failures != 0)
    {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("interop glue: all checks passed\n");
    return 0;
}
