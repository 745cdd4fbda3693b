/**
 * @file tl_signal_kernels.h
 * @brief Signal family kernels (codes 700-799): TFLM's signal-library audio front-end operators (custom ops
 * Signal*), bit-exact twins of nf-runtime/src/Kernels/Signal/ and of TFLM's signal/src/ functions named in each
 * entry. Each kernel is an image adapter pair (validate / run on a tl_op) whose Params layout is the managed twin's
 * (tl_signal_layouts.h).
 *
 * Tensor bytes are read and written byte by byte, little-endian, so no pointer needs any alignment. Validation
 * refuses exactly what the managed Validate refuses: TL_ERR_PARAMS when a count, shift or tensor does not fit.
 */
#ifndef TINYLITE_TL_SIGNAL_KERNELS_H
#define TINYLITE_TL_SIGNAL_KERNELS_H

#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"

#include "tl_op_codes.h"
#include "tl_signal_layouts.h"

/** Gain-table entries SignalPCAN reads (the octave of a uint32 is at most 32: index 4 * 32 - 6 + 2). */
#define TL_SIGNAL_PCAN_GAIN_LUT_LENGTH 125
/** Log correction-table entries SignalFilterBankLog reads (segments 0..127 and the end point). */
#define TL_SIGNAL_LOG_LUT_LENGTH 129

#define TL_SIGNAL_ADAPTER(name)                                                                                        \
    tl_status tl_op_##name##_validate(const tl_op *op, const tl_tensors *tensors);                                     \
    void tl_op_##name(const tl_op *op, const tl_tensors *tensors);

/** SignalWindow int16 (tflm_signal::ApplyWindow): (x * w) >> shift per frame, saturated. Params TL_SIGNAL_WINDOW_P_*. */
TL_SIGNAL_ADAPTER(signal_window_s16)
/** SignalFftAutoScale int16 (tflm_signal::FftAutoScale): left shift to the largest magnitude; the shift is output 1. */
TL_SIGNAL_ADAPTER(signal_fft_auto_scale_s16)
/** SignalRfft int16 (kiss_fftr, kissfft v130 FIXED_POINT 16), power-of-two lengths; twiddles from the compiler. */
TL_SIGNAL_ADAPTER(signal_rfft_s16)
/** SignalEnergy (tflm_signal::SpectrumToEnergy): re^2 + im^2 of bins start .. end - 1 as uint32. */
TL_SIGNAL_ADAPTER(signal_energy_s16)
/** SignalFilterBank (tflm_signal::FilterbankAccumulateChannels): uint64 weighted sums of uint32 bins. */
TL_SIGNAL_ADAPTER(signal_filter_bank_u32)
/** SignalFilterBankSquareRoot (tflm_signal::FilterbankSqrt): rounded Sqrt64 >> scale_bits (0 outside 0..31). */
TL_SIGNAL_ADAPTER(signal_filter_bank_square_root_u64)
/** SignalFilterBankSpectralSubtraction (tflm_signal::FilterbankSpectralSubtraction); the noise state persists. */
TL_SIGNAL_ADAPTER(signal_spectral_subtraction_u32)
/** SignalPCAN (tflm_signal::ApplyPcanAutoGainControlFixed). */
TL_SIGNAL_ADAPTER(signal_pcan_u32)
/** SignalFilterBankLog (tflm_signal::FilterbankLog, Log32). */
TL_SIGNAL_ADAPTER(signal_filter_bank_log_u32)

#undef TL_SIGNAL_ADAPTER

#endif /* TINYLITE_TL_SIGNAL_KERNELS_H */
