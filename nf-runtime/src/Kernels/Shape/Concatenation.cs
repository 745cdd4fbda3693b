using System;
using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Concatenation along one axis (TFLM's reference Concatenation): for each of the <c>outer</c> index
    /// combinations of the axes before the concatenation axis, copies one chunk of each input in turn. A chunk
    /// is the input's extent along the axis times the product of the later dims, times the element size.
    /// <para>Params (<see cref="ConcatenationParams"/>, 2 + n ints): <see cref="ConcatenationParams.OuterCount"/>;
    /// <see cref="ConcatenationParams.InputCount"/> n; from <see cref="ConcatenationParams.ChunkBytes"/>, the chunk
    /// bytes of each input in turn.</para>
    /// <para>Inputs (<see cref="ConcatenationSlots"/>): [input 0 .. input n-1]. Outputs: [concatenated].</para>
    /// </summary>
    public static class Concatenation
    {
        /// <summary>Concatenates; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int outer = p[ConcatenationParams.OuterCount];
            int count = p[ConcatenationParams.InputCount];
            byte[] output = ctx.Buffer(op.Outputs[ConcatenationSlots.OutOutput]);
            int outPos = ctx.Offset(op.Outputs[ConcatenationSlots.OutOutput]);
            for (int k = 0; k < outer; k++)
            {
                for (int i = 0; i < count; i++)
                {
                    int tensor = op.Inputs[ConcatenationSlots.InInputs + i];
                    int chunk = p[ConcatenationParams.ChunkBytes + i];
                    Array.Copy(ctx.Buffer(tensor), ctx.Offset(tensor) + k * chunk, output, outPos, chunk);
                    outPos += chunk;
                }
            }
        }

        /// <summary>Returns null if the record is valid, else what is wrong.</summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            string error = ShapeChecks.Arity(op, -1, 1, -1);
            if (error != null)
            {
                return error;
            }
            int[] p = op.Params;
            if (p.Length < ConcatenationParams.Length || p[ConcatenationParams.InputCount] < 1 ||
                p.Length != ConcatenationParams.ChunkBytes + p[ConcatenationParams.InputCount] ||
                op.Inputs.Length != p[ConcatenationParams.InputCount])
            {
                return "concatenation: params must be [outer, n, n chunk sizes] with n inputs";
            }
            long outer = p[ConcatenationParams.OuterCount];
            if (outer < 0)
            {
                return "concatenation: negative outer count";
            }
            long row = 0;
            for (int i = 0; i < p[ConcatenationParams.InputCount]; i++)
            {
                long chunk = p[ConcatenationParams.ChunkBytes + i];
                if (chunk < 0)
                {
                    return "concatenation: negative chunk";
                }
                error = ShapeChecks.Fits(ctx, op.Inputs[ConcatenationSlots.InInputs + i], outer * chunk,
                    "concatenation input");
                if (error != null)
                {
                    return error;
                }
                row += chunk;
                if (row > int.MaxValue)
                {
                    return "concatenation: output row too large";
                }
            }
            return ShapeChecks.Fits(ctx, op.Outputs[ConcatenationSlots.OutOutput], outer * row, "concatenation output");
        }
    }
}
