/*
 * Shared by the CMSIS-NN pooling adapters: the pooling Params (layout of nf-runtime's PoolGeometry) decoded into
 * CMSIS-NN's structures, and the overlap test that keeps aliased tensors on the reference kernels.
 */
#ifndef TINYLITE_TL_CMSIS_NN_POOL_H
#define TINYLITE_TL_CMSIS_NN_POOL_H

#include <stdint.h>

#include "arm_nnfunctions.h"

/* Params: 0 batches, 1 in_h, 2 in_w, 3 depth, 4 out_h, 5 out_w, 6/7 strides, 8/9 filter h/w, 10/11 padding
   top/left, 12/13 activation min/max. TFLM's padding values are CMSIS-NN's (window origin = out * stride - pad). */
static inline void tl_cmsis_pool_decode(const int32_t *p, cmsis_nn_pool_params *pool, cmsis_nn_dims *input_dims,
                                        cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[0];
    input_dims->h = p[1];
    input_dims->w = p[2];
    input_dims->c = p[3];
    filter_dims->n = 1;
    filter_dims->h = p[8];
    filter_dims->w = p[9];
    filter_dims->c = 1;
    output_dims->n = p[0];
    output_dims->h = p[4];
    output_dims->w = p[5];
    output_dims->c = p[3];
    pool->stride.h = p[6];
    pool->stride.w = p[7];
    pool->padding.h = p[10];
    pool->padding.w = p[11];
    pool->activation.min = p[12];
    pool->activation.max = p[13];
}

/* 1 when the byte ranges [a, a + a_bytes) and [b, b + b_bytes) share a byte. */
static inline int tl_cmsis_overlap(const void *a, int32_t a_bytes, const void *b, int32_t b_bytes)
{
    const uintptr_t a0 = (uintptr_t)a;
    const uintptr_t b0 = (uintptr_t)b;
    return a0 < b0 + (uintptr_t)b_bytes && b0 < a0 + (uintptr_t)a_bytes;
}

#endif
