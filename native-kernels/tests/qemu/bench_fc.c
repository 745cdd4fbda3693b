/*
 * Instruction counts of FULLY_CONNECTED s8 (plain loop and 4-row fast path), 256 inputs x 64 outputs,
 * on the emulated boards, for bench/kernel_insncount.sh (regions of board.h, counted by
 * ../shared/tools/insncount). Region 0 is empty (marker overhead), 1 the plain loop, 2 the fast path.
 * Also checks that both paths give the same bytes on the target: exit status 1 otherwise.
 */
#include <stdint.h>

#include "board.h"
#include "tinylite/tl_dense_kernels.h"

#define IN_DEPTH 256
#define OUT_DEPTH 64

static int8_t g_input[IN_DEPTH];
static int8_t g_weights[OUT_DEPTH * IN_DEPTH];
static int32_t g_bias[OUT_DEPTH];
static int32_t g_pairs[2 * OUT_DEPTH];
static int8_t g_out_plain[OUT_DEPTH];
static int8_t g_out_fast[OUT_DEPTH];

int main(void)
{
    uint32_t seed = 1u;
    int32_t i;
    tl_fc_params params = {1, IN_DEPTH, OUT_DEPTH, -3, -128, 127};
    tl_fc_quant quant;
    for (i = 0; i < OUT_DEPTH * IN_DEPTH; i++)
    {
        seed = seed * 1664525u + 1013904223u;
        g_weights[i] = (int8_t)(seed >> 24);
        if (i < IN_DEPTH)
        {
            g_input[i] = (int8_t)(seed >> 16);
        }
    }
    for (i = 0; i < OUT_DEPTH; i++)
    {
        g_bias[i] = i * 977 - 30000;
        g_pairs[2 * i] = 0x50000000 + i * 12345;
        g_pairs[2 * i + 1] = -9;
    }
    quant.pairs = g_pairs;
    quant.per_channel = 1;
    mcu_region_begin();
    mcu_region_end();
    mcu_region_begin();
    tl_fully_connected_s8_plain(&params, &quant, g_input, g_weights, g_bias, g_out_plain);
    mcu_region_end();
    mcu_region_begin();
    tl_fully_connected_s8_fast(&params, &quant, g_input, g_weights, g_bias, g_out_fast);
    mcu_region_end();
    for (i = 0; i < OUT_DEPTH; i++)
    {
        if (g_out_plain[i] != g_out_fast[i])
        {
            return 1;
        }
    }
    return 0;
}
