/*
 * Shared by the CMSIS-NN FULLY_CONNECTED adapters (dense/tl_fully_connected_s8.c, _s4.c): the argument structures
 * of one per-tensor call, filled from the Params in one pass.
 *
 * The fixed cost of a call matters on the small classifier heads (a few thousand instructions): the Params are read
 * once into locals (the stores into the structures could otherwise alias them and force reloads), every structure
 * lives in one block on the stack, and the empty context is a constant. Every field of the input, filter and output
 * dims is still set, including h and w that the v7 kernels do not read, so that another CMSIS-NN version reading
 * them sees the true shapes; the bias dims (never read, documented as [C_OUT]) are the output dims, whose c is
 * the bias length.
 */
#ifndef TINYLITE_TL_CMSIS_NN_FC_H
#define TINYLITE_TL_CMSIS_NN_FC_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_layouts.h"

/* No buffer: arm_fully_connected_s8 / _s4 / _per_channel_s8 need none on the portable and DSP builds. */
static const cmsis_nn_context tl_cmsis_fc_no_buffer = {NULL, 0};

/* The structures of one call. */
typedef struct
{
    cmsis_nn_fc_params fc;
    cmsis_nn_dims input;
    cmsis_nn_dims filter;
    cmsis_nn_dims output;
} tl_cmsis_fc_args;

/* Params: the fully_connected layout (TL_FULLY_CONNECTED_P_*, FullyConnectedS8 / S4). The folded bias carries the input
   offset (see tl_fully_connected_s8.c), hence input_offset 0. CMSIS-NN's FC dims: input [batches, 1, 1, depth]; filter
   n = depth (accumulation), c = out_c; bias [out_c]; output [batches, 1, 1, out_c]. The kernels read input n, filter n
   and output c; the h and w of every dims are 1 and written once per call (a struct copy of the unit dims, two word
   pairs), the bias dims are the output dims (whose c is the bias length; the kernels do not read them). */
static inline void tl_cmsis_fc_args_fill(const int32_t *p, tl_cmsis_fc_args *a)
{
    const int32_t batches = p[TL_FULLY_CONNECTED_P_BATCHES];
    const int32_t depth = p[TL_FULLY_CONNECTED_P_INPUT_DEPTH];
    const int32_t out_c = p[TL_FULLY_CONNECTED_P_OUTPUT_DEPTH];
    const int32_t output_offset = p[TL_FULLY_CONNECTED_P_OUTPUT_OFFSET];
    const int32_t act_min = p[TL_FULLY_CONNECTED_P_ACTIVATION_MIN];
    const int32_t act_max = p[TL_FULLY_CONNECTED_P_ACTIVATION_MAX];
    a->fc.input_offset = 0;
    a->fc.filter_offset = 0;
    a->fc.output_offset = output_offset;
    a->fc.activation.min = act_min;
    a->fc.activation.max = act_max;
    a->input.n = batches;
    a->input.h = 1;
    a->input.w = 1;
    a->input.c = depth;
    a->filter.n = depth;
    a->filter.h = 1;
    a->filter.w = 1;
    a->filter.c = out_c;
    a->output.n = batches;
    a->output.h = 1;
    a->output.w = 1;
    a->output.c = out_c;
}

#endif
