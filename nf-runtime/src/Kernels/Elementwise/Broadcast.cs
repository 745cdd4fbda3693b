namespace TinyLite.Runtime.Kernels.Elementwise
{
    /// <summary>
    /// The broadcast descriptor that every binary element-wise kernel keeps at the end of its Params, and the
    /// helpers that walk it. The compiler folds numpy-style broadcasting into a loop nest: output dimensions of
    /// extent 1 are dropped and neighbouring dimensions that both inputs traverse the same way are fused, so the
    /// kernel sees "rows" of a dense output, each row read from the two inputs with inner stride 0 (broadcast)
    /// or 1. Layout at <c>Params[at]</c> (all counts in elements, never bytes), each offset named below:
    /// <list type="table">
    /// <item><term>at+0, <see cref="OuterDims"/></term>
    /// <description>R, the number of outer dimensions, 0..<see cref="MaxOuterDims"/></description></item>
    /// <item><term>at+1, <see cref="RowLength"/></term>
    /// <description>n, the row length (innermost extent), at least 1</description></item>
    /// <item><term>at+2, <see cref="RowStride1"/></term>
    /// <description>input 1 stride along the row: 0 or 1</description></item>
    /// <item><term>at+3, <see cref="RowStride2"/></term>
    /// <description>input 2 stride along the row: 0 or 1</description></item>
    /// <item><term>at+4+3k, k &lt; R</term><description>outer dimension k (outermost first): <see cref="DimLength"/>
    /// ints from at + <see cref="HeaderLength"/> + <see cref="DimLength"/>*k</description></item>
    /// <item><term>+<see cref="DimExtent"/></term><description>its extent, at least 1</description></item>
    /// <item><term>+<see cref="DimStride1"/></term>
    /// <description>input 1 stride of dimension k (0 = broadcast)</description></item>
    /// <item><term>+<see cref="DimStride2"/></term>
    /// <description>input 2 stride of dimension k (0 = broadcast)</description></item>
    /// </list>
    /// The output is written densely: row r covers output elements [r*n, (r+1)*n). Same-shape operands are
    /// R = 0, n = element count, strides 1 and 1: a single flat loop.
    /// </summary>
    public static class Broadcast
    {
        /// <summary>Most outer dimensions a descriptor may have (8-D tensors, the innermost one is the row).</summary>
        public const int MaxOuterDims = 7;

        /// <summary>Offset of R, the number of outer dimensions.</summary>
        public const int OuterDims = 0;

        /// <summary>Offset of n, the row length.</summary>
        public const int RowLength = 1;

        /// <summary>Offset of input 1's stride along the row (0 or 1).</summary>
        public const int RowStride1 = 2;

        /// <summary>Offset of input 2's stride along the row (0 or 1).</summary>
        public const int RowStride2 = 3;

        /// <summary>Ints before the first outer dimension: the length of a descriptor with R = 0.</summary>
        public const int HeaderLength = 4;

        /// <summary>Ints per outer dimension.</summary>
        public const int DimLength = 3;

        /// <summary>Offset of an outer dimension's extent, from the dimension's first int.</summary>
        public const int DimExtent = 0;

        /// <summary>Offset of input 1's stride along an outer dimension, from the dimension's first int.</summary>
        public const int DimStride1 = 1;

        /// <summary>Offset of input 2's stride along an outer dimension, from the dimension's first int.</summary>
        public const int DimStride2 = 2;

        /// <summary>Number of ints in a descriptor with <paramref name="outerDims"/> outer dimensions.</summary>
        public static int Length(int outerDims)
        {
            return HeaderLength + DimLength * outerDims;
        }

        /// <summary>Number of rows (product of the outer extents) of the descriptor at <paramref name="at"/>.</summary>
        public static int RowCount(int[] p, int at)
        {
            int rows = 1;
            int outer = p[at + OuterDims];
            for (int k = 0; k < outer; k++)
            {
                rows *= p[at + HeaderLength + DimLength * k + DimExtent];
            }
            return rows;
        }

        /// <summary>
        /// Element offset of the first element of row <paramref name="row"/> in input <paramref name="input"/>
        /// (0 or 1). Called once per row, so the per-element loop stays free of calls.
        /// </summary>
        public static int RowOffset(int[] p, int at, int row, int input)
        {
            int offset = 0;
            int rest = row;
            for (int k = p[at + OuterDims] - 1; k >= 0; k--)
            {
                int field = at + HeaderLength + DimLength * k;
                int extent = p[field + DimExtent];
                int index = rest % extent;
                rest /= extent;
                offset += index * p[field + DimStride1 + input];
            }
            return offset;
        }

        /// <summary>
        /// Checks the descriptor at <paramref name="at"/> (which must end the Params array) against the element
        /// counts of the two inputs and of the output, so that no row can read or write out of bounds.
        /// Returns null when valid, else what is wrong.
        /// </summary>
        public static string Validate(int[] p, int at, long count1, long count2, long countOut)
        {
            if (p.Length < at + HeaderLength)
            {
                return "broadcast descriptor missing";
            }
            int outer = p[at + OuterDims];
            if (outer < 0 || outer > MaxOuterDims)
            {
                return "broadcast rank " + outer.ToString() + " out of range";
            }
            if (p.Length != at + Length(outer))
            {
                return "params length " + p.Length.ToString() + " does not match a broadcast rank of " + outer.ToString();
            }
            int n = p[at + RowLength];
            int inner1 = p[at + RowStride1];
            int inner2 = p[at + RowStride2];
            if (n < 1 || inner1 < 0 || inner1 > 1 || inner2 < 0 || inner2 > 1)
            {
                return "bad broadcast row (length " + n.ToString() + ", strides " + inner1.ToString() + ", " + inner2.ToString() + ")";
            }
            long total = n;
            long last1 = (long)(n - 1) * inner1;
            long last2 = (long)(n - 1) * inner2;
            for (int k = 0; k < outer; k++)
            {
                int field = at + HeaderLength + DimLength * k;
                int extent = p[field + DimExtent];
                int stride1 = p[field + DimStride1];
                int stride2 = p[field + DimStride2];
                if (extent < 1 || stride1 < 0 || stride2 < 0)
                {
                    return "bad broadcast dimension " + k.ToString();
                }
                total *= extent;
                last1 += (long)(extent - 1) * stride1;
                last2 += (long)(extent - 1) * stride2;
                if (total > int.MaxValue || last1 > int.MaxValue || last2 > int.MaxValue)
                {
                    return "broadcast extents overflow";
                }
            }
            if (total != countOut)
            {
                return "broadcast covers " + total.ToString() + " elements, output has " + countOut.ToString();
            }
            if (last1 >= count1 || last2 >= count2)
            {
                return "broadcast reads past an input (last elements " + last1.ToString() + ", " + last2.ToString() +
                    "; inputs have " + count1.ToString() + ", " + count2.ToString() + ")";
            }
            return null;
        }
    }
}
