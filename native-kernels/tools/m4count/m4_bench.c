/*
 * Instruction counting of the conv kernels on a Cortex-M4 model (QEMU mps2-an386, bare metal, no libc).
 * Runs each shape once between calls to tl_mark_begin/tl_mark_end; count.py sums the instructions QEMU
 * executed between the two marks (from -d in_asm,exec,nochain) and divides by the MACs.
 * Build and run: see run.sh.
 */
#include <stddef.h>
#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"

extern uint32_t __bss_start, __bss_end, __stack_top;

/* gcc may call these for struct copies. */
void *memset(void *d, int c, size_t n)
{
    uint8_t *p = (uint8_t *)d;
    while (n--)
    {
        *p++ = (uint8_t)c;
    }
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *p = (uint8_t *)d;
    const uint8_t *q = (const uint8_t *)s;
    while (n--)
    {
        *p++ = *q++;
    }
    return d;
}

__attribute__((noinline)) void tl_mark_begin(int id)
{
    __asm volatile("" ::"r"(id));
}

__attribute__((noinline)) void tl_mark_end(int id)
{
    __asm volatile("" ::"r"(id));
}

static uint32_t g_seed = 1u;

static void fill(uint8_t *p, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i++)
    {
        g_seed = g_seed * 1664525u + 1013904223u;
        p[i] = (uint8_t)(g_seed >> 24);
    }
}

static uint8_t g_input[25 * 5 * 64 * 2 + 49 * 10];
static uint8_t g_filter[64 * 64];
static uint8_t g_bias[64 * 4];
static uint8_t g_quant[64 * 8];
static uint8_t g_output[25 * 5 * 64];

static void set_quant(int32_t channels)
{
    int32_t c;
    for (c = 0; c < channels; c++)
    {
        uint32_t m = 0x50000000u + (uint32_t)c * 12345u;
        uint32_t s = (uint32_t)-8;
        int k;
        for (k = 0; k < 4; k++)
        {
            g_quant[c * 8 + k] = (uint8_t)(m >> (8 * k));
            g_quant[c * 8 + 4 + k] = (uint8_t)(s >> (8 * k));
        }
    }
}

static void params_of(tl_conv_params *p, int32_t stride, int32_t pad_top, int32_t pad_left)
{
    p->stride_h = stride;
    p->stride_w = stride;
    p->dilation_h = 1;
    p->dilation_w = 1;
    p->pad_top = pad_top;
    p->pad_left = pad_left;
    p->depth_multiplier = 1;
    p->input_offset = 83;
    p->output_offset = -128;
    p->act_min = -128;
    p->act_max = 127;
}

static void semihost_exit(void)
{
    /* SYS_EXIT with ADP_Stopped_ApplicationExit. */
    register uint32_t r0 __asm("r0") = 0x18;
    register uint32_t r1 __asm("r1") = 0x20026;
    __asm volatile("bkpt 0xab" ::"r"(r0), "r"(r1) : "memory");
}

int main(void)
{
    tl_conv_params p;
    tl_conv_quant q;
    tl_conv_dims in, f, out;
    q.table = g_quant;
    set_quant(64);
    fill(g_input, (int32_t)sizeof(g_input));
    fill(g_filter, (int32_t)sizeof(g_filter));
    fill(g_bias, (int32_t)sizeof(g_bias));

    /* 1: kws_dscnn's first layer: 10x4 conv, 49x10x1 -> 25x5x64, stride 2, padding 4 top, 1 left. */
    in.batches = 1; in.height = 49; in.width = 10; in.channels = 1;
    f.batches = 64; f.height = 10; f.width = 4; f.channels = 1;
    out.batches = 1; out.height = 25; out.width = 5; out.channels = 64;
    params_of(&p, 2, 4, 1);
    tl_mark_begin(1);
    tl_conv2d_s8(&p, &q, &in, (const int8_t *)g_input, &f, (const int8_t *)g_filter, g_bias, &out, (int8_t *)g_output);
    tl_mark_end(1);

    /* 2: 3x3 depthwise, 25x5x64, stride 1, padding 1. */
    in.height = 25; in.width = 5; in.channels = 64;
    f.height = 3; f.width = 3; f.channels = 1;
    params_of(&p, 1, 1, 1);
    tl_mark_begin(2);
    tl_depthwise_conv2d_s8(&p, &q, &in, (const int8_t *)g_input, &f, (const int8_t *)g_filter, g_bias, &out,
                           (int8_t *)g_output);
    tl_mark_end(2);

    /* 3: 1x1 conv, 25x5x64 -> 64. */
    f.height = 1; f.width = 1; f.channels = 64;
    params_of(&p, 1, 0, 0);
    tl_mark_begin(3);
    tl_conv2d_s8(&p, &q, &in, (const int8_t *)g_input, &f, (const int8_t *)g_filter, g_bias, &out, (int8_t *)g_output);
    tl_mark_end(3);

    /* 4-6: the same three through the plain loop nests, for comparison. */
    in.height = 49; in.width = 10; in.channels = 1;
    f.height = 10; f.width = 4; f.channels = 1;
    params_of(&p, 2, 4, 1);
    tl_mark_begin(4);
    tl_conv2d_s8_plain(&p, &q, &in, (const int8_t *)g_input, &f, (const int8_t *)g_filter, g_bias, &out,
                       (int8_t *)g_output);
    tl_mark_end(4);
    in.height = 25; in.width = 5; in.channels = 64;
    f.height = 3; f.width = 3; f.channels = 1;
    params_of(&p, 1, 1, 1);
    tl_mark_begin(5);
    tl_depthwise_conv2d_s8_plain(&p, &q, &in, (const int8_t *)g_input, &f, (const int8_t *)g_filter, g_bias, &out,
                                 (int8_t *)g_output);
    tl_mark_end(5);
    f.height = 1; f.width = 1; f.channels = 64;
    params_of(&p, 1, 0, 0);
    tl_mark_begin(6);
    tl_conv2d_s8_plain(&p, &q, &in, (const int8_t *)g_input, &f, (const int8_t *)g_filter, g_bias, &out,
                       (int8_t *)g_output);
    tl_mark_end(6);
    return 0;
}

void tl_reset(void)
{
    uint32_t *b;
    for (b = &__bss_start; b < &__bss_end; b++)
    {
        *b = 0;
    }
    main();
    semihost_exit();
    for (;;)
    {
    }
}

__attribute__((section(".vectors"), used)) static const void *const g_vectors[2] = {&__stack_top, (void *)tl_reset};
