using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;

namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// A kernel call that can run on a band of output rows: which rows of each input a band reads, and the
/// parameters of the same kernel restricted to the band. A band is an ordinary call of the same kernel on
/// row slices of its tensors (input height, output height and top padding changed), so streaming needs no
/// new kernels and every band passes the runtime's own validation.
/// </summary>
public sealed class RowKernel
{
    private readonly Func<int, int, int, int, int[]> _bandParams;
    private readonly long _sinkRowElements;
    private Func<int, int, IEnumerable<(long Start, long Bytes)>>? _wholeReads;

    private RowKernel(KernelCall call, int outputRows, RowReach?[] reaches, Func<int, int, int, int, int[]> bandParams, long sinkRowElements = 0)
    {
        Call = call;
        OutputRows = outputRows;
        Reaches = reaches;
        _bandParams = bandParams;
        _sinkRowElements = sinkRowElements;
    }

    /// <summary>
    /// True for a call whose output is not made of rows (fully connected): its bands are the rows of its input,
    /// <see cref="OutputRows"/> counts those, and the output is written once after the last band.
    /// </summary>
    public bool IsSink => _sinkRowElements > 0;

    /// <summary>A new sink for one expansion (see <see cref="IsSink"/>).</summary>
    public FullyConnectedSink CreateSink() => IsSink ? new FullyConnectedSink(Call, _sinkRowElements) : throw new InvalidOperationException("not a sink");

    /// <summary>
    /// The byte ranges of its source (input 0, read whole) that a gather's band of output rows [<paramref name="first"/>,
    /// <paramref name="first"/> + <paramref name="count"/>) reads, so a run's output may land on the parts read for the
    /// last time; empty for other kernels.
    /// </summary>
    public IEnumerable<(long Start, long Bytes)> WholeReads(int first, int count) => _wholeReads?.Invoke(first, count) ?? [];

    /// <summary>
    /// True for a kernel whose bands may lie wholly in its padding (PAD): such a band copies no input row, so the
    /// expander hands it one real row as a valid view and the band's Params say it reads none of it.
    /// </summary>
    public bool MayReadNoRows { get; private init; }

    /// <summary>The whole call.</summary>
    public KernelCall Call { get; }

    /// <summary>Rows of output 0.</summary>
    public int OutputRows { get; }

    /// <summary>Per input: how it is read by rows, or null for an input read whole (constants) or omitted.</summary>
    public IReadOnlyList<RowReach?> Reaches { get; }

    /// <summary>
    /// The call's parameters for output rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>)
    /// when input 0 is given as its rows [<paramref name="inputLow"/>, <paramref name="inputLow"/> + <paramref name="inputRows"/>).
    /// </summary>
    public int[] BandParams(int first, int count, int inputLow, int inputRows) => _bandParams(first, count, inputLow, inputRows);

    /// <summary>Rows of a row-addressable tensor (axis 1 of a shape with a leading 1), or 0 when it has none.</summary>
    public static int RowsOf(Tensor t) => t.Shape.Length >= 2 && t.Shape[0] == 1 && t.Shape[1] > 0 ? t.Shape[1] : 0;

    /// <summary>Bytes of one row of <paramref name="t"/> (see <see cref="RowsOf"/>).</summary>
    public static long RowBytes(Tensor t) => t.ByteSize / RowsOf(t);

    /// <summary>The row view of <paramref name="call"/>, or null when the kernel cannot run on bands.</summary>
    public static RowKernel? Describe(Graph graph, KernelCall call)
    {
        if (call.Outputs.Length == 0 || call.Outputs[0] < 0) return null;
        var output = graph.Tensors[call.Outputs[0]];
        if (output.IsConstant) return null;
        if (call.Code is OpCode.FullyConnectedS8 or OpCode.FullyConnectedS4) return FullyConnected(graph, call);
        if (RowsOf(output) == 0) return null;
        switch (call.Code)
        {
            case OpCode.ConvS8 or OpCode.ConvS4 or OpCode.ConvS16:
                return Window(graph, call, batches: ConvParams.Batches, inH: ConvParams.InputHeight,
                    outH: ConvParams.OutputHeight, padTop: ConvParams.PaddingTop, filterH: ConvParams.FilterHeight,
                    strideH: ConvParams.StrideHeight, dilationH: ConvParams.DilationHeight);
            case OpCode.DepthwiseConvS8 or OpCode.DepthwiseConvS4 or OpCode.DepthwiseConvS16:
                return Window(graph, call, batches: DepthwiseConvParams.Batches, inH: DepthwiseConvParams.InputHeight,
                    outH: DepthwiseConvParams.OutputHeight, padTop: DepthwiseConvParams.PaddingTop,
                    filterH: DepthwiseConvParams.FilterHeight, strideH: DepthwiseConvParams.StrideHeight,
                    dilationH: DepthwiseConvParams.DilationHeight);
            case OpCode.AveragePoolS8 or OpCode.AveragePoolS16 or OpCode.MaxPoolS8 or OpCode.MaxPoolS16:
                return Window(graph, call, batches: PoolParams.Batches, inH: PoolParams.InputHeight,
                    outH: PoolParams.OutputHeight, padTop: PoolParams.PaddingTop, filterH: PoolParams.FilterHeight,
                    strideH: PoolParams.StrideHeight, dilationH: -1);
            case OpCode.StridedCopy:
                return Gather(graph, call);
            case OpCode.Pad:
                return PadRows(graph, call);
            case OpCode.ReluS8 or OpCode.ReluS16:
                return Flat(graph, call, countIndex: ReluParams.Count, rowInputs: [ReluSlots.InInput]);
            case OpCode.Relu6S8 or OpCode.Relu6S16:
                return Flat(graph, call, countIndex: Relu6Params.Count, rowInputs: [Relu6Slots.InInput]);
            case OpCode.LeakyReluS8 or OpCode.LeakyReluS16:
                return Flat(graph, call, countIndex: LeakyReluParams.Count, rowInputs: [LeakyReluSlots.InInput]);
            case OpCode.HardSwishS8:
                return Flat(graph, call, countIndex: HardSwishParams.Count, rowInputs: [HardSwishSlots.InInput]);
            case OpCode.LookupS8:
                return Flat(graph, call, countIndex: LookupS8Params.Count, rowInputs: [LookupS8Slots.InInput]);
            case OpCode.AddS8 or OpCode.AddS16 or OpCode.SubS8 or OpCode.SubS16:
                return Binary(graph, call, AddSubParams.Broadcast, [AddSubSlots.InInput1, AddSubSlots.InInput2]);
            case OpCode.MulS8 or OpCode.MulS16:
                return Binary(graph, call, MulParams.Broadcast, [MulSlots.InInput1, MulSlots.InInput2]);
            case OpCode.MaximumS8 or OpCode.MaximumS16 or OpCode.MinimumS8 or OpCode.MinimumS16:
                return Binary(graph, call, BinaryParams.Broadcast, [BinarySlots.InInput1, BinarySlots.InInput2]);
            default:
                return null;
        }

        // Conv, depthwise, pooling: input 0 [1, H, W, C] read through a window; the other inputs are constants. The
        // arguments are the Params indexes of the kernel's layout (dilationH -1: none, dilation 1).
        static RowKernel? Window(Graph graph, KernelCall call, int batches, int inH, int outH, int padTop, int filterH,
            int strideH, int dilationH)
        {
            int[] p = call.Params;
            // Input and output slot 0 in the conv, depthwise_conv and pool layouts alike.
            int input = call.Inputs[ConvSlots.InInput];
            if (p[batches] != 1 || input < 0 || graph.Tensors[input].IsConstant) return null;
            var inTensor = graph.Tensors[input];
            var outTensor = graph.Tensors[call.Outputs[ConvSlots.OutOutput]];
            if (inTensor.Shape.Length != 4 || outTensor.Shape.Length != 4) return null;
            if (RowsOf(inTensor) != p[inH] || RowsOf(outTensor) != p[outH]) return null;
            for (int i = 1; i < call.Inputs.Length; i++)
                if (call.Inputs[i] >= 0 && !graph.Tensors[call.Inputs[i]].IsConstant) return null;
            int dilation = dilationH < 0 ? 1 : p[dilationH];
            var reach = new RowReach(dilation * (p[filterH] - 1) + 1, p[strideH], p[padTop]);
            var reaches = new RowReach?[call.Inputs.Length];
            reaches[ConvSlots.InInput] = reach;
            return new RowKernel(call, p[outH], reaches, (first, count, low, rows) =>
            {
                int[] band = (int[])p.Clone();
                band[inH] = rows;
                band[outH] = count;
                band[padTop] = reach.BandPadTop(first, low);
                return band;
            });
        }

        // A strided gather (TRANSPOSE, STRIDED_SLICE) whose output rows split its outermost axis into equal parts: a
        // band starts that many steps further into the source and counts fewer of that axis. The source is read
        // whole (no reach), so it may lie in the arena — an NCHW graph input transposed to NHWC streams into the
        // next layer's window instead of existing twice; the expander refuses a whole read of a tensor made in the run.
        static RowKernel? Gather(Graph graph, KernelCall call)
        {
            int[] p = call.Params;
            var outTensor = graph.Tensors[call.Outputs[StridedCopySlots.OutDestination]];
            int rows = RowsOf(outTensor);
            int axis = -1;
            long total = 1;
            for (int d = 0; d < StridedCopyParams.Steps - StridedCopyParams.Counts; d++)
            {
                if (axis < 0 && p[StridedCopyParams.Counts + d] > 1) axis = d;
                total *= p[StridedCopyParams.Counts + d];
            }
            if (axis < 0 || total != outTensor.ElementCount || p[StridedCopyParams.Counts + axis] % rows != 0) return null;
            int perRow = p[StridedCopyParams.Counts + axis] / rows;
            long step = p[StridedCopyParams.Steps + axis];
            int[] Band(int first, int count)
            {
                int[] band = (int[])p.Clone();
                band[StridedCopyParams.Start] = checked((int)(p[StridedCopyParams.Start] + (long)first * perRow * step));
                band[StridedCopyParams.Counts + axis] = count * perRow;
                return band;
            }
            return new RowKernel(call, rows, new RowReach?[call.Inputs.Length], (first, count, _, _) => Band(first, count))
            {
                _wholeReads = (first, count) => GatheredBytes(Band(first, count)),
            };
        }

        // The source byte ranges a strided copy reads, in gather order, runs of adjacent elements merged.
        static IEnumerable<(long Start, long Bytes)> GatheredBytes(int[] p)
        {
            const int axes = StridedCopyParams.Steps - StridedCopyParams.Counts;
            int size = p[StridedCopyParams.ElementBytes];
            var counts = new int[axes];
            long total = 1;
            for (int d = 0; d < axes; d++) total *= counts[d] = p[StridedCopyParams.Counts + d];
            var index = new int[axes];
            long runStart = -1, runBytes = 0;
            for (long n = 0; n < total; n++)
            {
                long element = p[StridedCopyParams.Start];
                for (int d = 0; d < axes; d++) element += (long)index[d] * p[StridedCopyParams.Steps + d];
                if (runStart >= 0 && element * size == runStart + runBytes)
                {
                    runBytes += size;
                }
                else
                {
                    if (runStart >= 0) yield return (runStart, runBytes);
                    (runStart, runBytes) = (element * size, size);
                }
                for (int d = axes - 1; d >= 0 && ++index[d] == counts[d]; d--) index[d] = 0;
            }
            if (runStart >= 0) yield return (runStart, runBytes);
        }

        // PAD whose rows are the outermost non-unit axis of its 5 dims in both tensors: output row r copies input row
        // r - top (or is padding). A band changes that axis' output and input extent and its top padding; a band of
        // padding only reads no row (input extent 0, top padding clamped to the band).
        static RowKernel? PadRows(Graph graph, KernelCall call)
        {
            int[] p = call.Params;
            int input = call.Inputs[PadSlots.InData];
            if (input < 0 || graph.Tensors[input].IsConstant) return null;
            int valueTensor = call.Inputs.Length > PadSlots.InPadValueTensor ? call.Inputs[PadSlots.InPadValueTensor] : -1;
            if (valueTensor >= 0 && !graph.Tensors[valueTensor].IsConstant) return null;
            int inRows = RowsOf(graph.Tensors[input]);
            int outRows = RowsOf(graph.Tensors[call.Outputs[PadSlots.OutOutput]]);
            if (inRows == 0) return null;
            int axis = 0;
            while (axis < 5 && p[PadParams.OutputDims + axis] == 1 && p[PadParams.InputDims + axis] == 1) axis++;
            if (axis == 5 || p[PadParams.OutputDims + axis] != outRows || p[PadParams.InputDims + axis] != inRows) return null;
            var reach = new RowReach(1, 1, p[PadParams.LeftPadding + axis]);
            var reaches = new RowReach?[call.Inputs.Length];
            reaches[PadSlots.InData] = reach;
            return new RowKernel(call, outRows, reaches, (first, count, _, _) =>
            {
                var (low, high) = reach.InputRows(first, count, inRows);
                int[] band = (int[])p.Clone();
                band[PadParams.OutputDims + axis] = count;
                band[PadParams.InputDims + axis] = high - low;
                band[PadParams.LeftPadding + axis] = Math.Clamp(reach.BandPadTop(first, low), 0, count);
                return band;
            })
            {
                MayReadNoRows = true,
            };
        }

        // FULLY_CONNECTED int8 over a row-addressable arena input, one batch, the weights and folded bias constant.
        static RowKernel? FullyConnected(Graph graph, KernelCall call)
        {
            int[] p = call.Params;
            if (call.Inputs.Length != 4 || call.Outputs.Length != 1 || p[FullyConnectedParams.Batches] != 1) return null;
            int input = call.Inputs[FullyConnectedSlots.InInput];
            if (input < 0 || graph.Tensors[input].IsConstant || RowsOf(graph.Tensors[input]) == 0) return null;
            if (graph.Tensors[input].ElementCount != p[FullyConnectedParams.InputDepth]) return null;
            foreach (int slot in new[] { FullyConnectedSlots.InWeights, FullyConnectedSlots.InBias, FullyConnectedSlots.InMultipliers })
                if (call.Inputs[slot] < 0 || !graph.Tensors[call.Inputs[slot]].IsConstant) return null;
            var inTensor = graph.Tensors[input];
            int rows = RowsOf(inTensor);
            return new RowKernel(call, rows, [RowReach.SameRow, null, null, null], (_, _, _, _) => p, inTensor.ElementCount / rows);
        }

        // Element-wise: every arena input has the output's shape and is read row for row; one element count changes.
        static RowKernel? Flat(Graph graph, KernelCall call, int countIndex, int[] rowInputs)
        {
            int[] p = call.Params;
            var outTensor = graph.Tensors[call.Outputs[0]];
            if (p[countIndex] != outTensor.ElementCount) return null;
            var reaches = new RowReach?[call.Inputs.Length];
            foreach (int i in rowInputs)
            {
                int t = call.Inputs[i];
                if (t < 0 || graph.Tensors[t].IsConstant || !graph.Tensors[t].Shape.SequenceEqual(outTensor.Shape)) return null;
                reaches[i] = RowReach.SameRow;
            }
            for (int i = 0; i < call.Inputs.Length; i++)
                if (reaches[i] == null && call.Inputs[i] >= 0 && !graph.Tensors[call.Inputs[i]].IsConstant) return null;
            long rowElements = outTensor.ElementCount / RowsOf(outTensor);
            return new RowKernel(call, RowsOf(outTensor), reaches, (first, count, low, rows) =>
            {
                int[] band = (int[])p.Clone();
                band[countIndex] = checked((int)(count * rowElements));
                return band;
            });
        }

        // Binary element-wise without broadcasting (descriptor, the layout's broadcast tail, with no outer dimensions and
        // unit strides: [outer count, inner count, stride 1, stride 2, ...]).
        static RowKernel? Binary(Graph graph, KernelCall call, int descriptor, int[] rowInputs)
        {
            int[] p = call.Params;
            if (p.Length < descriptor + 4 || p[descriptor] != 0 || p[descriptor + 2] != 1 || p[descriptor + 3] != 1) return null;
            return Flat(graph, call, descriptor + 1, rowInputs);
        }
    }
}
