using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// TRANSPOSE_CONV (inputs: output shape, filter OHWI, input, optional bias) for int8 activations with int8 weights
/// (int32 bias) and int16 activations with int8 weights (int64 bias, or int16 bias widened here to int64 as TFLM
/// widens it at run time). The output-shape input is not read: like TFLM, the kernel takes the output tensor's
/// dimensions. Emits one TransposeConvS8 / S16 call (Params: the transpose_conv layout, <see cref="KernelParams.TransposeConv"/>). The kernels
/// gather per output element, so they need no accumulator scratch.
/// </summary>
public sealed class TransposeConvLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var options = ctx.Options<TransposeConvOptions>();
        var operands = ConvOperands.Read(ctx, depthwise: false, inputIndex: 2, biasIndex: 3);
        var (input, filter, bias, output) = (operands.Input, operands.Filter, operands.Bias, operands.Output);
        int outC = operands.OutC;

        int code;
        int biasT = bias?.Index ?? -1;
        if (input.Type == DataType.Int8 && output.Type == DataType.Int8 && filter.Type == DataType.Int8)
        {
            if (bias != null && bias.Type != DataType.Int32)
                throw ctx.Error($"bias type {DataTypes.Name(bias.Type)} is not supported with INT8 activations (INT32 is)");
            code = OpCode.TransposeConvS8;
        }
        else if (input.Type == DataType.Int16 && output.Type == DataType.Int16 && filter.Type == DataType.Int8)
        {
            ConvChecks.RequireZeroPointZero(ctx, input, "input");
            ConvChecks.RequireZeroPointZero(ctx, output, "output");
            if (bias != null && bias.Type == DataType.Int16)
                biasT = ctx.AddInt64Constant($"{bias.Name}/int64", WidenInt16(ConvChecks.ConstantData(ctx, bias, "int16 bias"), outC));
            else if (bias != null && bias.Type != DataType.Int64)
                throw ctx.Error($"bias type {DataTypes.Name(bias.Type)} is not supported with INT16 activations (INT64 or INT16 are)");
            code = OpCode.TransposeConvS16;
        }
        else
        {
            throw ctx.Error($"unsupported dtypes input {DataTypes.Name(input.Type)}, filter {DataTypes.Name(filter.Type)}, output {DataTypes.Name(output.Type)} " +
                "(supported: INT8/INT8, INT16/INT8)");
        }

        int batches = operands.Batches, inH = operands.InH, inW = operands.InW, inC = operands.InC;
        int fH = operands.FH, fW = operands.FW, outH = operands.OutH, outW = operands.OutW;
        if (filter.Shape[3] != inC) throw ctx.Error($"filter depth {filter.Shape[3]} differs from input depth {inC}");
        if (output.Shape[0] != batches) throw ctx.Error($"output batch {output.Shape[0]} differs from input batch {batches}");
        if (output.Shape[3] != outC) throw ctx.Error($"output depth {output.Shape[3]} differs from the filter's {outC} output channels");
        ConvChecks.RequirePositive(ctx, "strides", options.StrideH, options.StrideW);

        // TFLM pads as for a convolution from the output back to the input: sizes taken from the output tensor.
        var (padTop, padLeft) = ConvQuantization.Padding(options.Padding, options.StrideH, options.StrideW, 1, 1, outH, outW, fH, fW);
        var (actMin, actMax) = ConvQuantization.ActivationRange(ctx, options.Activation, output);
        int[] table = ConvQuantization.Multipliers(ctx, input, filter, output, channelDim: 0);
        int quant = ctx.AddInt32Constant($"{filter.Name}/multipliers", table);
        int inputOffset = code == OpCode.TransposeConvS16 ? 0 : -input.Quantization!.ZeroPoint;
        int outputOffset = code == OpCode.TransposeConvS16 ? 0 : output.Quantization!.ZeroPoint;

        return
        [
            new KernelCall
            {
                Code = code,
                Inputs = [input.Index, filter.Index, biasT, quant],
                Outputs = [output.Index],
                Params = KernelParams.TransposeConv(batches: batches, inputHeight: inH, inputWidth: inW, inputDepth: inC,
                    filterHeight: fH, filterWidth: fW, outputHeight: outH, outputWidth: outW, outputDepth: outC,
                    strideHeight: options.StrideH, strideWidth: options.StrideW, paddingTop: padTop, paddingLeft: padLeft,
                    inputOffset: inputOffset, outputOffset: outputOffset, activationMin: actMin, activationMax: actMax),
                Macs = (long)batches * inH * inW * inC * fH * fW * outC,
            },
        ];
    }

    private static long[] WidenInt16(byte[] data, int count)
    {
        var values = new long[count];
        for (int i = 0; i < count; i++) values[i] = BinaryPrimitives.ReadInt16LittleEndian(data.AsSpan(i * 2));
        return values;
    }
}
