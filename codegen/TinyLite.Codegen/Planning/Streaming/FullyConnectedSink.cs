using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Dense;

namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// FULLY_CONNECTED int8 (int8 or packed int4 weights) at the end of a stream: it takes its input band by band
/// (FullyConnectedS8Accumulate / FullyConnectedS4Accumulate adds each band's products to int32 accumulators, the first band starting from
/// the folded bias) and requantizes once at the end (FullyConnectedS8Finish), so its input never exists whole.
/// Each band gets its own slice of the weights, the same bytes regrouped, so the image grows only by records.
/// </summary>
public sealed class FullyConnectedSink(KernelCall call, long rowElements)
{
    private int _accumulators = -1;

    /// <summary>The accumulate call for input rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>), read from <paramref name="input"/>.</summary>
    public KernelCall Band(Graph graph, int first, int count, int input)
    {
        int inDepth = call.Params[FullyConnectedParams.InputDepth], outDepth = call.Params[FullyConnectedParams.OutputDepth];
        var output = graph.Tensors[call.Outputs[FullyConnectedSlots.OutOutput]];
        if (_accumulators < 0)
            _accumulators = graph.AddTensor("accumulators: " + output.Name, DataType.Int32, [outDepth]);
        int n = checked((int)(count * rowElements));
        int from = checked((int)(first * rowElements));
        var weights = graph.Tensors[call.Inputs[FullyConnectedSlots.InWeights]];
        bool int4 = call.Code == OpCode.FullyConnectedS4;
        byte[] slice = int4 ? Int4Slice(weights.Data!, outDepth, inDepth, from, n) : new byte[outDepth * n];
        if (!int4)
            for (int o = 0; o < outDepth; o++) Array.Copy(weights.Data!, o * inDepth + from, slice, o * n, n);
        int sliceTensor = graph.AddTensor($"{weights.Name}[{from}:{from + n}]", DataType.Int8, [outDepth, int4 ? (n + 1) / 2 : n], weights.Quantization, slice);
        return new KernelCall
        {
            // Slots input, weights, start: the first band starts from the folded bias, the others from the accumulators.
            Code = int4 ? OpCode.FullyConnectedS4Accumulate : OpCode.FullyConnectedS8Accumulate, Inputs = [input, sliceTensor, first == 0 ? call.Inputs[FullyConnectedSlots.InBias] : -1],
            Outputs = [_accumulators], Params = KernelParams.FullyConnectedAccumulate(sliceLength: n, outputDepth: outDepth),
            Macs = (long)outDepth * n,
            SourceIndex = call.SourceIndex, SourceOp = call.SourceOp,
        };
    }

    /// <summary>
    /// Elements [from, from + n) of every row of int4 weights packed row by row ([rows][(depth + 1) / 2] bytes, as
    /// FullyConnectedS4 reads them), packed again the same way: the rows of FullyConnectedS4Accumulate.
    /// </summary>
    private static byte[] Int4Slice(byte[] packed, int rows, int depth, int from, int n)
    {
        int rowBytes = (depth + 1) / 2;
        var values = new sbyte[rows * n];
        for (int o = 0; o < rows; o++)
            for (int k = 0; k < n; k++)
            {
                int e = from + k;
                int b = packed[o * rowBytes + e / 2];
                int nibble = (e & 1) == 0 ? b & 0x0F : b >> 4;
                values[o * n + k] = (sbyte)(nibble >= 8 ? nibble - 16 : nibble);
            }
        return Lowering.Dense.FullyConnectedLowering.PackRows(values, rows, n);
    }

    /// <summary>The requantizing call after the last band.</summary>
    public KernelCall Finish()
    {
        int[] p = call.Params;
        return new KernelCall
        {
            Code = OpCode.FullyConnectedS8Finish, Inputs = [_accumulators, call.Inputs[FullyConnectedSlots.InMultipliers]],
            Outputs = [call.Outputs[FullyConnectedSlots.OutOutput]],
            Params = KernelParams.FullyConnectedFinish(outputDepth: p[FullyConnectedParams.OutputDepth],
                outputOffset: p[FullyConnectedParams.OutputOffset], activationMin: p[FullyConnectedParams.ActivationMin],
                activationMax: p[FullyConnectedParams.ActivationMax], perChannel: p[FullyConnectedParams.PerChannel]),
            SourceIndex = call.SourceIndex, SourceOp = call.SourceOp,
        };
    }
}
