namespace TinyLite.Tests.Support;

/// <summary>
/// The tensors' arena places and the operators' tensor lists of an image the loader accepted (docs/FORMAT.md), read
/// straight from its records for tests that reason about the memory a kernel touches.
/// </summary>
public sealed class ImageWalk
{
    private readonly int[] _locations, _offsets, _sizes;
    private readonly int[][] _inputs, _outputs;

    private ImageWalk(int[] locations, int[] offsets, int[] sizes, int[][] inputs, int[][] outputs)
    {
        (_locations, _offsets, _sizes, _inputs, _outputs) = (locations, offsets, sizes, inputs, outputs);
    }

    /// <summary>Start and end (exclusive) of the section of kind <paramref name="kind"/>.</summary>
    public static (int Start, int End) Section(byte[] image, int kind)
    {
        int sections = BitConverter.ToInt32(image, 20);
        for (int s = 0; s < sections; s++)
        {
            int entry = ImageLayout.HeaderBytes + ImageLayout.SectionEntryBytes * s;
            if (BitConverter.ToInt32(image, entry) == kind)
            {
                int start = BitConverter.ToInt32(image, entry + 4);
                return (start, start + BitConverter.ToInt32(image, entry + 8));
            }
        }
        throw new InvalidOperationException($"no section of kind {kind}");
    }

    /// <summary>Reads the tensor and operator records of <paramref name="image"/> (which must load).</summary>
    public static ImageWalk Read(byte[] image)
    {
        int at = Section(image, ImageLayout.SectionTensors).Start;
        int tensorCount = BitConverter.ToInt32(image, at);
        var locations = new int[tensorCount];
        var offsets = new int[tensorCount];
        var sizes = new int[tensorCount];
        for (int t = 0; t < tensorCount; t++)
        {
            int record = at + 4 + ImageLayout.TensorRecordBytes * t;
            locations[t] = image[record + ImageLayout.TensorOffLocation];
            offsets[t] = BitConverter.ToInt32(image, record + ImageLayout.TensorOffOffset);
            sizes[t] = BitConverter.ToInt32(image, record + ImageLayout.TensorOffByteSize);
        }
        at = Section(image, ImageLayout.SectionOps).Start;
        int opCount = BitConverter.ToInt32(image, at);
        at += 4;
        var inputs = new int[opCount][];
        var outputs = new int[opCount][];
        for (int i = 0; i < opCount; i++)
        {
            int inCount = BitConverter.ToInt32(image, at + ImageLayout.OpOffInputCount);
            int outCount = BitConverter.ToInt32(image, at + ImageLayout.OpOffOutputCount);
            int paramCount = BitConverter.ToInt32(image, at + ImageLayout.OpOffParamCount);
            int list = at + ImageLayout.OpRecordHeaderBytes;
            inputs[i] = Enumerable.Range(0, inCount).Select(k => BitConverter.ToInt32(image, list + 4 * k)).ToArray();
            outputs[i] = Enumerable.Range(0, outCount).Select(k => BitConverter.ToInt32(image, list + 4 * (inCount + k))).ToArray();
            at = list + 4 * (inCount + outCount + paramCount);
        }
        return new ImageWalk(locations, offsets, sizes, inputs, outputs);
    }

    /// <summary>
    /// Every pair of one operator's arena tensors (input and output, or two outputs) whose bytes overlap, named by the
    /// operator, the slots and both byte ranges: an edit that changes this set changes what aliases what.
    /// </summary>
    public HashSet<string> Overlaps()
    {
        var found = new HashSet<string>();
        for (int i = 0; i < _inputs.Length; i++)
        {
            var slots = _inputs[i].Select((t, k) => ("in" + k, t)).Concat(_outputs[i].Select((t, k) => ("out" + k, t))).ToArray();
            for (int a = 0; a < slots.Length; a++)
            {
                for (int b = a + 1; b < slots.Length; b++)
                {
                    var (nameA, ta) = slots[a];
                    var (nameB, tb) = slots[b];
                    if (!nameB.StartsWith("out", StringComparison.Ordinal) || !InArena(ta) || !InArena(tb)) continue;
                    if (_offsets[ta] < _offsets[tb] + _sizes[tb] && _offsets[tb] < _offsets[ta] + _sizes[ta])
                    {
                        found.Add($"op {i} {nameA} [{_offsets[ta]}, +{_sizes[ta]}) {nameB} [{_offsets[tb]}, +{_sizes[tb]})");
                    }
                }
            }
        }
        return found;
    }

    private bool InArena(int t) => t >= 0 && t < _locations.Length && _locations[t] == ImageLayout.LocationArena;
}
