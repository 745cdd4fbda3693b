using TinyLite.Runtime.Kernels.Recurrent;
using TinyLite.Runtime.Kernels.Signal;
using static TinyLite.Tests.Support.KernelRecords;

namespace TinyLite.Tests.Kernels.Signal;

/// <summary>
/// Load-time validation of the Signal and SVDF kernels: a consistent record passes, and each parameter that could
/// make Run index outside a tensor (or shift by an undefined amount) is refused. The native validators refuse the
/// same records (NativeLoaderAgreementTests edits real images of both models).
/// </summary>
public class SignalValidateTests
{
    [Fact]
    public void Window_RefusesPartialFramesShiftsAndShortTensors()
    {
        var ctx = Context((TensorType.Int16, 32), (TensorType.Int16, 16), (TensorType.Int16, 32));
        string Check(int count, int length, int shift) =>
            SignalFamily.Validate(ctx, Op(OpCode.SignalWindowS16, [0, 1], [2], KernelParams.SignalWindow(count: count, windowLength: length, shift: shift)));
        Assert.Null(Check(16, 8, 12));
        Assert.NotNull(Check(16, 6, 12));  // not whole frames
        Assert.NotNull(Check(16, 8, 32));  // shift past 31
        Assert.NotNull(Check(18, 9, 12));  // window longer than its tensor
        Assert.NotNull(Check(32, 8, 12));  // more samples than the input holds
    }

    [Fact]
    public void Rfft_RefusesLengthsThatAreNoPowerOfTwoOrDoNotFit()
    {
        // 2 frames of 12 samples, fft 16: twiddles 3 * 8 int16, output 2 * 18 int16.
        var ctx = Context((TensorType.Int16, 48), (TensorType.Int16, 48), (TensorType.Int16, 72));
        string Check(int fft, int length, int frames) =>
            SignalFamily.Validate(ctx, Op(OpCode.SignalRfftS16, [0, 1], [2], KernelParams.SignalRfft(fftLength: fft, inputLength: length, frames: frames)));
        Assert.Null(Check(16, 12, 2));
        Assert.NotNull(Check(12, 12, 2));  // not a power of two
        Assert.NotNull(Check(16, 17, 1));  // frame longer than the FFT
        Assert.NotNull(Check(16, 12, 3));  // more frames than the tensors hold
        Assert.NotNull(Check(32, 12, 1));  // twiddle table too short for 32
    }

    [Fact]
    public void EnergyAndShifts_RefuseBadRanges()
    {
        var ctx = Context((TensorType.Int16, 36), (TensorType.UInt32, 36));
        Assert.Null(SignalFamily.Validate(ctx, Op(OpCode.SignalEnergyS16, [0], [1], KernelParams.SignalEnergy(startIndex: 1, endIndex: 9))));
        Assert.NotNull(SignalFamily.Validate(ctx, Op(OpCode.SignalEnergyS16, [0], [1], KernelParams.SignalEnergy(startIndex: 1, endIndex: 10))));
        Assert.NotNull(SignalFamily.Validate(ctx, Op(OpCode.SignalEnergyS16, [0], [1], KernelParams.SignalEnergy(startIndex: 5, endIndex: 4))));

        var sub = Context((TensorType.UInt32, 16), (TensorType.UInt32, 16), (TensorType.UInt32, 16), (TensorType.UInt32, 16));
        int[] Params(int smoothingBits, int subtractionBits) => KernelParams.SignalSpectralSubtraction(numChannels: 4, smoothing: 655,
            oneMinusSmoothing: 15729, alternateSmoothing: 655, alternateOneMinusSmoothing: 15729, minSignalRemaining: 819,
            smoothingBits: smoothingBits, spectralSubtractionBits: subtractionBits, clamping: 0);
        Assert.Null(SignalFamily.Validate(sub, Op(OpCode.SignalSpectralSubtractionU32, [0, 1], [2, 3], Params(10, 14))));
        Assert.NotNull(SignalFamily.Validate(sub, Op(OpCode.SignalSpectralSubtractionU32, [0, 1], [2, 3], Params(32, 14))));
        Assert.NotNull(SignalFamily.Validate(sub, Op(OpCode.SignalSpectralSubtractionU32, [0, 1], [2, 3], Params(10, 64))));
    }

    [Fact]
    public void PcanAndLog_RefuseShortTables()
    {
        var pcan = Context((TensorType.UInt32, 16), (TensorType.UInt32, 16), (TensorType.Int16, 2 * 124), (TensorType.UInt32, 16));
        Assert.NotNull(SignalFamily.Validate(pcan, Op(OpCode.SignalPcanU32, [0, 1, 2], [3], KernelParams.SignalPcan(numChannels: 4, snrShift: 6))));
        var log = Context((TensorType.UInt32, 16), (TensorType.Int16, 2 * 128), (TensorType.Int16, 8));
        Assert.NotNull(SignalFamily.Validate(log, Op(OpCode.SignalFilterBankLogU32, [0, 1], [2],
            KernelParams.SignalFilterBankLog(numChannels: 4, outputScale: 1600, inputCorrectionBits: 3))));
    }

    [Fact]
    public void Svdf_RefusesRanksThatDoNotDivideAndStateOfTheWrongType()
    {
        // 1 batch, 6 inputs, 4 filters, memory 3: int16 time weights and state.
        var ctx = Context((TensorType.Int8, 6), (TensorType.Int8, 24), (TensorType.Int16, 24), (TensorType.Int32, 8),
            (TensorType.Int16, 24), (TensorType.Int8, 2), (TensorType.Int8, 24));
        int[] Params(int rank) => KernelParams.Svdf(batches: 1, inputSize: 6, filters: 4, rank: rank, memory: 3, inputZeroPoint: 0,
            stateZeroPoint: 0, outputZeroPoint: 0, featureMultiplier: 1 << 30, featureShift: 0, outputMultiplier: 1 << 30, outputShift: 0);
        Assert.Null(RecurrentFamily.Validate(ctx, Op(OpCode.SvdfS8S16, [0, 1, 2, 3, 4], [5], Params(2))));
        Assert.Null(RecurrentFamily.Validate(ctx, Op(OpCode.SvdfS8S16, [0, 1, 2, -1, 4], [5], Params(2))));
        Assert.NotNull(RecurrentFamily.Validate(ctx, Op(OpCode.SvdfS8S16, [0, 1, 2, 3, 4], [5], Params(3))));
        // The int8 kernel on int16 state, and an int8 tensor as state: refused.
        Assert.NotNull(RecurrentFamily.Validate(ctx, Op(OpCode.SvdfS8, [0, 1, 2, 3, 4], [5], Params(2))));
        Assert.NotNull(RecurrentFamily.Validate(ctx, Op(OpCode.SvdfS8S16, [0, 1, 2, 3, 6], [5], Params(2))));
    }
}
