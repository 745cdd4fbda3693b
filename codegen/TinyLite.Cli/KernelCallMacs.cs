using TinyLite.Runtime;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Float;
using TinyLite.Runtime.Kernels.Recurrent;
using TinyLite.Runtime.Kernels.Signal;

namespace TinyLite.Cli;

/// <summary>
/// Multiply-accumulates of one kernel call of an image, from its parameters and tensor shapes, counted as the
/// compiler's lowerings count them (the report's <c>macs</c>): convolutions output × filter window × filter depth,
/// depthwise output × window, transpose convolutions input × window × output depth, fully connected output × input
/// depth (a band's partial sums: slice × output depth), pooling output × window, MEAN one per input element, ADD/SUB/MUL
/// (and DIV) one per output element, LSTM 4 gates × state × (input + state) per step, SVDF filters × (input + memory),
/// float softmax one per element, and the signal front end's own counts (window one per sample, RFFT 4 per butterfly
/// and quarter length, energy 2 per bin, filter bank 2 per weight of every channel, spectral subtraction 3 per
/// channel, PCAN and filter-bank log 4 per input element); every other kernel 0.
/// </summary>
public static class KernelCallMacs
{
    /// <summary>The MACs of <paramref name="call"/> in the image loaded by <paramref name="it"/>.</summary>
    public static long Of(ImageCall call, Interpreter it)
    {
        int[] p = call.Params;
        switch (call.Code)
        {
            case OpCode.ConvS8:
            case OpCode.ConvS4:
            case OpCode.ConvS16:
            case OpCode.PointwiseConvS8InPlace:
            case OpCode.PointwiseConvS4InPlace:
            case OpCode.PointwiseConvS16InPlace:
                return (long)p[ConvParams.Batches] * p[ConvParams.OutputHeight] * p[ConvParams.OutputWidth] * p[ConvParams.OutputDepth]
                       * p[ConvParams.FilterHeight] * p[ConvParams.FilterWidth] * p[ConvParams.FilterDepth];
            case OpCode.DepthwiseConvS8:
            case OpCode.DepthwiseConvS4:
            case OpCode.DepthwiseConvS16:
            case OpCode.DepthwiseConvS8InPlace:
            case OpCode.DepthwiseConvS4InPlace:
                return (long)p[DepthwiseConvParams.Batches] * p[DepthwiseConvParams.OutputHeight] * p[DepthwiseConvParams.OutputWidth]
                       * p[DepthwiseConvParams.OutputDepth] * p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];
            case OpCode.TransposeConvS8:
            case OpCode.TransposeConvS16:
                return (long)p[TransposeConvParams.Batches] * p[TransposeConvParams.InputHeight] * p[TransposeConvParams.InputWidth] * p[TransposeConvParams.InputDepth]
                       * p[TransposeConvParams.FilterHeight] * p[TransposeConvParams.FilterWidth] * p[TransposeConvParams.OutputDepth];
            case OpCode.FullyConnectedS8:
            case OpCode.FullyConnectedS4:
                return (long)p[FullyConnectedParams.Batches] * p[FullyConnectedParams.InputDepth] * p[FullyConnectedParams.OutputDepth];
            case OpCode.FullyConnectedS16:
                return (long)p[FullyConnectedS16Params.Batches] * p[FullyConnectedS16Params.InputDepth] * p[FullyConnectedS16Params.OutputDepth];
            case OpCode.FullyConnectedS8Accumulate:
            case OpCode.FullyConnectedS4Accumulate:
                return (long)p[FullyConnectedAccumulateParams.SliceLength] * p[FullyConnectedAccumulateParams.OutputDepth];
            case OpCode.AveragePoolS8:
            case OpCode.AveragePoolS16:
            case OpCode.MaxPoolS8:
            case OpCode.MaxPoolS16:
                return (long)p[PoolParams.Batches] * p[PoolParams.OutputHeight] * p[PoolParams.OutputWidth] * p[PoolParams.Depth]
                       * p[PoolParams.FilterHeight] * p[PoolParams.FilterWidth];
            case OpCode.MeanS8:
            case OpCode.MeanS16:
                return Elements(it, call.Inputs[MeanSlots.InInput]);
            case OpCode.ConvF32:
                return (long)p[ConvF32Params.Batches] * p[ConvF32Params.OutputHeight] * p[ConvF32Params.OutputWidth] * p[ConvF32Params.OutputDepth]
                       * p[ConvF32Params.FilterHeight] * p[ConvF32Params.FilterWidth] * p[ConvF32Params.FilterDepth];
            case OpCode.DepthwiseConvF32:
                return (long)p[DepthwiseConvF32Params.Batches] * p[DepthwiseConvF32Params.OutputHeight] * p[DepthwiseConvF32Params.OutputWidth]
                       * p[DepthwiseConvF32Params.OutputDepth] * p[DepthwiseConvF32Params.FilterHeight] * p[DepthwiseConvF32Params.FilterWidth];
            case OpCode.FullyConnectedF32:
                return (long)p[FullyConnectedF32Params.Batches] * p[FullyConnectedF32Params.InputDepth] * p[FullyConnectedF32Params.OutputDepth];
            case OpCode.AveragePoolF32:
            case OpCode.MaxPoolF32:
                return (long)p[PoolF32Params.Batches] * p[PoolF32Params.OutputHeight] * p[PoolF32Params.OutputWidth] * p[PoolF32Params.Depth]
                       * p[PoolF32Params.FilterHeight] * p[PoolF32Params.FilterWidth];
            case OpCode.MeanF32:
                return Elements(it, call.Inputs[MeanF32Slots.InInput]);
            case OpCode.SoftmaxF32:
                return Elements(it, call.Inputs[SoftmaxF32Slots.InInput]);
            case OpCode.SvdfS8:
            case OpCode.SvdfS8S16:
                return (long)p[SvdfParams.Batches] * p[SvdfParams.Filters] * (p[SvdfParams.InputSize] + p[SvdfParams.Memory]);
            case OpCode.SignalWindowS16:
                return p[SignalWindowParams.Count];
            case OpCode.SignalRfftS16:
            {
                long fft = p[SignalRfftParams.FftLength];
                long butterflies = fft / 2 * (long)Math.Log2(fft / 2) / 2;
                return p[SignalRfftParams.Frames] * 4L * (butterflies + fft / 4);
            }
            case OpCode.SignalEnergyS16:
                return 2L * (p[SignalEnergyParams.EndIndex] - p[SignalEnergyParams.StartIndex]);
            case OpCode.SignalFilterBankU32:
            {
                // Two per weight of each of the num_channels + 1 channels, the widths being the channel table in the image.
                byte[] widths = it.ReadTensor(call.Inputs[SignalFilterBankSlots.InChannelWidths]);
                long sum = 0;
                int entries = Math.Min(widths.Length / 2, p[SignalFilterBankParams.NumChannels] + 1);
                for (int i = 0; i < entries; i++) sum += BitConverter.ToInt16(widths, 2 * i);
                return 2 * sum;
            }
            case OpCode.SignalSpectralSubtractionU32:
                return 3L * p[SignalSpectralSubtractionParams.NumChannels];
            case OpCode.SignalPcanU32:
                return 4 * Elements(it, call.Inputs[SignalPcanSlots.InInput]);
            case OpCode.SignalFilterBankLogU32:
                return 4 * Elements(it, call.Inputs[SignalFilterBankLogSlots.InInput]);
            case OpCode.DivS32:
            case OpCode.AddS8:
            case OpCode.AddS16:
            case OpCode.AddS32:
            case OpCode.AddF32:
            case OpCode.SubS8:
            case OpCode.SubS16:
            case OpCode.SubS32:
            case OpCode.SubF32:
            case OpCode.MulS8:
            case OpCode.MulS16:
            case OpCode.MulS32:
            case OpCode.MulF32:
                return Elements(it, call.Outputs[BinarySlots.OutOutput]);
            case OpCode.LstmS8:
            case OpCode.LstmS16:
                return (long)p[LstmParams.Batches] * p[LstmParams.TimeSteps] * 4 * p[LstmParams.StateDepth] * (p[LstmParams.InputDepth] + p[LstmParams.StateDepth]);
            default:
                return 0;
        }
    }

    private static long Elements(Interpreter it, int tensor) => it.TensorShape(tensor).Aggregate(1L, (a, d) => a * d);
}
