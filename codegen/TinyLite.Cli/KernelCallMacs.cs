using TinyLite.Runtime;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Recurrent;

namespace TinyLite.Cli;

/// <summary>
/// Multiply-accumulates of one kernel call of an image, from its parameters and tensor shapes, counted as the
/// compiler's lowerings count them (the report's <c>macs</c>): convolutions output × filter window × filter depth,
/// depthwise output × window, transpose convolutions input × window × output depth, fully connected output × input
/// depth (a band's partial sums: slice × output depth), pooling output × window, MEAN one per input element, ADD/SUB/MUL
/// one per output element, LSTM 4 gates × state × (input + state) per step; every other kernel 0.
/// </summary>
public static class KernelCallMacs
{
    /// <summary>The MACs of <paramref name="call"/> in the image loaded by <paramref name="it"/>.</summary>
    public static long Of(ImageCall call, Interpreter it)
    {
        int[] p = call.Params;
        switch (call.Code)
        {
            case OpCode.ConvS8: case OpCode.ConvS4: case OpCode.ConvS16:
            case OpCode.PointwiseConvS8InPlace: case OpCode.PointwiseConvS16InPlace:
                return (long)p[ConvParams.Batches] * p[ConvParams.OutputHeight] * p[ConvParams.OutputWidth] * p[ConvParams.OutputDepth]
                       * p[ConvParams.FilterHeight] * p[ConvParams.FilterWidth] * p[ConvParams.FilterDepth];
            case OpCode.DepthwiseConvS8: case OpCode.DepthwiseConvS4: case OpCode.DepthwiseConvS16:
            case OpCode.DepthwiseConvS8InPlace: case OpCode.DepthwiseConvS4InPlace:
                return (long)p[DepthwiseConvParams.Batches] * p[DepthwiseConvParams.OutputHeight] * p[DepthwiseConvParams.OutputWidth]
                       * p[DepthwiseConvParams.OutputDepth] * p[DepthwiseConvParams.FilterHeight] * p[DepthwiseConvParams.FilterWidth];
            case OpCode.TransposeConvS8: case OpCode.TransposeConvS16:
                return (long)p[TransposeConvParams.Batches] * p[TransposeConvParams.InputHeight] * p[TransposeConvParams.InputWidth] * p[TransposeConvParams.InputDepth]
                       * p[TransposeConvParams.FilterHeight] * p[TransposeConvParams.FilterWidth] * p[TransposeConvParams.OutputDepth];
            case OpCode.FullyConnectedS8: case OpCode.FullyConnectedS4:
                return (long)p[FullyConnectedParams.Batches] * p[FullyConnectedParams.InputDepth] * p[FullyConnectedParams.OutputDepth];
            case OpCode.FullyConnectedS16:
                return (long)p[FullyConnectedS16Params.Batches] * p[FullyConnectedS16Params.InputDepth] * p[FullyConnectedS16Params.OutputDepth];
            case OpCode.FullyConnectedS8Accumulate:
                return (long)p[FullyConnectedAccumulateParams.SliceLength] * p[FullyConnectedAccumulateParams.OutputDepth];
            case OpCode.AveragePoolS8: case OpCode.AveragePoolS16: case OpCode.MaxPoolS8: case OpCode.MaxPoolS16:
                return (long)p[PoolParams.Batches] * p[PoolParams.OutputHeight] * p[PoolParams.OutputWidth] * p[PoolParams.Depth]
                       * p[PoolParams.FilterHeight] * p[PoolParams.FilterWidth];
            case OpCode.MeanS8: case OpCode.MeanS16:
                return Elements(it, call.Inputs[MeanSlots.InInput]);
            case OpCode.AddS8: case OpCode.AddS16: case OpCode.AddS32: case OpCode.AddF32:
            case OpCode.SubS8: case OpCode.SubS16: case OpCode.SubS32: case OpCode.SubF32:
            case OpCode.MulS8: case OpCode.MulS16: case OpCode.MulS32: case OpCode.MulF32:
                return Elements(it, call.Outputs[BinarySlots.OutOutput]);
            case OpCode.LstmS8: case OpCode.LstmS16:
                return (long)p[LstmParams.Batches] * p[LstmParams.TimeSteps] * 4 * p[LstmParams.StateDepth] * (p[LstmParams.InputDepth] + p[LstmParams.StateDepth]);
            default:
                return 0;
        }
    }

    private static long Elements(Interpreter it, int tensor) => it.TensorShape(tensor).Aggregate(1L, (a, d) => a * d);
}
