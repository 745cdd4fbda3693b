using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// Turns streamed segments into an execution order of row bands (line-buffer streaming, no recomputation):
/// each output row is made as soon as the rows it reads exist, pulled from the segment's last calls; a tensor
/// that lives only inside the segment is held in a window of the fewest rows the order needs, and rows still
/// needed slide to the window's start (one byte copy) when the next row would not fit. Whole tensors (the
/// segment's inputs and outputs) are read and written through row views; an output may land on the part of a
/// dying input that was read for the last time (<see cref="StreamPair"/>).
/// </summary>
public static class StreamExpander
{
    /// <summary>
    /// Expands <paramref name="segments"/> (disjoint) of <paramref name="calls"/>, adding window and view tensors
    /// to <paramref name="graph"/>. Returns null, with the reason in <paramref name="why"/>, when a segment cannot stream.
    /// </summary>
    public static StreamLayout? Expand(Graph graph, IReadOnlyList<KernelCall> calls, IReadOnlyList<StreamSegment> segments, out string? why)
    {
        why = null;
        var consumers = new Dictionary<int, List<int>>();
        for (int i = 0; i < calls.Count; i++)
            foreach (int t in calls[i].Inputs.Where(t => t >= 0).Distinct())
                (consumers.TryGetValue(t, out var list) ? list : consumers[t] = []).Add(i);
        var builder = new Builder(graph, consumers);
        var ordered = segments.OrderBy(s => s.First).ToList();
        int next = 0;
        for (int i = 0; i < calls.Count;)
        {
            if (next < ordered.Count && ordered[next].First == i)
            {
                var segment = ordered[next++];
                why = builder.Segment(calls, segment);
                if (why != null) return null;
                i = segment.Last + 1;
            }
            else
            {
                builder.Calls.Add(calls[i]);
                i++;
            }
        }
        return new StreamLayout { Calls = builder.Calls, Views = builder.Views, Pairs = builder.Pairs, ExtraMacs = builder.ExtraMacs };
    }

    private sealed class Builder(Graph graph, Dictionary<int, List<int>> consumers)
    {
        public List<KernelCall> Calls { get; } = [];
        public Dictionary<int, (int Parent, long Offset)> Views { get; } = [];
        public List<StreamPair> Pairs { get; } = [];
        public long ExtraMacs { get; private set; }
        private readonly Dictionary<(int Parent, long Offset, int Rows), int> _viewIds = [];

        private IReadOnlyList<int> ConsumersOf(int t) => consumers.TryGetValue(t, out var list) ? list : [];

        /// <summary>Expands one segment into <see cref="Calls"/>; returns why it cannot stream, or null.</summary>
        public string? Segment(IReadOnlyList<KernelCall> calls, StreamSegment segment)
        {
            bool patch = segment.Strips > 0;
            int n = segment.Last - segment.First + 1;
            var kernels = new RowKernel[n];
            var producer = new Dictionary<int, int>();
            for (int k = 0; k < n; k++)
            {
                var call = calls[segment.First + k];
                kernels[k] = RowKernel.Describe(graph, call)!;
                if (kernels[k] == null) return $"call {segment.First + k} ({call.SourceOp}) cannot run on row bands";
                producer[call.Outputs[0]] = k;
                for (int i = 0; i < call.Inputs.Length; i++)
                    if (kernels[k].Reaches[i] != null && RowKernel.RowsOf(graph.Tensors[call.Inputs[i]]) == 0)
                        return $"call {segment.First + k} ({call.SourceOp}) reads a tensor without rows";
            }
            // A tensor read whole (a gather's source) must exist whole before the run: not one made, a window, inside it.
            for (int k = 0; k < n; k++)
            {
                var call = kernels[k].Call;
                for (int i = 0; i < call.Inputs.Length; i++)
                    if (kernels[k].Reaches[i] == null && call.Inputs[i] >= 0 && producer.ContainsKey(call.Inputs[i]))
                        return $"call {segment.First + k} ({call.SourceOp}) reads a tensor made inside the run whole";
            }
            // A fully connected sink writes its output once, at the end: nothing in the run may read it.
            for (int k = 0; k < n; k++)
                if (kernels[k].IsSink && ConsumersOf(kernels[k].Call.Outputs[0]).Any(segment.Contains))
                    return $"call {segment.First + k} ({kernels[k].Call.SourceOp}) must end the stream: its output is read inside it";
            bool Windowed(int t)
            {
                var users = ConsumersOf(t);
                return users.Count > 0 && users.All(segment.Contains) && !graph.Outputs.Contains(t) && !graph.Tensors[t].IsVariable;
            }
            var windowed = new bool[n];
            for (int k = 0; k < n; k++) windowed[k] = Windowed(kernels[k].Call.Outputs[0]);

            List<(int K, int First, int Count)> emissions;
            try
            {
                emissions = patch ? PatchSchedule(kernels, producer, windowed, segment.Strips) : Schedule(kernels, producer, windowed, segment.BandRows);
            }
            catch (StreamException e)
            {
                return e.Message;
            }
            var sinks = kernels.Select(k => k.IsSink ? k.CreateSink() : null).ToArray();

            // Rows each emission reads, per input: (tensor, low, high).
            var reads = new List<(int Tensor, int Input, int Low, int High)>[emissions.Count];
            for (int e = 0; e < emissions.Count; e++)
            {
                var (k, first, count) = emissions[e];
                var rk = kernels[k];
                reads[e] = [];
                for (int i = 0; i < rk.Call.Inputs.Length; i++)
                {
                    if (rk.Reaches[i] is not RowReach reach) continue;
                    int t = rk.Call.Inputs[i];
                    int height = RowKernel.RowsOf(graph.Tensors[t]);
                    var (low, high) = reach.InputRows(first, count, height);
                    if (high <= low)
                    {
                        if (!rk.MayReadNoRows) return $"call {segment.First + k} ({rk.Call.SourceOp}): a band of rows reads only padding";
                        // A band of PAD's padding copies nothing; its view is the nearest real row (read by the next band anyway).
                        low = Math.Min(low, height - 1);
                        high = low + 1;
                    }
                    reads[e].Add((t, i, low, high));
                }
            }

            // Windows: capacity = most rows that must be resident at once; the lowest row still to be read
            // from emission e on is suffixLow[e].
            var windows = new Dictionary<int, (int Tensor, int Capacity, int[] SuffixLow)>();
            for (int k = 0; k < n; k++)
            {
                if (!windowed[k]) continue;
                int t = kernels[k].Call.Outputs[0];
                var suffixLow = new int[emissions.Count + 1];
                suffixLow[emissions.Count] = int.MaxValue;
                for (int e = emissions.Count - 1; e >= 0; e--)
                {
                    int low = int.MaxValue;
                    foreach (var r in reads[e]) if (r.Tensor == t) low = Math.Min(low, r.Low);
                    suffixLow[e] = Math.Min(low, suffixLow[e + 1]);
                }
                int capacity = 0;
                for (int e = 0; e < emissions.Count; e++)
                {
                    if (emissions[e].K != k) continue;
                    int end = emissions[e].First + emissions[e].Count;
                    // A patch recomputes its rows from scratch: the window holds one band at a time.
                    capacity = Math.Max(capacity, patch ? emissions[e].Count : end - Math.Min(emissions[e].First, suffixLow[e + 1]));
                }
                int window = AddRows(t, capacity, "window: " + graph.Tensors[t].Name);
                windows[t] = (window, capacity, suffixLow);
            }

            int firstStep = Calls.Count;
            var baseRow = windows.Keys.ToDictionary(t => t, _ => 0);
            var lastRead = new Dictionary<int, int[]>();
            // Sources read whole by gathers, tracked in units of their last axis (an NCHW input's rows of one channel):
            // the unit bytes and, per unit, the last step that reads it.
            var wholeRead = new Dictionary<int, (long Unit, int[] Last)>();
            var firstWrite = new Dictionary<int, int[]>();
            var inPlaceSteps = new HashSet<(int Step, int Tensor)>();
            long bandMacs = 0, wholeMacs = 0;
            for (int k = 0; k < n; k++) wholeMacs += kernels[k].Call.Macs;
            for (int e = 0; e < emissions.Count; e++)
            {
                var (k, first, count) = emissions[e];
                var rk = kernels[k];
                int output = rk.Call.Outputs[0];
                int outView = -1;
                if (rk.IsSink)
                {
                    // Written once, by the sink's closing call.
                }
                else if (windows.TryGetValue(output, out var w))
                {
                    int b = baseRow[output];
                    long outRowBytes = RowKernel.RowBytes(graph.Tensors[output]);
                    if (patch)
                    {
                        baseRow[output] = b = first;
                    }
                    else if (first + count > b + w.Capacity)
                    {
                        int keep = Math.Min(first, w.SuffixLow[e + 1]);
                        if (first > keep)
                        {
                            int rows = first - keep;
                            Calls.Add(new KernelCall
                            {
                                Code = OpCode.Copy, Inputs = [View(w.Tensor, (keep - b) * outRowBytes, rows)],
                                Outputs = [View(w.Tensor, 0, rows)], Params = KernelParams.Copy(byteCount: checked((int)(rows * outRowBytes))),
                                SourceIndex = rk.Call.SourceIndex, SourceOp = rk.Call.SourceOp,
                            });
                        }
                        baseRow[output] = b = keep;
                    }
                    outView = View(w.Tensor, (first - b) * outRowBytes, count);
                }
                else
                {
                    outView = View(output, first * RowKernel.RowBytes(graph.Tensors[output]), count);
                    var written = firstWrite.TryGetValue(output, out var fw) ? fw : firstWrite[output] = new int[RowKernel.RowsOf(graph.Tensors[output])];
                    for (int r = first; r < first + count; r++) written[r] = Calls.Count;
                }

                int[] inputs = (int[])rk.Call.Inputs.Clone();
                int inputLow = 0, inputRows = 0;
                foreach (var (t, i, low, high) in reads[e])
                {
                    long rowBytes = RowKernel.RowBytes(graph.Tensors[t]);
                    if (i == 0) (inputLow, inputRows) = (low, high - low);
                    if (windows.TryGetValue(t, out var win))
                    {
                        inputs[i] = View(win.Tensor, (low - baseRow[t]) * rowBytes, high - low);
                        continue;
                    }
                    inputs[i] = View(t, low * rowBytes, high - low);
                    var read = lastRead.TryGetValue(t, out var lr) ? lr : lastRead[t] = Enumerable.Repeat(-1, RowKernel.RowsOf(graph.Tensors[t])).ToArray();
                    for (int r = low; r < high; r++) read[r] = Calls.Count;
                    if (rk.Call.InPlace.Contains((0, i))) inPlaceSteps.Add((Calls.Count, t));
                }
                foreach (var (start, bytes) in rk.WholeReads(first, count))
                {
                    var source = graph.Tensors[rk.Call.Inputs[0]];
                    long unit = source.ByteSize / Math.Max(1, source.ElementCount) * Math.Max(1, source.Shape.Length > 0 ? source.Shape[^1] : 1);
                    if (!wholeRead.TryGetValue(source.Index, out var whole))
                        wholeRead[source.Index] = whole = (unit, Enumerable.Repeat(-1, (int)(source.ByteSize / unit)).ToArray());
                    for (long q = start / unit; q <= (start + bytes - 1) / unit; q++) whole.Last[q] = Calls.Count;
                }
                long macs = rk.Call.Macs * count / rk.OutputRows;
                bandMacs += macs;
                if (sinks[k] is FullyConnectedSink sink)
                {
                    Calls.Add(sink.Band(graph, first, count, inputs[0]));
                    continue;
                }
                Calls.Add(new KernelCall
                {
                    Code = rk.Call.Code, Inputs = inputs, Outputs = [outView, .. rk.Call.Outputs.Skip(1)],
                    Params = rk.BandParams(first, count, inputLow, inputRows), Macs = macs,
                    SourceIndex = rk.Call.SourceIndex, SourceOp = rk.Call.SourceOp,
                });
            }
            foreach (var sink in sinks) if (sink != null) Calls.Add(sink.Finish());
            ExtraMacs += Math.Max(0, bandMacs - wholeMacs);

            // Outputs over dying inputs, largest first.
            var readUnits = lastRead.Keys.Where(t => !wholeRead.ContainsKey(t)).ToDictionary(t => t, t => (Unit: RowKernel.RowBytes(graph.Tensors[t]), Last: lastRead[t]));
            // A tensor read both by rows and whole is left out: its two records do not combine.
            foreach (var (t, whole) in wholeRead) if (!lastRead.ContainsKey(t)) readUnits[t] = whole;
            var entries = readUnits.Keys
                .Where(t => !producer.ContainsKey(t) && !graph.Outputs.Contains(t) && !graph.Tensors[t].IsVariable && ConsumersOf(t).All(c => c <= segment.Last))
                .OrderByDescending(t => graph.Tensors[t].ByteSize).ToList();
            foreach (int exit in firstWrite.Keys.OrderByDescending(t => graph.Tensors[t].ByteSize))
            {
                foreach (int entry in entries)
                {
                    long? delta = BestDelta(entry, readUnits[entry].Unit, readUnits[entry].Last, exit, firstWrite[exit], inPlaceSteps);
                    if (delta == null) continue;
                    Pairs.Add(new StreamPair(entry, exit, delta.Value, firstStep));
                    entries.Remove(entry);
                    break;
                }
            }
            return null;
        }

        /// <summary>
        /// Patch order (MCUNetV2's patch-based inference, in horizontal strips): the last call's rows are cut into
        /// <paramref name="strips"/> strips; for each strip every call computes, from the top, the rows the strip
        /// needs (a windowed tensor's rows again, halo included: those are the extra MACs), whole outputs only
        /// their rows not made yet. A last pass makes the whole-output rows no strip needed.
        /// </summary>
        private List<(int K, int First, int Count)> PatchSchedule(RowKernel[] kernels, Dictionary<int, int> producer, bool[] windowed, int strips)
        {
            int n = kernels.Length;
            var done = new int[n];
            var emissions = new List<(int K, int First, int Count)>();
            void Pass(int[] low, int[] high)
            {
                // Backwards: each call's band, then the rows of its inputs that band reads.
                var bandLow = new int[n];
                var bandHigh = new int[n];
                for (int k = n - 1; k >= 0; k--)
                {
                    int lo = low[k], hi = high[k];
                    if (!windowed[k]) lo = Math.Max(lo, done[k]);
                    (bandLow[k], bandHigh[k]) = (lo, hi);
                    if (hi <= lo) continue;
                    var call = kernels[k].Call;
                    for (int i = 0; i < call.Inputs.Length; i++)
                    {
                        if (kernels[k].Reaches[i] is not RowReach reach || !producer.TryGetValue(call.Inputs[i], out int p) || p == k) continue;
                        var (inLo, inHi) = reach.InputRows(lo, hi - lo, RowKernel.RowsOf(graph.Tensors[call.Inputs[i]]));
                        if (inHi <= inLo) continue;
                        if (high[p] <= low[p]) (low[p], high[p]) = (inLo, inHi);
                        else (low[p], high[p]) = (Math.Min(low[p], inLo), Math.Max(high[p], inHi));
                    }
                }
                for (int k = 0; k < n; k++)
                {
                    if (bandHigh[k] <= bandLow[k]) continue;
                    emissions.Add((k, bandLow[k], bandHigh[k] - bandLow[k]));
                    if (!windowed[k]) done[k] = bandHigh[k];
                }
            }
            int last = n - 1, rows = kernels[last].OutputRows;
            for (int s = 0; s < strips; s++)
            {
                var low = new int[n];
                var high = new int[n];
                low[last] = (int)((long)rows * s / strips);
                high[last] = (int)((long)rows * (s + 1) / strips);
                Pass(low, high);
            }
            var restLow = new int[n];
            var restHigh = new int[n];
            for (int k = 0; k < n; k++)
                if (!windowed[k] && done[k] < kernels[k].OutputRows) (restLow[k], restHigh[k]) = (done[k], kernels[k].OutputRows);
            Pass(restLow, restHigh);
            return emissions;
        }

        /// <summary>
        /// Pull order: the rows of every whole output are made in order, <paramref name="bandRows"/> at a time, each
        /// band after the rows it reads (recursively). Consecutive rows of one call into a window merge into one band.
        /// </summary>
        private List<(int K, int First, int Count)> Schedule(RowKernel[] kernels, Dictionary<int, int> producer, bool[] windowed, int bandRows)
        {
            int n = kernels.Length;
            var done = new int[n];
            var emissions = new List<(int K, int First, int Count)>();
            void Produce(int k, int row, int count)
            {
                var call = kernels[k].Call;
                for (int i = 0; i < call.Inputs.Length; i++)
                {
                    if (kernels[k].Reaches[i] is not RowReach reach || !producer.TryGetValue(call.Inputs[i], out int p) || p == k) continue;
                    int high = reach.InputRows(row, count, RowKernel.RowsOf(graph.Tensors[call.Inputs[i]])).High;
                    // A reader asking for rows its producer does not make would never be served.
                    if (high > kernels[p].OutputRows) throw new StreamException($"call {k} reads {high} rows of a call that makes {kernels[p].OutputRows}");
                    while (done[p] < high) Produce(p, done[p], Math.Min(bandRows, kernels[p].OutputRows - done[p]));
                }
                // Bands of a whole output keep their height, so that they can land on input rows read before them.
                if (windowed[k] && emissions.Count > 0 && emissions[^1].K == k && emissions[^1].First + emissions[^1].Count == row)
                    emissions[^1] = (k, emissions[^1].First, emissions[^1].Count + count);
                else
                    emissions.Add((k, row, count));
                done[k] = row + count;
            }
            for (int k = 0; k < n; k++)
                if (!windowed[k])
                    while (done[k] < kernels[k].OutputRows) Produce(k, done[k], Math.Min(bandRows, kernels[k].OutputRows - done[k]));
            return emissions;
        }

        /// <summary>
        /// The offset of <paramref name="exit"/> from the start of <paramref name="entry"/> that overlaps them most
        /// while no output row covers input bytes still to be read (an element-wise band may write exactly the row
        /// it reads); null when only disjoint placements are safe.
        /// </summary>
        private long? BestDelta(int entry, long eRow, int[] lastRead, int exit, int[] firstWrite, HashSet<(int Step, int Tensor)> inPlaceSteps)
        {
            var e = graph.Tensors[entry];
            var x = graph.Tensors[exit];
            long eBytes = e.ByteSize, xBytes = x.ByteSize, xRow = RowKernel.RowBytes(x);
            int eRows = lastRead.Length;
            bool Safe(long delta)
            {
                for (int j = 0; j < firstWrite.Length; j++)
                {
                    long start = delta + j * xRow, end = start + xRow;
                    if (end <= 0 || start >= eBytes) continue;
                    int q0 = (int)(Math.Max(0, start) / eRow), q1 = (int)Math.Min(eRows - 1, (end - 1) / eRow);
                    for (int q = q0; q <= q1; q++)
                    {
                        if (lastRead[q] < firstWrite[j]) continue;
                        bool sameRowInPlace = lastRead[q] == firstWrite[j] && delta == 0 && q == j && eRow == xRow
                            && inPlaceSteps.Contains((firstWrite[j], entry));
                        if (!sameRowInPlace) return false;
                    }
                }
                return true;
            }
            long align = ImageLayout.Alignment;
            long? best = null;
            long bestSpan = eBytes + xBytes;
            for (long delta = -(xBytes / align) * align; delta < eBytes; delta += align)
            {
                long span = Math.Max(eBytes, delta + xBytes) - Math.Min(0, delta);
                if (span > bestSpan || (span == bestSpan && (best == null || Math.Abs(delta) >= Math.Abs(best.Value)))) continue;
                if (!Safe(delta)) continue;
                best = delta;
                bestSpan = span;
            }
            return best;
        }

        /// <summary>A new tensor like <paramref name="source"/> (type, quantization, row shape) with <paramref name="rows"/> rows.</summary>
        private int AddRows(int source, int rows, string name)
        {
            var p = graph.Tensors[source];
            int[] shape = (int[])p.Shape.Clone();
            shape[1] = rows;
            return graph.AddTensor(name, p.Type, shape, p.Quantization);
        }

        /// <summary>A tensor for rows [offset, offset + rows * row bytes) of <paramref name="parent"/> (the parent itself when whole).</summary>
        private int View(int parent, long offset, int rows)
        {
            var p = graph.Tensors[parent];
            if (offset == 0 && rows == RowKernel.RowsOf(p)) return parent;
            if (_viewIds.TryGetValue((parent, offset, rows), out int id)) return id;
            id = AddRows(parent, rows, $"{p.Name}@{offset}");
            Views[id] = (parent, offset);
            _viewIds[(parent, offset, rows)] = id;
            return id;
        }
    }
}

/// <summary>A run that cannot stream, found while ordering its rows.</summary>
internal sealed class StreamException(string message) : Exception(message);
