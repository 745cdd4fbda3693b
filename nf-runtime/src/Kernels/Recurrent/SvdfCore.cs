using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Recurrent
{
    /// <summary>
    /// The integer SVDF of TFLM's EvalIntegerSvdfReference, for int8 or int16 state and time weights (the element
    /// width is the only difference between <see cref="SvdfS8"/> and <see cref="SvdfS8S16"/>, so they share this code).
    /// <para>Each invoke: the whole state [batches][filters][memory] moves one element towards its start (TFLM's
    /// shift of the flat array); each filter's dot product with the input (int8, minus the input zero point) is
    /// requantized by the feature multiplier, clamped to the state type and stored in the filter's newest slot;
    /// each unit then sums, over its <c>rank</c> filters, the time weights times the state minus its zero point
    /// (wrapping int32), adds the bias, and is requantized to int8. The fused activation is not applied, as in
    /// TFLM's integer SVDF.</para>
    /// </summary>
    public static class SvdfCore
    {
        /// <summary>Runs the SVDF with state elements of <paramref name="stateBytes"/> bytes (1 or 2).</summary>
        public static void Run(KernelContext ctx, OpRecord op, int stateBytes)
        {
            int[] p = op.Params;
            int batches = p[SvdfParams.Batches];
            int inputSize = p[SvdfParams.InputSize];
            int filters = p[SvdfParams.Filters];
            int rank = p[SvdfParams.Rank];
            int memory = p[SvdfParams.Memory];
            int units = filters / rank;
            int inputZeroPoint = p[SvdfParams.InputZeroPoint];
            int stateZeroPoint = p[SvdfParams.StateZeroPoint];
            int outputZeroPoint = p[SvdfParams.OutputZeroPoint];
            int featureMultiplier = p[SvdfParams.FeatureMultiplier];
            int featureShift = p[SvdfParams.FeatureShift];
            int outputMultiplier = p[SvdfParams.OutputMultiplier];
            int outputShift = p[SvdfParams.OutputShift];
            int stateMin = stateBytes == 1 ? -128 : -32768;
            int stateMax = stateBytes == 1 ? 127 : 32767;
            byte[] input = ctx.Buffer(op.Inputs[SvdfSlots.InInput]);
            int inBase = ctx.Offset(op.Inputs[SvdfSlots.InInput]);
            byte[] feature = ctx.Buffer(op.Inputs[SvdfSlots.InWeightsFeature]);
            int featureBase = ctx.Offset(op.Inputs[SvdfSlots.InWeightsFeature]);
            byte[] time = ctx.Buffer(op.Inputs[SvdfSlots.InWeightsTime]);
            int timeBase = ctx.Offset(op.Inputs[SvdfSlots.InWeightsTime]);
            int biasTensor = op.Inputs[SvdfSlots.InBias];
            byte[] bias = biasTensor >= 0 ? ctx.Buffer(biasTensor) : null;
            int biasBase = biasTensor >= 0 ? ctx.Offset(biasTensor) : 0;
            byte[] state = ctx.Buffer(op.Inputs[SvdfSlots.InState]);
            int stateBase = ctx.Offset(op.Inputs[SvdfSlots.InState]);
            byte[] output = ctx.Buffer(op.Outputs[SvdfSlots.OutOutput]);
            int outBase = ctx.Offset(op.Outputs[SvdfSlots.OutOutput]);

            // The flat state moves one element towards its start (forward copy: each byte is read before it is overwritten).
            int stateLength = batches * filters * memory * stateBytes;
            for (int i = 0; i + stateBytes < stateLength; i++)
            {
                state[stateBase + i] = state[stateBase + i + stateBytes];
            }

            for (int b = 0; b < batches; b++)
            {
                int fi = featureBase;
                for (int f = 0; f < filters; f++)
                {
                    int dot = 0;
                    int xi = inBase + b * inputSize;
                    for (int c = 0; c < inputSize; c++)
                    {
                        dot += (sbyte)feature[fi] * ((sbyte)input[xi] - inputZeroPoint);
                        fi++;
                        xi++;
                    }
                    dot = FixedPoint.MultiplyByQuantizedMultiplier(dot, featureMultiplier, featureShift);
                    dot = dot < stateMin ? stateMin : (dot > stateMax ? stateMax : dot);
                    int value = stateZeroPoint + dot;
                    int at = stateBase + ((b * filters + f) * memory + memory - 1) * stateBytes;
                    state[at] = (byte)value;
                    if (stateBytes == 2)
                    {
                        state[at + 1] = (byte)(value >> 8);
                    }
                }
            }

            for (int b = 0; b < batches; b++)
            {
                for (int u = 0; u < units; u++)
                {
                    int acc = 0;
                    if (bias != null)
                    {
                        int bi = biasBase + 4 * u;
                        acc = bias[bi] | (bias[bi + 1] << 8) | (bias[bi + 2] << 16) | (bias[bi + 3] << 24);
                    }
                    for (int j = 0; j < rank; j++)
                    {
                        int f = u * rank + j;
                        int ti = timeBase + f * memory * stateBytes;
                        int si = stateBase + (b * filters + f) * memory * stateBytes;
                        int sum = 0;
                        for (int m = 0; m < memory; m++)
                        {
                            int w;
                            int s;
                            if (stateBytes == 1)
                            {
                                w = (sbyte)time[ti];
                                s = (sbyte)state[si];
                            }
                            else
                            {
                                w = (short)(time[ti] | (time[ti + 1] << 8));
                                s = (short)(state[si] | (state[si + 1] << 8));
                            }
                            sum += w * (s - stateZeroPoint);
                            ti += stateBytes;
                            si += stateBytes;
                        }
                        acc += sum;
                    }
                    int x = FixedPoint.MultiplyByQuantizedMultiplier(acc, outputMultiplier, outputShift) + outputZeroPoint;
                    x = x < -128 ? -128 : (x > 127 ? 127 : x);
                    output[outBase + b * units + u] = (byte)x;
                }
            }
        }

        /// <summary>Returns null if the record is valid for an SVDF with <paramref name="stateType"/> state, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op, int stateType, int stateBytes)
        {
            if (op.Inputs == null || op.Outputs == null || op.Params == null || op.Inputs.Length != 5 || op.Outputs.Length != 1
                || op.Params.Length != SvdfParams.Length)
            {
                return "svdf: expected 5 inputs, 1 output and " + SvdfParams.Length.ToString() + " params";
            }
            int[] p = op.Params;
            int batches = p[SvdfParams.Batches];
            int inputSize = p[SvdfParams.InputSize];
            int filters = p[SvdfParams.Filters];
            int rank = p[SvdfParams.Rank];
            int memory = p[SvdfParams.Memory];
            if (batches < 1 || inputSize < 1 || filters < 1 || rank < 1 || memory < 1 || filters % rank != 0)
            {
                return "svdf: bad geometry";
            }
            int stateLimit = stateBytes == 1 ? 127 : 32767;
            if (p[SvdfParams.InputZeroPoint] < -128 || p[SvdfParams.InputZeroPoint] > 127
                || p[SvdfParams.OutputZeroPoint] < -128 || p[SvdfParams.OutputZeroPoint] > 127
                || p[SvdfParams.StateZeroPoint] < -stateLimit - 1 || p[SvdfParams.StateZeroPoint] > stateLimit)
            {
                return "svdf: zero point out of range";
            }
            if (p[SvdfParams.FeatureMultiplier] < 0 || p[SvdfParams.OutputMultiplier] < 0
                || p[SvdfParams.FeatureShift] < -31 || p[SvdfParams.FeatureShift] > 30
                || p[SvdfParams.OutputShift] < -31 || p[SvdfParams.OutputShift] > 30)
            {
                return "svdf: multiplier or shift out of range";
            }
            long units = filters / rank;
            string error = Tensor(ctx, op.Inputs[SvdfSlots.InInput], TensorType.Int8, (long)batches * inputSize, "svdf input");
            if (error == null)
            {
                error = Tensor(ctx, op.Inputs[SvdfSlots.InWeightsFeature], TensorType.Int8, (long)filters * inputSize, "svdf feature weights");
            }
            if (error == null)
            {
                error = Tensor(ctx, op.Inputs[SvdfSlots.InWeightsTime], stateType, (long)filters * memory * stateBytes, "svdf time weights");
            }
            if (error == null && op.Inputs[SvdfSlots.InBias] != -1)
            {
                error = Tensor(ctx, op.Inputs[SvdfSlots.InBias], TensorType.Int32, units * 4, "svdf bias");
            }
            if (error == null)
            {
                error = Tensor(ctx, op.Inputs[SvdfSlots.InState], stateType, (long)batches * filters * memory * stateBytes, "svdf state");
            }
            if (error == null)
            {
                error = Tensor(ctx, op.Outputs[SvdfSlots.OutOutput], TensorType.Int8, batches * units, "svdf output");
            }
            return error;
        }

        private static string Tensor(KernelContext ctx, int tensor, int type, long bytes, string what)
        {
            if (tensor < 0 || tensor >= ctx.TensorCount)
            {
                return what + ": tensor index " + tensor.ToString() + " out of range";
            }
            if (ctx.Type(tensor) != type)
            {
                return what + ": tensor " + tensor.ToString() + " has type " + ctx.Type(tensor).ToString() + ", expected " + type.ToString();
            }
            if (bytes > ctx.ByteSize(tensor))
            {
                return what + ": needs " + bytes.ToString() + " bytes, tensor " + tensor.ToString() + " has " + ctx.ByteSize(tensor).ToString();
            }
            return null;
        }
    }
}
