using System.Buffers.Binary;
using TinyLite.Codegen.Ir;
using TinyLite.Runtime.Execution;

namespace TinyLite.Codegen.Lowering.Dense;

/// <summary>
/// FULLY_CONNECTED: int8 (int8 weights per tensor or per channel, or packed int4 weights per tensor) and int16x8.
/// Computes TFLM's requantization multipliers, folds the input zero point into the bias
/// (bias - inputZp * sum(weights row), exact because TFLM's accumulator wraps the same way), repacks int4
/// weights so every row starts on a byte, and clamps to the fused activation's range.
/// </summary>
public sealed class FullyConnectedLowering : IOperatorLowering
{
    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var (options, input, weights, bias, output) = FullyConnectedOperands.Read(ctx);

        int code = (input.Type, weights.Type, output.Type) switch
        {
            (DataType.Int8, DataType.Int8, DataType.Int8) => OpCode.FullyConnectedS8,
            (DataType.Int8, DataType.Int4, DataType.Int8) => OpCode.FullyConnectedS4,
            (DataType.Int16, DataType.Int8, DataType.Int16) => OpCode.FullyConnectedS16,
            _ => throw ctx.Error("unsupported dtype combination (supported: INT8 x INT8 -> INT8, INT8 x INT4 -> INT8, INT16 x INT8 -> INT16)"),
        };
        if (weights.Data == null)
        {
            throw ctx.Error("weights must be constant");
        }
        if (weights.Shape.Length < 2 || output.Shape.Length < 1)
        {
            throw ctx.Error($"weights {weights.Describe()} must have rank 2 or more, output at least rank 1");
        }
        int inDepth = weights.Shape[^1];
        int rows = checked((int)(weights.ElementCount / Math.Max(1, inDepth)));
        int outDepth = output.Shape[^1];
        if (inDepth <= 0 || outDepth <= 0 || outDepth > rows)
        {
            throw ctx.Error($"output depth {outDepth} does not fit weights {weights.Describe()}");
        }
        long batchesLong = output.ElementCount / outDepth;
        if (batchesLong <= 0 || batchesLong * inDepth != input.ElementCount)
        {
            throw ctx.Error($"input {input.Describe()} does not match {batchesLong} batches of depth {inDepth}");
        }
        int batches = (int)batchesLong;

        var inQ = DenseQuantization.Quant(ctx, input, "input");
        var wQ = DenseQuantization.Quant(ctx, weights, "weights");
        var outQ = DenseQuantization.Quant(ctx, output, "output");
        if (wQ.ZeroPoints.Any(z => z != 0))
        {
            throw ctx.Error("weights zero point must be 0 (TFLM requires symmetric weights)");
        }

        // Requantization: TFLM's per-channel path multiplies in double; its per-tensor path
        // (GetQuantizedConvolutionMultipler) multiplies the two float scales in float first.
        var multipliers = new QuantizedMultiplier[outDepth];
        if (wQ.IsPerChannel)
        {
            if (code == OpCode.FullyConnectedS4)
            {
                throw ctx.Error("per-channel INT4 weights are not supported by TFLM's FULLY_CONNECTED");
            }
            if (wQ.QuantizedDimension != 0 || wQ.Scales.Length != weights.Shape[0] || wQ.Scales.Length < outDepth)
            {
                throw ctx.Error($"per-channel weight scales ({wQ.Scales.Length} along axis {wQ.QuantizedDimension}) must run along the output axis of {weights.Describe()}");
            }
            for (int o = 0; o < outDepth; o++)
            {
                double effective = (double)inQ.Scale * (double)wQ.Scales[o] / (double)outQ.Scale;
                multipliers[o] = QuantizedMultiplier.From(effective);
            }
        }
        else
        {
            double productScale = (double)(inQ.Scale * wQ.Scale);
            if (bias?.Quantization is { Scales.Length: > 0 } bq)
            {
                double scaleDiff = Math.Abs((double)inQ.Scale * (double)wQ.Scale - (double)bq.Scale);
                if (scaleDiff / (double)outQ.Scale > 0.02)
                {
                    throw ctx.Error("bias scale differs from input scale * weights scale (TFLM rejects this model)");
                }
            }
            if (productScale < 0)
            {
                throw ctx.Error("negative input * weights scale");
            }
            var m = QuantizedMultiplier.From(productScale / (double)outQ.Scale);
            Array.Fill(multipliers, m);
        }

        // Bias: int32 for int8 inputs; int64 (or int32, then TFLM accumulates in int32) for int16 inputs.
        long[] biasValues = new long[outDepth];
        bool accumulate32 = code != OpCode.FullyConnectedS16;
        if (bias != null)
        {
            if (bias.Data == null)
            {
                throw ctx.Error("bias must be constant");
            }
            if (bias.ElementCount < outDepth)
            {
                throw ctx.Error($"bias {bias.Describe()} has fewer than {outDepth} elements");
            }
            if (bias.Type == DataType.Int32)
            {
                for (int o = 0; o < outDepth; o++) biasValues[o] = BinaryPrimitives.ReadInt32LittleEndian(bias.Data.AsSpan(o * 4));
                accumulate32 = true;
            }
            else if (bias.Type == DataType.Int64 && code == OpCode.FullyConnectedS16)
            {
                for (int o = 0; o < outDepth; o++) biasValues[o] = BinaryPrimitives.ReadInt64LittleEndian(bias.Data.AsSpan(o * 8));
            }
            else
            {
                throw ctx.Error($"unsupported bias dtype {DataTypes.Name(bias.Type)}");
            }
        }

        // Fold -inputZp * sum(row) into the bias.
        sbyte[] w = UnpackWeights(weights, outDepth * inDepth);
        long inputOffset = -inQ.ZeroPoint;
        for (int o = 0; o < outDepth; o++)
        {
            long sum = 0;
            for (int d = 0; d < inDepth; d++) sum += w[o * inDepth + d];
            biasValues[o] += inputOffset * sum;
        }

        var (actMin, actMax) = DenseQuantization.ActivationRange(ctx, options.Activation, output);
        string name = $"fc{ctx.Op.Index}";
        int biasTensor = code == OpCode.FullyConnectedS16
            ? ctx.AddInt64Constant(name + "_bias", accumulate32 ? biasValues.Select(v => (long)unchecked((int)v)).ToArray() : biasValues)
            : ctx.AddInt32Constant(name + "_bias", biasValues.Select(v => unchecked((int)v)).ToArray());
        // Per-tensor weights share one (multiplier, shift) pair; per-channel weights get one per output channel.
        int quantTensor = ctx.AddInt32Constant(name + "_requant", DenseQuantization.Pairs(wQ.IsPerChannel ? multipliers : [multipliers[0]]));
        int weightsTensor = code == OpCode.FullyConnectedS4
            ? ctx.AddConstant(name + "_w4", DataType.Int8, [outDepth * ((inDepth + 1) / 2)], PackRows(w, outDepth, inDepth))
            : ctx.Op.Inputs[1];

        // int16 with an int64 (or no) bias and per-tensor weights under --cmsis-nn: when CMSIS-NN's
        // arm_fully_connected_s16 (one requantization pair, no output zero point) is proven to give TFLM's bytes
        // (CmsisNnInt16), the marker input: the requantization table split into CMSIS-NN's two arrays. The managed
        // kernel only size-checks it.
        int[] requant = DenseQuantization.Pairs(wQ.IsPerChannel ? multipliers : [multipliers[0]]);
        int[] inputs = [ctx.Op.Inputs[0], weightsTensor, biasTensor, quantTensor];
        if (code == OpCode.FullyConnectedS16 && ctx.CompileOptions.CmsisNn && !accumulate32 && outQ.ZeroPoint == 0 && !wQ.IsPerChannel
            && CmsisNnInt16.AllExact(weights.Data.AsSpan(0, outDepth * inDepth), outDepth, biasValues, false, requant))
        {
            inputs = [.. inputs, ctx.AddInt32Constant(name + "_cmsis_nn_s16_quant", CmsisNnInt16.Split(requant))];
        }

        int perChannel = wQ.IsPerChannel ? 1 : 0;
        int[] parameters = code == OpCode.FullyConnectedS16
            ? KernelParams.FullyConnectedS16(batches: batches, inputDepth: inDepth, outputDepth: outDepth,
                outputOffset: outQ.ZeroPoint, activationMin: actMin, activationMax: actMax, biasIsInt32: accumulate32 ? 1 : 0,
                perChannel: perChannel)
            : KernelParams.FullyConnected(batches: batches, inputDepth: inDepth, outputDepth: outDepth,
                outputOffset: outQ.ZeroPoint, activationMin: actMin, activationMax: actMax, perChannel: perChannel);
        return
        [
            new KernelCall
            {
                Code = code,
                Inputs = inputs,
                Outputs = [ctx.Op.Outputs[0]],
                Params = parameters,
                Macs = (long)batches * outDepth * inDepth,
            },
        ];
    }

    /// <summary>The first <paramref name="count"/> weights as int8 values (int4 tensors unpacked, low nibble first).</summary>
    public static sbyte[] UnpackWeights(Tensor weights, int count)
    {
        var data = weights.Data!;
        var w = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            if (weights.Type == DataType.Int4)
            {
                int b = data[i >> 1];
                int nibble = (i & 1) == 0 ? b & 0x0F : (b >> 4) & 0x0F;
                w[i] = (sbyte)(nibble >= 8 ? nibble - 16 : nibble);
            }
            else
            {
                w[i] = (sbyte)data[i];
            }
        }
        return w;
    }

    /// <summary>Packs int4 weights [rows, depth] two per byte with each row starting on a byte (low nibble first).</summary>
    public static byte[] PackRows(sbyte[] w, int rows, int depth)
    {
        int rowBytes = (depth + 1) / 2;
        var packed = new byte[rows * rowBytes];
        for (int r = 0; r < rows; r++)
        {
            for (int d = 0; d < depth; d++)
            {
                int nibble = w[r * depth + d] & 0x0F;
                packed[r * rowBytes + d / 2] |= (byte)((d & 1) == 0 ? nibble : nibble << 4);
            }
        }
        return packed;
    }
}
