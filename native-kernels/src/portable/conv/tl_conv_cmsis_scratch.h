/*
 * The CMSIS-NN scratch of CONV_2D / DEPTHWISE_CONV_2D records (int8 or int4 weights) (their optional second output, reserved by
 * `tinylite compile --cmsis-nn`): the size check every build applies, so that the native loader refuses exactly
 * the images the managed loader refuses, whether or not the CMSIS-NN backend is linked. The sizes are the native
 * twins of nf-runtime/src/Kernels/Conv/CmsisNnScratchCheck.cs, the one C# home of the formulas (the managed loader
 * checks with it and the compiler reserves with it).
 */
#ifndef TINYLITE_TL_CONV_CMSIS_SCRATCH_H
#define TINYLITE_TL_CONV_CMSIS_SCRATCH_H

#include <stdint.h>

#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"

/**
 * Bytes the compiler reserves for the scratch of an int8 CONV_2D record (Params: the conv layout):
 * 12·out_c (multipliers, shifts, unfolded bias) plus arm_convolve_wrapper_s8's buffer for the portable and DSP
 * builds (the larger where they differ). Twin of CmsisNnScratchCheck.ConvS8Bytes. The Params must have
 * passed the CONV_2D validation (dimensions positive and bounded).
 */
int64_t tl_conv_s8_cmsis_scratch_bytes(const int32_t *params);

/** Same for an int8 DEPTHWISE_CONV_2D record (CmsisNnScratchCheck.DepthwiseS8Bytes; Params: the depthwise_conv layout).
 */
int64_t tl_depthwise_conv_s8_cmsis_scratch_bytes(const int32_t *params);

/** Same for a CONV_2D record with int4 weights (CmsisNnScratchCheck.ConvS4Bytes: arm_convolve_wrapper_s4's buffer). */
int64_t tl_conv_s4_cmsis_scratch_bytes(const int32_t *params);

/** Same for a DEPTHWISE_CONV_2D record with int4 weights (CmsisNnScratchCheck.DepthwiseS4Bytes: 12·out_c plus
    arm_depthwise_conv_wrapper_s4's buffer). */
int64_t tl_depthwise_conv_s4_cmsis_scratch_bytes(const int32_t *params);

/** Same for an int16 CONV_2D record the compiler proved CMSIS-NN-exact (CmsisNnScratchCheck.ConvS16Bytes: the
    im2col buffer of arm_convolve_wrapper_s16, two columns of filter_h * filter_w * in_c int16). */
int64_t tl_conv_s16_cmsis_scratch_bytes(const int32_t *params);

/** Same for such an int16 DEPTHWISE_CONV_2D record (CmsisNnScratchCheck.DepthwiseS16Bytes: the filter in TFLite order
    rounded up to 4, plus in_c * taps int16 when arm_depthwise_conv_fast_s16 runs). */
int64_t tl_depthwise_conv_s16_cmsis_scratch_bytes(const int32_t *params);

/** Which reserved size tl_conv_cmsis_scratch_validate checks. */
typedef enum
{
    TL_CMSIS_SCRATCH_CONV_S8,
    TL_CMSIS_SCRATCH_CONV_S4,
    TL_CMSIS_SCRATCH_DEPTHWISE_S8,
    TL_CMSIS_SCRATCH_DEPTHWISE_S4,
    TL_CMSIS_SCRATCH_CONV_S16,
    TL_CMSIS_SCRATCH_DEPTHWISE_S16
} tl_cmsis_scratch_kind;

/**
 * For an already validated CONV_2D or DEPTHWISE_CONV_2D record (int8 or int4 weights) of @p kind: TL_OK
 * when it has no scratch (one output), or when its second output is an int8 tensor, 4-byte aligned, of at least
 * the reserved size above; TL_ERR_PARAMS otherwise.
 */
tl_status tl_conv_cmsis_scratch_validate(const tl_op *op, const tl_tensors *tensors, tl_cmsis_scratch_kind kind);

#endif
