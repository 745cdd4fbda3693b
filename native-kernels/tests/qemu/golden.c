/*
 * Golden-model test of the native runner on the QEMU mps2 boards (Cortex-M4F an386, Cortex-M7 an500).
 *
 * Reads a manifest through semihosting (its path is argv[1], from the semihosting command line), then for each
 * model loads its .tlm image with tl_model_load and, for each case, feeds the input files, runs
 * tl_model_invoke once per step and compares every output byte with the golden files (TFLM reference
 * kernels). One line per case:
 *   ok   kws_dscnn/random_0 (1 step, 12 output bytes)
 *   FAIL kws_dscnn/random_0: output 0 step 0: 3 of 12 bytes differ, first at byte 5 (got -3, want 4)
 *   MISSING kws_dscnn: kernel code 100 (operator record 0) is not in this build
 * Exit status: 0 all cases bit-exact; 1 a mismatch or an error; 2 no mismatch but models refused
 * because a kernel is missing from the build.
 *
 * Every tl_model_invoke is bracketed by mcu_region_begin/mcu_region_end for ../shared/tools/insncount;
 * after each region the program prints "@@region SEQ MODEL/CASE step K" so that the plugin's
 * "@@insn SEQ ..." lines can be matched. Built with TL_QEMU_LAYERS=1 (target qemu_layers) each kernel
 * call is bracketed too (nested in the invoke region), by wrapping the runner's family dispatchers with
 * the linker's --wrap, and a "@@layer SEQ op=I code=C source=S" line names each. Built with
 * TL_QEMU_CMSIS_CALLS=1 as well (target qemu_cmsis_calls, CMSIS-NN builds only) every call into CMSIS-NN's
 * routed functions is bracketed too (nested in its kernel call's region, --wrap=arm_...), and a
 * "@@cmsis SEQ op=I" line names the kernel call it belongs to (bench/cmsis_overhead.py).
 *
 * Manifest lines (paths relative to QEMU's working directory, no spaces):
 *   model NAME IMAGE.tlm      load an image (refusal ends this model's cases)
 *   case NAME                 start a case of the current model
 *   input FILE                raw bytes of the next model input (K steps back to back)
 *   golden FILE               raw bytes of the next model output (K steps back to back)
 *   run                       run the case
 */
#include <stdint.h>
#include <string.h>

#include "board.h"
#include "semihost.h"
#include "tinylite/tl_families.h"
#include "tinylite/tl_runner.h"

#ifndef TL_QEMU_LAYERS
#define TL_QEMU_LAYERS 0
#endif
#ifndef TL_QEMU_CMSIS_CALLS
#define TL_QEMU_CMSIS_CALLS 0
#endif
#if TL_QEMU_CMSIS_CALLS
#include "arm_nnfunctions.h"
#endif

#define IMAGE_CAPACITY (2048u * 1024u)
#define ARENA_CAPACITY (1536u * 1024u)
#define INPUT_CAPACITY (160u * 1024u)
#define GOLDEN_CAPACITY (160u * 1024u)
#define MANIFEST_CAPACITY (256u * 1024u)
#define MAX_FILES 8
#define MAX_LAYERS 1024
#define LINE_BYTES 320

static uint8_t g_image[IMAGE_CAPACITY] BOARD_BULK;
static uint8_t g_arena[ARENA_CAPACITY] BOARD_BULK;
static uint8_t g_inputs[INPUT_CAPACITY] BOARD_BULK;
static uint8_t g_goldens[GOLDEN_CAPACITY] BOARD_BULK;
/* In RAM bank 0 (.bss): bank 1 is full with the buffers above. */
static char g_manifest[MANIFEST_CAPACITY + 1u];

/* ---- output lines ---- */

typedef struct
{
    char text[LINE_BYTES];
    size_t length;
} line_buffer;

static void line_start(line_buffer *line)
{
    line->length = 0;
    line->text[0] = '\0';
}

static void line_str(line_buffer *line, const char *text)
{
    while (*text != '\0' && line->length + 2u < LINE_BYTES)
    {
        line->text[line->length++] = *text++;
    }
    line->text[line->length] = '\0';
}

static void line_int(line_buffer *line, int32_t value)
{
    char digits[12];
    int n = 0;
    /* Through uint32_t so that INT32_MIN has a magnitude. */
    uint32_t magnitude = value < 0 ? 0u - (uint32_t)value : (uint32_t)value;
    do
    {
        digits[n++] = (char)('0' + (int)(magnitude % 10u));
        magnitude /= 10u;
    } while (magnitude != 0u);
    if (value < 0)
    {
        line_str(line, "-");
    }
    while (n > 0)
    {
        char one[2];
        one[0] = digits[--n];
        one[1] = '\0';
        line_str(line, one);
    }
}

static void line_end(line_buffer *line)
{
    line_str(line, "\n");
    sh_write0(line->text);
}

/* ---- insncount regions ---- */

/* Number of regions ended so far (the plugin numbers region ends the same way, in order). */
static int32_t g_region_seq;

static int32_t region_end(void)
{
    mcu_region_end();
    return g_region_seq++;
}

#if TL_QEMU_LAYERS
/* Kernel calls of the current invoke, recorded around the real dispatchers. */
typedef struct
{
    int32_t seq;
    int32_t code;
    int32_t source_index;
} layer_record;

static layer_record g_layers[MAX_LAYERS];
static int32_t g_layer_count;

void __real_tl_conv_family_run(const tl_op *op, const tl_tensors *tensors);
void __real_tl_dense_family_run(const tl_op *op, const tl_tensors *tensors);
void __real_tl_elementwise_family_run(const tl_op *op, const tl_tensors *tensors);
void __real_tl_shape_family_run(const tl_op *op, const tl_tensors *tensors);
void __real_tl_recurrent_family_run(const tl_op *op, const tl_tensors *tensors);
void __real_tl_float_family_run(const tl_op *op, const tl_tensors *tensors);
void __wrap_tl_conv_family_run(const tl_op *op, const tl_tensors *tensors);
void __wrap_tl_dense_family_run(const tl_op *op, const tl_tensors *tensors);
void __wrap_tl_elementwise_family_run(const tl_op *op, const tl_tensors *tensors);
void __wrap_tl_shape_family_run(const tl_op *op, const tl_tensors *tensors);
void __wrap_tl_recurrent_family_run(const tl_op *op, const tl_tensors *tensors);
void __wrap_tl_float_family_run(const tl_op *op, const tl_tensors *tensors);

static void layer_done(const tl_op *op, int32_t seq)
{
    if (g_layer_count < MAX_LAYERS)
    {
        g_layers[g_layer_count].seq = seq;
        g_layers[g_layer_count].code = op->code;
        g_layers[g_layer_count].source_index = op->source_index;
        g_layer_count++;
    }
}

void __wrap_tl_conv_family_run(const tl_op *op, const tl_tensors *tensors)
{
    mcu_region_begin();
    __real_tl_conv_family_run(op, tensors);
    layer_done(op, region_end());
}

void __wrap_tl_dense_family_run(const tl_op *op, const tl_tensors *tensors)
{
    mcu_region_begin();
    __real_tl_dense_family_run(op, tensors);
    layer_done(op, region_end());
}

void __wrap_tl_elementwise_family_run(const tl_op *op, const tl_tensors *tensors)
{
    mcu_region_begin();
    __real_tl_elementwise_family_run(op, tensors);
    layer_done(op, region_end());
}

void __wrap_tl_shape_family_run(const tl_op *op, const tl_tensors *tensors)
{
    mcu_region_begin();
    __real_tl_shape_family_run(op, tensors);
    layer_done(op, region_end());
}

void __wrap_tl_recurrent_family_run(const tl_op *op, const tl_tensors *tensors)
{
    mcu_region_begin();
    __real_tl_recurrent_family_run(op, tensors);
    layer_done(op, region_end());
}

void __wrap_tl_float_family_run(const tl_op *op, const tl_tensors *tensors)
{
    mcu_region_begin();
    __real_tl_float_family_run(op, tensors);
    layer_done(op, region_end());
}

#if TL_QEMU_CMSIS_CALLS
/* Calls into CMSIS-NN of the current invoke: region sequence number and the kernel call (layer) they are in. */
static int32_t g_cmsis_seq[MAX_LAYERS];
static int32_t g_cmsis_op[MAX_LAYERS];
static int32_t g_cmsis_count;

static void cmsis_done(int32_t seq)
{
    if (g_cmsis_count < MAX_LAYERS)
    {
        g_cmsis_seq[g_cmsis_count] = seq;
        g_cmsis_op[g_cmsis_count] = g_layer_count; /* the kernel call in progress gets this index */
        g_cmsis_count++;
    }
}

/* One wrapper per routed CMSIS-NN function: region around the real call. */
#define TL_QEMU_WRAP_CMSIS(name, params, args)                                                                         \
    arm_cmsis_nn_status __real_##name params;                                                                          \
    arm_cmsis_nn_status __wrap_##name params;                                                                          \
    arm_cmsis_nn_status __wrap_##name params                                                                           \
    {                                                                                                                  \
        arm_cmsis_nn_status status;                                                                                    \
        mcu_region_begin();                                                                                            \
        status = __real_##name args;                                                                                   \
        cmsis_done(region_end());                                                                                      \
        return status;                                                                                                 \
    }

/* The layer routes share one signature: context, layer and quantization parameters, then (dims, data) for the input,
   the int8 weights, the bias and the output. */
#define TL_QEMU_WRAP_CMSIS_LAYER(name, layer_params, quant_params, io, bias)                                           \
    TL_QEMU_WRAP_CMSIS(name,                                                                                           \
                       (const cmsis_nn_context *a, const layer_params *b, const quant_params *c,                       \
                        const cmsis_nn_dims *d, const io *e, const cmsis_nn_dims *f, const int8_t *g,                  \
                        const cmsis_nn_dims *h, const bias *i, const cmsis_nn_dims *j, io *k),                         \
                       (a, b, c, d, e, f, g, h, i, j, k))

/* Pooling: context, pool parameters, input dims and data, filter and output dims, output data. */
#define TL_QEMU_WRAP_CMSIS_POOL(name, io)                                                                              \
    TL_QEMU_WRAP_CMSIS(name,                                                                                           \
                       (const cmsis_nn_context *a, const cmsis_nn_pool_params *b, const cmsis_nn_dims *c, const io *d, \
                        const cmsis_nn_dims *e, const cmsis_nn_dims *f, io *g),                                        \
                       (a, b, c, d, e, f, g))

/* Elementwise add: two inputs, seven int32 quantization values, the output and six more int32 values. */
#define TL_QEMU_WRAP_CMSIS_ADD(name, io)                                                                               \
    TL_QEMU_WRAP_CMSIS(name,                                                                                           \
                       (const io *a, const io *b, const int32_t c, const int32_t d, const int32_t e, const int32_t f,  \
                        const int32_t g, const int32_t h, const int32_t i, io *j, const int32_t k, const int32_t l,    \
                        const int32_t m, const int32_t n, const int32_t o, const int32_t q),                           \
                       (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, q))

TL_QEMU_WRAP_CMSIS_LAYER(arm_convolve_wrapper_s8, cmsis_nn_conv_params, cmsis_nn_per_channel_quant_params, int8_t,
                         int32_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_convolve_wrapper_s4, cmsis_nn_conv_params, cmsis_nn_per_channel_quant_params, int8_t,
                         int32_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_depthwise_conv_wrapper_s8, cmsis_nn_dw_conv_params, cmsis_nn_per_channel_quant_params,
                         int8_t, int32_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_depthwise_conv_wrapper_s4, cmsis_nn_dw_conv_params, cmsis_nn_per_channel_quant_params,
                         int8_t, int32_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_fully_connected_s8, cmsis_nn_fc_params, cmsis_nn_per_tensor_quant_params, int8_t, int32_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_fully_connected_per_channel_s8, cmsis_nn_fc_params, cmsis_nn_per_channel_quant_params,
                         int8_t, int32_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_fully_connected_s4, cmsis_nn_fc_params, cmsis_nn_per_tensor_quant_params, int8_t, int32_t)
TL_QEMU_WRAP_CMSIS_POOL(arm_avgpool_s8, int8_t)
TL_QEMU_WRAP_CMSIS_POOL(arm_max_pool_s8, int8_t)
TL_QEMU_WRAP_CMSIS_ADD(arm_elementwise_add_s8, int8_t)
/* int16 x int8 routes (src/cmsis_nn/tl_cmsis_nn_s16.h). */
TL_QEMU_WRAP_CMSIS_LAYER(arm_convolve_wrapper_s16, cmsis_nn_conv_params, cmsis_nn_per_channel_quant_params, int16_t,
                         cmsis_nn_bias_data)
TL_QEMU_WRAP_CMSIS_LAYER(arm_depthwise_conv_wrapper_s16, cmsis_nn_dw_conv_params, cmsis_nn_per_channel_quant_params,
                         int16_t, int64_t)
TL_QEMU_WRAP_CMSIS_LAYER(arm_fully_connected_s16, cmsis_nn_fc_params, cmsis_nn_per_tensor_quant_params, int16_t,
                         int64_t)
TL_QEMU_WRAP_CMSIS_POOL(arm_avgpool_s16, int16_t)
TL_QEMU_WRAP_CMSIS_POOL(arm_max_pool_s16, int16_t)
TL_QEMU_WRAP_CMSIS_ADD(arm_elementwise_add_s16, int16_t)

/* The same for the routed CMSIS-NN functions that return nothing (the softmax ones). */
#define TL_QEMU_WRAP_CMSIS_VOID(name, params, args)                                                                    \
    void __real_##name params;                                                                                         \
    void __wrap_##name params;                                                                                         \
    void __wrap_##name params                                                                                          \
    {                                                                                                                  \
        mcu_region_begin();                                                                                            \
        __real_##name args;                                                                                            \
        cmsis_done(region_end());                                                                                      \
    }

TL_QEMU_WRAP_CMSIS_VOID(arm_softmax_s8,
                        (const int8_t *a, const int32_t b, const int32_t c, const int32_t d, const int32_t e,
                         const int32_t f, int8_t *g),
                        (a, b, c, d, e, f, g))
TL_QEMU_WRAP_CMSIS_VOID(arm_softmax_s8_s16,
                        (const int8_t *a, const int32_t b, const int32_t c, const int32_t d, const int32_t e,
                         const int32_t f, int16_t *g),
                        (a, b, c, d, e, f, g))

static void print_cmsis_calls(void)
{
    int32_t i;
    line_buffer line;
    for (i = 0; i < g_cmsis_count; i++)
    {
        line_start(&line);
        line_str(&line, "@@cmsis ");
        line_int(&line, g_cmsis_seq[i]);
        line_str(&line, " op=");
        line_int(&line, g_cmsis_op[i]);
        line_end(&line);
    }
    g_cmsis_count = 0;
}
#endif

static void print_layers(void)
{
    int32_t i;
    line_buffer line;
#if TL_QEMU_CMSIS_CALLS
    print_cmsis_calls();
#endif
    for (i = 0; i < g_layer_count; i++)
    {
        line_start(&line);
        line_str(&line, "@@layer ");
        line_int(&line, g_layers[i].seq);
        line_str(&line, " op=");
        line_int(&line, i);
        line_str(&line, " code=");
        line_int(&line, g_layers[i].code);
        line_str(&line, " source=");
        line_int(&line, g_layers[i].source_index);
        line_end(&line);
    }
    g_layer_count = 0;
}
#endif

/* ---- the test ---- */

typedef struct
{
    char model_name[64];
    int model_ok; /* the current model loaded */
    char case_name[64];
    int32_t input_count;
    int32_t input_offset[MAX_FILES + 1];
    int32_t golden_count;
    int32_t golden_offset[MAX_FILES + 1];
    int32_t failures;
    int32_t missing;
    int32_t passed;
    int case_error; /* a file of the current case could not be read */
} test_state;

static tl_model g_model;

static void copy_name(char *target, size_t capacity, const char *source)
{
    size_t n = strlen(source);
    if (n >= capacity)
    {
        n = capacity - 1u;
    }
    memcpy(target, source, n);
    target[n] = '\0';
}

static void fail_line(test_state *state, const char *what, const char *detail)
{
    line_buffer line;
    line_start(&line);
    line_str(&line, "FAIL ");
    line_str(&line, state->model_name);
    if (state->case_name[0] != '\0')
    {
        line_str(&line, "/");
        line_str(&line, state->case_name);
    }
    line_str(&line, ": ");
    line_str(&line, what);
    line_str(&line, detail);
    line_end(&line);
    state->failures++;
}

static void load_model(test_state *state, const char *name, const char *path)
{
    int32_t length;
    tl_status status;
    line_buffer line;
    copy_name(state->model_name, sizeof state->model_name, name);
    state->case_name[0] = '\0';
    state->model_ok = 0;
    length = sh_read_file(path, g_image, IMAGE_CAPACITY);
    if (length < 0)
    {
        fail_line(state, length == -2 ? "image larger than the buffer: " : "cannot read image ", path);
        return;
    }
    status = tl_model_load(&g_model, g_image, (size_t)length, g_arena, ARENA_CAPACITY);
    if (status == TL_ERR_UNSUPPORTED)
    {
        line_start(&line);
        line_str(&line, "MISSING ");
        line_str(&line, state->model_name);
        line_str(&line, ": kernel code ");
        line_int(&line, g_model.failed_code);
        line_str(&line, " (operator record ");
        line_int(&line, g_model.failed_op);
        line_str(&line, ") is not in this build");
        line_end(&line);
        state->missing++;
        return;
    }
    if (status != TL_OK)
    {
        line_start(&line);
        line_str(&line, tl_status_text(status));
        line_str(&line, ": ");
        line_str(&line, tl_model_error(&g_model));
        fail_line(state, "load refused the image: ", line.text);
        return;
    }
    state->model_ok = 1;
}

static void add_file(test_state *state, const char *path, int golden)
{
    int32_t *count = golden ? &state->golden_count : &state->input_count;
    int32_t *offset = golden ? state->golden_offset : state->input_offset;
    uint8_t *base = golden ? g_goldens : g_inputs;
    uint32_t capacity = golden ? GOLDEN_CAPACITY : INPUT_CAPACITY;
    int32_t length;
    if (*count >= MAX_FILES)
    {
        fail_line(state, "too many files in the case: ", path);
        state->case_error = 1;
        return;
    }
    length = sh_read_file(path, base + offset[*count], capacity - (uint32_t)offset[*count]);
    if (length < 0)
    {
        fail_line(state, length == -2 ? "file larger than the buffer: " : "cannot read ", path);
        state->case_error = 1;
        return;
    }
    offset[*count + 1] = offset[*count] + length;
    (*count)++;
}

/* Compares output @p index of step @p step with its golden slice; prints and counts a mismatch. */
static int compare_output(test_state *state, int32_t index, int32_t step)
{
    int32_t bytes = tl_model_output_bytes(&g_model, index);
    const uint8_t *got = tl_model_output(&g_model, index);
    const uint8_t *want = g_goldens + state->golden_offset[index] + (size_t)step * (size_t)bytes;
    int32_t differ = 0;
    int32_t first = -1;
    int32_t i;
    line_buffer line;
    for (i = 0; i < bytes; i++)
    {
        if (got[i] != want[i])
        {
            if (first < 0)
            {
                first = i;
            }
            differ++;
        }
    }
    if (differ == 0)
    {
        return 1;
    }
    line_start(&line);
    line_str(&line, "output ");
    line_int(&line, index);
    line_str(&line, " step ");
    line_int(&line, step);
    line_str(&line, ": ");
    line_int(&line, differ);
    line_str(&line, " of ");
    line_int(&line, bytes);
    line_str(&line, " bytes differ, first at byte ");
    line_int(&line, first);
    line_str(&line, " (got ");
    line_int(&line, got[first]);
    line_str(&line, ", want ");
    line_int(&line, want[first]);
    line_str(&line, ", as unsigned bytes)");
    fail_line(state, line.text, "");
    return 0;
}

static void run_case(test_state *state)
{
    int32_t steps = -1;
    int32_t i;
    int32_t step;
    int32_t output_bytes = 0;
    line_buffer line;
    if (!state->model_ok || state->case_error)
    {
        return;
    }
    if (state->input_count != tl_model_input_count(&g_model) || state->golden_count != tl_model_output_count(&g_model))
    {
        fail_line(state, "the manifest's input/golden files do not match the model's inputs/outputs", "");
        return;
    }
    /* Every file must hold the same whole number of steps. */
    for (i = 0; i < state->input_count + state->golden_count; i++)
    {
        int golden = i >= state->input_count;
        int32_t index = golden ? i - state->input_count : i;
        int32_t bytes = golden ? tl_model_output_bytes(&g_model, index) : tl_model_input_bytes(&g_model, index);
        int32_t length = golden ? state->golden_offset[index + 1] - state->golden_offset[index]
                                : state->input_offset[index + 1] - state->input_offset[index];
        if (bytes <= 0 || length % bytes != 0 || length == 0 || (steps >= 0 && length / bytes != steps))
        {
            fail_line(state,
                      golden ? "a golden file's size is not the model's output size times the steps"
                             : "an input file's size is not the model's input size times the steps",
                      "");
            return;
        }
        steps = length / bytes;
    }
    /* Every case starts from a fresh interpreter: variable tensors zero. */
    tl_model_reset_state(&g_model);
    for (step = 0; step < steps; step++)
    {
        int32_t seq;
        for (i = 0; i < state->input_count; i++)
        {
            int32_t bytes = tl_model_input_bytes(&g_model, i);
            memcpy(tl_model_input(&g_model, i), g_inputs + state->input_offset[i] + (size_t)step * (size_t)bytes,
                   (size_t)bytes);
        }
        mcu_region_begin();
        (void)tl_model_invoke(&g_model);
        seq = region_end();
        line_start(&line);
        line_str(&line, "@@region ");
        line_int(&line, seq);
        line_str(&line, " ");
        line_str(&line, state->model_name);
        line_str(&line, "/");
        line_str(&line, state->case_name);
        line_str(&line, " step ");
        line_int(&line, step);
        line_end(&line);
#if TL_QEMU_LAYERS
        print_layers();
#endif
        for (i = 0; i < state->golden_count; i++)
        {
            if (!compare_output(state, i, step))
            {
                return;
            }
        }
    }
    for (i = 0; i < state->golden_count; i++)
    {
        output_bytes += tl_model_output_bytes(&g_model, i);
    }
    line_start(&line);
    line_str(&line, "ok   ");
    line_str(&line, state->model_name);
    line_str(&line, "/");
    line_str(&line, state->case_name);
    line_str(&line, " (");
    line_int(&line, steps);
    line_str(&line, steps == 1 ? " step, " : " steps, ");
    line_int(&line, output_bytes);
    line_str(&line, " output bytes)");
    line_end(&line);
    state->passed++;
}

/* Splits @p text at spaces and tabs in place; @return the number of words (at most @p max). */
static int split_words(char *text, char **words, int max)
{
    int count = 0;
    char *p = text;
    while (*p != '\0' && count < max)
    {
        while (*p == ' ' || *p == '\t')
        {
            *p++ = '\0';
        }
        if (*p == '\0')
        {
            break;
        }
        words[count++] = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
        {
            p++;
        }
    }
    return count;
}

int main(int argc, char **argv)
{
    static test_state state;
    char *p;
    int32_t length;
    line_buffer line;

    if (argc < 2)
    {
        sh_write0("usage: qemu_golden MANIFEST (through -semihosting-config ...,arg=qemu_golden,arg=MANIFEST)\n");
        return 1;
    }
    /* An empty region first: the marker overhead to subtract from every other region. */
    mcu_region_begin();
    line_start(&line);
    line_str(&line, "@@region ");
    line_int(&line, region_end());
    line_str(&line, " empty");
    line_end(&line);

    length = sh_read_file(argv[1], g_manifest, MANIFEST_CAPACITY);
    if (length < 0)
    {
        sh_write0(length == -2 ? "qemu_golden: the manifest is larger than MANIFEST_CAPACITY\n"
                               : "qemu_golden: cannot read the manifest\n");
        return 1;
    }
    g_manifest[length] = '\0';
    p = g_manifest;
    while (*p != '\0')
    {
        char *words[3];
        int count;
        char *next = p;
        while (*next != '\0' && *next != '\n' && *next != '\r')
        {
            next++;
        }
        if (*next != '\0')
        {
            *next++ = '\0';
        }
        count = split_words(p, words, 3);
        if (count == 3 && strcmp(words[0], "model") == 0)
        {
            load_model(&state, words[1], words[2]);
        }
        else if (count == 2 && strcmp(words[0], "case") == 0)
        {
            copy_name(state.case_name, sizeof state.case_name, words[1]);
            state.input_count = 0;
            state.golden_count = 0;
            state.input_offset[0] = 0;
            state.golden_offset[0] = 0;
            state.case_error = 0;
        }
        else if (count == 2 && strcmp(words[0], "input") == 0)
        {
            add_file(&state, words[1], 0);
        }
        else if (count == 2 && strcmp(words[0], "golden") == 0)
        {
            add_file(&state, words[1], 1);
        }
        else if (count == 1 && strcmp(words[0], "run") == 0)
        {
            run_case(&state);
        }
        else if (count > 0 && words[0][0] != '#')
        {
            fail_line(&state, "bad manifest line starting with ", words[0]);
        }
        p = next;
    }
    line_start(&line);
    line_str(&line, "qemu_golden: ");
    line_int(&line, state.passed);
    line_str(&line, " bit-exact, ");
    line_int(&line, state.failures);
    line_str(&line, " failed, ");
    line_int(&line, state.missing);
    line_str(&line, " models refused for a missing kernel");
    line_end(&line);
    if (state.failures > 0)
    {
        return 1;
    }
    return state.missing > 0 ? 2 : 0;
}
