/*
 * SignalRfft int16, bit-exact with SignalRfftS16.cs / TFLM's RfftInt16Apply: kiss_fftr of kissfft v130 built with
 * FIXED_POINT 16, for power-of-two lengths (kiss_fft's radix-4 and radix-2 butterflies). The complex transform runs
 * in the output frame; the split step then writes the FftLength / 2 + 1 bins in place (it reads bins k and N - k
 * before writing either). Every stored value wraps to int16 and every product rounds as kissfft's sround.
 */
#include "tinylite/tl_signal_kernels.h"

#include "tl_signal_common.h"

/* kissfft's sround(smul(a, b)) sums: (x + 2^14) >> 15, wrapped to int16. Callers keep x inside int32. */
static int32_t round_q15(int32_t x)
{
    return tl_signal_wrap16((x + 16384) >> 15);
}

/* kissfft's DIVSCALAR: x times 32767 / radix, rounded, wrapped to int16. */
static int32_t fixdiv(int32_t x, int32_t factor)
{
    return round_q15(x * factor);
}

static void butterfly2(uint8_t *f, int32_t stride, int32_t m, const uint8_t *tw)
{
    int32_t k;
    for (k = 0; k < m; k++)
    {
        uint8_t *a = f + 4 * k;
        uint8_t *b = a + 4 * m;
        const uint8_t *w = tw + 4 * k * stride;
        const int32_t ar = fixdiv(tl_signal_rd16(a), 16383), ai = fixdiv(tl_signal_rd16(a + 2), 16383);
        const int32_t br = fixdiv(tl_signal_rd16(b), 16383), bi = fixdiv(tl_signal_rd16(b + 2), 16383);
        const int32_t wr = tl_signal_rd16(w), wi = tl_signal_rd16(w + 2);
        const int32_t tr = round_q15(br * wr - bi * wi);
        const int32_t ti = round_q15(br * wi + bi * wr);
        tl_signal_wr16(b, ar - tr);
        tl_signal_wr16(b + 2, ai - ti);
        tl_signal_wr16(a, ar + tr);
        tl_signal_wr16(a + 2, ai + ti);
    }
}

static void butterfly4(uint8_t *f, int32_t stride, int32_t m, const uint8_t *tw)
{
    int32_t k;
    for (k = 0; k < m; k++)
    {
        uint8_t *p0 = f + 4 * k;
        uint8_t *p1 = p0 + 4 * m;
        uint8_t *p2 = p1 + 4 * m;
        uint8_t *p3 = p2 + 4 * m;
        const uint8_t *w1 = tw + 4 * k * stride;
        const uint8_t *w2 = tw + 8 * k * stride;
        const uint8_t *w3 = tw + 12 * k * stride;
        int32_t f0r = fixdiv(tl_signal_rd16(p0), 8191), f0i = fixdiv(tl_signal_rd16(p0 + 2), 8191);
        const int32_t f1r = fixdiv(tl_signal_rd16(p1), 8191), f1i = fixdiv(tl_signal_rd16(p1 + 2), 8191);
        const int32_t f2r = fixdiv(tl_signal_rd16(p2), 8191), f2i = fixdiv(tl_signal_rd16(p2 + 2), 8191);
        const int32_t f3r = fixdiv(tl_signal_rd16(p3), 8191), f3i = fixdiv(tl_signal_rd16(p3 + 2), 8191);
        const int32_t w1r = tl_signal_rd16(w1), w1i = tl_signal_rd16(w1 + 2);
        const int32_t w2r = tl_signal_rd16(w2), w2i = tl_signal_rd16(w2 + 2);
        const int32_t w3r = tl_signal_rd16(w3), w3i = tl_signal_rd16(w3 + 2);
        const int32_t s0r = round_q15(f1r * w1r - f1i * w1i), s0i = round_q15(f1r * w1i + f1i * w1r);
        const int32_t s1r = round_q15(f2r * w2r - f2i * w2i), s1i = round_q15(f2r * w2i + f2i * w2r);
        const int32_t s2r = round_q15(f3r * w3r - f3i * w3i), s2i = round_q15(f3r * w3i + f3i * w3r);
        const int32_t s5r = tl_signal_wrap16(f0r - s1r), s5i = tl_signal_wrap16(f0i - s1i);
        int32_t s3r, s3i, s4r, s4i;
        f0r = tl_signal_wrap16(f0r + s1r);
        f0i = tl_signal_wrap16(f0i + s1i);
        s3r = tl_signal_wrap16(s0r + s2r);
        s3i = tl_signal_wrap16(s0i + s2i);
        s4r = tl_signal_wrap16(s0r - s2r);
        s4i = tl_signal_wrap16(s0i - s2i);
        tl_signal_wr16(p2, f0r - s3r);
        tl_signal_wr16(p2 + 2, f0i - s3i);
        tl_signal_wr16(p0, f0r + s3r);
        tl_signal_wr16(p0 + 2, f0i + s3i);
        tl_signal_wr16(p1, s5r + s4i);
        tl_signal_wr16(p1 + 2, s5i - s4r);
        tl_signal_wr16(p3, s5r - s4i);
        tl_signal_wr16(p3 + 2, s5i + s4r);
    }
}

/* kiss_fft's kf_work: the DFT of @p length complex inputs from complex index @p first, step @p stride, into @p out;
 * input samples at or past @p input_length read as 0 (TFLM's zero padding). */
static void stage(uint8_t *out, const uint8_t *input, int32_t input_length, int32_t first, int32_t stride,
                  int32_t length, const uint8_t *tw)
{
    /* kf_factor on a power of two: radix 4 while it divides, then radix 2. */
    const int32_t radix = length % 4 == 0 ? 4 : 2;
    const int32_t m = length / radix;
    int32_t k;
    if (m == 1)
    {
        for (k = 0; k < radix; k++)
        {
            const int32_t sample = 2 * (first + k * stride);
            tl_signal_wr16(out + 4 * k, sample < input_length ? tl_signal_rd16(input + 2 * sample) : 0);
            tl_signal_wr16(out + 4 * k + 2, sample + 1 < input_length ? tl_signal_rd16(input + 2 * sample + 2) : 0);
        }
    }
    else
    {
        for (k = 0; k < radix; k++)
        {
            stage(out + 4 * k * m, input, input_length, first + k * stride, stride * radix, m, tw);
        }
    }
    if (radix == 4)
    {
        butterfly4(out, stride, m, tw);
    }
    else
    {
        butterfly2(out, stride, m, tw);
    }
}

/* kiss_fftr's split step over the @p n complex values at @p f (split twiddles at @p super). */
static void split(uint8_t *f, int32_t n, const uint8_t *super)
{
    const int32_t dc_r = fixdiv(tl_signal_rd16(f), 16383);
    const int32_t dc_i = fixdiv(tl_signal_rd16(f + 2), 16383);
    int32_t k;
    tl_signal_wr16(f, dc_r + dc_i);
    tl_signal_wr16(f + 2, 0);
    tl_signal_wr16(f + 4 * n, dc_r - dc_i);
    tl_signal_wr16(f + 4 * n + 2, 0);
    for (k = 1; k <= n / 2; k++)
    {
        uint8_t *pk = f + 4 * k;
        uint8_t *pnk = f + 4 * (n - k);
        const uint8_t *w = super + 4 * (k - 1);
        const int32_t fpk_r = fixdiv(tl_signal_rd16(pk), 16383), fpk_i = fixdiv(tl_signal_rd16(pk + 2), 16383);
        const int32_t fpnk_r = fixdiv(tl_signal_rd16(pnk), 16383);
        const int32_t fpnk_i = fixdiv(tl_signal_wrap16(-tl_signal_rd16(pnk + 2)), 16383);
        const int32_t f1r = tl_signal_wrap16(fpk_r + fpnk_r), f1i = tl_signal_wrap16(fpk_i + fpnk_i);
        const int32_t f2r = tl_signal_wrap16(fpk_r - fpnk_r), f2i = tl_signal_wrap16(fpk_i - fpnk_i);
        const int32_t wr = tl_signal_rd16(w), wi = tl_signal_rd16(w + 2);
        const int32_t twr = round_q15(f2r * wr - f2i * wi), twi = round_q15(f2r * wi + f2i * wr);
        /* kissfft's HALF_OF on the int sum, then the int16 store. */
        tl_signal_wr16(pk, (f1r + twr) >> 1);
        tl_signal_wr16(pk + 2, (f1i + twi) >> 1);
        tl_signal_wr16(pnk, (f1r - twr) >> 1);
        tl_signal_wr16(pnk + 2, (twi - f1i) >> 1);
    }
}

tl_status tl_op_signal_rfft_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int32_t fft_length, input_length, frames;
    if (!tl_signal_arity(op, 2, 1, TL_SIGNAL_RFFT_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    fft_length = p[TL_SIGNAL_RFFT_P_FFT_LENGTH];
    input_length = p[TL_SIGNAL_RFFT_P_INPUT_LENGTH];
    frames = p[TL_SIGNAL_RFFT_P_FRAMES];
    if (fft_length < 4 || fft_length > 32768 || (fft_length & (fft_length - 1)) != 0 || input_length < 1 ||
        input_length > fft_length || frames < 0 ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_RFFT_IN_INPUT], TL_TYPE_INT16, (int64_t)frames * input_length,
                          2) ||
        !tl_signal_tensor(tensors, op->inputs[TL_SIGNAL_RFFT_IN_TWIDDLES], TL_TYPE_INT16, 3 * (int64_t)(fft_length / 2),
                          2) ||
        !tl_signal_tensor(tensors, op->outputs[TL_SIGNAL_RFFT_OUT_OUTPUT], TL_TYPE_INT16,
                          (int64_t)frames * (fft_length + 2), 2))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_signal_rfft_s16(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    const int32_t fft_length = p[TL_SIGNAL_RFFT_P_FFT_LENGTH];
    const int32_t input_length = p[TL_SIGNAL_RFFT_P_INPUT_LENGTH];
    const int32_t frames = p[TL_SIGNAL_RFFT_P_FRAMES];
    const int32_t n = fft_length / 2;
    const uint8_t *input = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_RFFT_IN_INPUT]);
    const uint8_t *tw = tl_tensor_data(tensors, op->inputs[TL_SIGNAL_RFFT_IN_TWIDDLES]);
    uint8_t *output = tl_tensor_data(tensors, op->outputs[TL_SIGNAL_RFFT_OUT_OUTPUT]);
    int32_t frame;
    for (frame = 0; frame < frames; frame++)
    {
        uint8_t *out = output + 4 * frame * (n + 1);
        stage(out, input + 2 * frame * input_length, input_length, 0, 1, n, tw);
        split(out, n, tw + 4 * n);
    }
}
