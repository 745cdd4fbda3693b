using System.Buffers.Binary;
using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Report;

/// <summary>
/// What decides the interpreter's heap, read from a TinyLite image (docs/FORMAT.md): the tensor, input, output and
/// operator counts, the distinct input/output/parameter counts of the operator records, and the byte lengths of the
/// meta strings.
/// </summary>
public sealed record ImageCounts(int Tensors, int Inputs, int Outputs, int Operators,
    IReadOnlyList<int> InputLengths, IReadOnlyList<int> OutputLengths, IReadOnlyList<int> ParamLengths,
    IReadOnlyList<int> MetaStringBytes)
{
    /// <summary>Reads the counts of a well-formed image (one the compiler just wrote).</summary>
    public static ImageCounts FromImage(byte[] image)
    {
        int sections = I32(image, ImageLayout.OffSectionCount);
        int meta = 0, tensors = 0, ops = 0, io = 0;
        for (int s = 0; s < sections; s++)
        {
            int at = ImageLayout.HeaderBytes + s * ImageLayout.SectionEntryBytes;
            int kind = I32(image, at), off = I32(image, at + 4);
            if (kind == ImageLayout.SectionMeta) meta = off;
            else if (kind == ImageLayout.SectionTensors) tensors = off;
            else if (kind == ImageLayout.SectionOps) ops = off;
            else if (kind == ImageLayout.SectionIo) io = off;
        }
        var strings = new List<int>();
        for (int k = 0, p = meta; k < ImageLayout.MetaStrings; k++)
        {
            int n = image[p] | (image[p + 1] << 8);
            strings.Add(n);
            p += 2 + n;
        }
        int inputs = I32(image, io);
        int outputs = I32(image, io + 4 + 4 * inputs);
        int opCount = I32(image, ops);
        var inLengths = new SortedSet<int>();
        var outLengths = new SortedSet<int>();
        var paramLengths = new SortedSet<int>();
        for (int i = 0, p = ops + 4; i < opCount; i++)
        {
            int nIn = I32(image, p + ImageLayout.OpOffInputCount), nOut = I32(image, p + ImageLayout.OpOffOutputCount);
            int nParams = I32(image, p + ImageLayout.OpOffParamCount);
            inLengths.Add(nIn);
            outLengths.Add(nOut);
            paramLengths.Add(nParams);
            p += ImageLayout.OpRecordHeaderBytes + 4 * (nIn + nOut + nParams);
        }
        return new ImageCounts(I32(image, tensors), inputs, outputs, opCount, [.. inLengths], [.. outLengths], [.. paramLengths], strings);
    }

    private static int I32(byte[] image, int at) => BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(at));
}
