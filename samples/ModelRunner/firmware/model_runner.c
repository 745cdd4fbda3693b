/*
 * Way (a) of "Put a model on your board": the image compiled into the firmware.
 *
 * `tinylite compile MODEL.tflite -o model.tlm --emit-c DIR --name model` writes model_data.c/.h: the image as a
 * const array (in flash on a microcontroller: the linker puts const data in .rodata) and MODEL_ARENA_BYTES. The
 * native runner (native-kernels/src/runner, tl_runner.h) reads the image where it is, so RAM holds only the arena
 * (a static array here) and the tl_model handle; nothing is copied.
 *
 * On a board this file is the body of your firmware's task (or of a custom interop method of a nanoFramework
 * firmware); here it is built for the host by build-host.sh and prints, like the managed ModelRunner, the top
 * class and the time per inference:
 *   model_runner [INPUT.bin]     (input 0's raw bytes; without it input 0 is all zero bytes)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model_data.h"
#include "tinylite/tl_families.h"
#include "tinylite/tl_runner.h"

#define RUNS 100

/* The only RAM the model needs besides the handle: MODEL_ARENA_BYTES, from the compiler's memory plan. */
static uint8_t g_arena[MODEL_ARENA_BYTES] __attribute__((aligned(8)));

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Reads input 0 from @p path into the model's input tensor; 0 on success. */
static int read_input(const tl_model *model, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
    {
        fprintf(stderr, "model_runner: cannot open %s\n", path);
        return 1;
    }
    size_t want = (size_t)tl_model_input_bytes(model, 0);
    size_t got = fread(tl_model_input(model, 0), 1, want, f);
    fclose(f);
    if (got != want)
    {
        fprintf(stderr, "model_runner: %s has %zu bytes, input 0 needs %zu\n", path, got, want);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    tl_model model;
    if (tl_model_load(&model, model_data, MODEL_DATA_BYTES, g_arena, sizeof g_arena) != TL_OK)
    {
        fprintf(stderr, "model_runner: %s\n", tl_model_error(&model));
        return 1;
    }
    printf("model_runner: image %u bytes in const data (flash), arena %u bytes, handle %zu bytes\n",
           (unsigned)MODEL_DATA_BYTES, (unsigned)MODEL_ARENA_BYTES, sizeof model);

    /* The plans reuse the input's arena bytes: keep the input in its own buffer (on a board: your sensor's) and set
       it before every invoke. */
    size_t input_bytes = (size_t)tl_model_input_bytes(&model, 0);
    uint8_t *input = malloc(input_bytes);
    if (input == NULL)
    {
        return 1;
    }
    memset(tl_model_input(&model, 0), 0, input_bytes);
    if (argc > 1 && read_input(&model, argv[1]) != 0)
    {
        free(input);
        return 1;
    }
    memcpy(input, tl_model_input(&model, 0), input_bytes);

    double start = now_seconds();
    for (int i = 0; i < RUNS; i++)
    {
        memcpy(tl_model_input(&model, 0), input, input_bytes);
        if (tl_model_invoke(&model) != TL_OK)
        {
            fprintf(stderr, "model_runner: invoke failed\n");
            free(input);
            return 1;
        }
    }
    double per_run = (now_seconds() - start) / RUNS;

    /* Top class of an int8 output (the classifiers this sample is for). */
    const int8_t *scores = (const int8_t *)tl_model_output(&model, 0);
    int32_t count = tl_model_output_bytes(&model, 0);
    int32_t top = 0;
    for (int32_t i = 1; i < count; i++)
    {
        if (scores[i] > scores[top])
        {
            top = i;
        }
    }
    printf("model_runner: top class %d (int8 score %d), %.3f ms per inference (%d runs, native kernels)\n", (int)top,
           (int)scores[top], per_run * 1e3, RUNS);
    free(input);
    return 0;
}
