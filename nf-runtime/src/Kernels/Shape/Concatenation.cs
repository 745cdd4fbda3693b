using System;
using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Kernels.Shape
{
    /// <summary>
    /// Concatenation along one axis (TFLM's reference Concatenation): for each of the <c>outer</c> index
    /// combinations of the axes before the concatenation axis, copies one chunk of each input in turn. A chunk
    /// is the input's extent along the axis times the product of the later dims, times the element size.
    /// <para>Params (2 + n): [0] outer count; [1] input count n; [2 + i] chunk bytes of input i.</para>
    /// <para>Inputs: [input 0 .. input n-1]. Outputs: [concatenated].</para>
    /// </summary>
    public static class Concatenation
    {
        /// <summary>Concatenates; assumes <see cref="Validate"/> accepted the record.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            int[] p = op.Params;
            int outer = p[0];
            int count = p[1];
            byte[] output = ctx.Buffer(op.Outputs[0]);
            int outPos = ctx.Offset(op.Outputs[0]);
            for (int k = 0; k < outer; k++)
            {
                for (int i = 0; i < count; i++)
                {
                    int tensor = op.Inputs[i];
                    int chunk = p[2 + i];
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
            if (p.Length < 2 || p[1] < 1 || p.Length != 2 + p[1] || op.Inputs.Length != p[1])
            {
                return "concatenation: params must be [outer, n, n chunk sizes] with n inputs";
            }
            long outer = p[0];
            if (outer < 0)
            {
                return "concatenation: negative outer count";
            }
            long row = 0;
            for (int i = 0; i < p[1]; i++)
            {
                long chunk = p[2 + i];
                if (chunk < 0)
                {
                    return "concatenation: negative chunk";
                }
                error = ShapeChecks.Fits(ctx, op.Inputs[i], outer * chunk, "concatenation input");
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
            return ShapeChecks.Fits(ctx, op.Outputs[0], outer * row, "concatenation output");
        }
    }
}
