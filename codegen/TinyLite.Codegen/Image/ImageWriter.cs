using System.Buffers.Binary;
using System.Text;
using TinyLite.Codegen.Ir;
using TinyLite.Codegen.Lowering;
using TinyLite.Codegen.Planning;
using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Image;

/// <summary>
/// Serializes kernel calls, tensors and a memory plan into the .tlm image (docs/FORMAT.md): header, section
/// table, meta, tensors, operators, I/O, then the constants in the order the kernels first read them.
/// </summary>
public static class ImageWriter
{
    /// <summary>Builds the image bytes.</summary>
    public static byte[] Write(Graph graph, IReadOnlyList<KernelCall> calls, MemoryPlan plan, ImageMetadata meta)
    {
        // Constants in first-use order, each aligned.
        var constOrder = new List<int>();
        var seen = new HashSet<int>();
        foreach (var call in calls)
            foreach (int t in call.Inputs)
                if (t >= 0 && graph.Tensors[t].IsConstant && seen.Add(t)) constOrder.Add(t);

        var metaBytes = new MemoryStream();
        foreach (string s in new[] { meta.CompilerVersion, meta.GitCommit, meta.ModelSha256, meta.ModelName })
        {
            var ascii = Encoding.ASCII.GetBytes(s.Length > 1000 ? s[..1000] : s);
            metaBytes.Write(BitConverter.GetBytes((ushort)ascii.Length));
            metaBytes.Write(ascii);
        }

        var ops = new MemoryStream();
        WriteInt(ops, calls.Count);
        foreach (var c in calls)
        {
            WriteInt(ops, c.Code);
            WriteInt(ops, c.SourceIndex);
            WriteInt(ops, c.Inputs.Length);
            WriteInt(ops, c.Outputs.Length);
            WriteInt(ops, c.Params.Length);
            foreach (int v in c.Inputs) WriteInt(ops, v);
            foreach (int v in c.Outputs) WriteInt(ops, v);
            foreach (int v in c.Params) WriteInt(ops, v);
        }

        var io = new MemoryStream();
        WriteInt(io, graph.Inputs.Length);
        foreach (int t in graph.Inputs) WriteInt(io, t);
        WriteInt(io, graph.Outputs.Length);
        foreach (int t in graph.Outputs) WriteInt(io, t);

        int tensorBytes = 4 + graph.Tensors.Count * ImageLayout.TensorRecordBytes;
        const int sections = 5;
        int offset = ImageLayout.HeaderBytes + sections * ImageLayout.SectionEntryBytes;
        int metaOff = offset; offset = Align(offset + (int)metaBytes.Length);
        int tensorOff = offset; offset = Align(offset + tensorBytes);
        int opsOff = offset; offset = Align(offset + (int)ops.Length);
        int ioOff = offset; offset = Align(offset + (int)io.Length);
        int constOff = offset;
        var constOffsets = new Dictionary<int, int>();
        foreach (int t in constOrder)
        {
            offset = Align(offset);
            constOffsets[t] = offset;
            offset = checked(offset + graph.Tensors[t].Data!.Length);
        }
        int constLen = offset - constOff;
        int total = offset;

        var image = new byte[total];
        var span = image.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span[ImageLayout.OffMagic..], ImageLayout.Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[ImageLayout.OffVersionMajor..], ImageLayout.VersionMajor);
        BinaryPrimitives.WriteUInt16LittleEndian(span[ImageLayout.OffVersionMinor..], ImageLayout.VersionMinor);
        BinaryPrimitives.WriteInt32LittleEndian(span[ImageLayout.OffImageBytes..], total);
        BinaryPrimitives.WriteInt32LittleEndian(span[ImageLayout.OffHeaderBytes..], ImageLayout.HeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(span[ImageLayout.OffSectionCount..], sections);
        BinaryPrimitives.WriteInt32LittleEndian(span[ImageLayout.OffArenaBytes..], plan.ArenaBytes);
        int entry = ImageLayout.HeaderBytes;
        void Section(int kind, int off, int len)
        {
            BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(entry), kind);
            BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(entry + 4), off);
            BinaryPrimitives.WriteInt32LittleEndian(image.AsSpan(entry + 8), len);
            entry += ImageLayout.SectionEntryBytes;
        }
        Section(ImageLayout.SectionMeta, metaOff, (int)metaBytes.Length);
        Section(ImageLayout.SectionTensors, tensorOff, tensorBytes);
        Section(ImageLayout.SectionOps, opsOff, (int)ops.Length);
        Section(ImageLayout.SectionIo, ioOff, (int)io.Length);
        Section(ImageLayout.SectionConstants, constOff, constLen);

        metaBytes.ToArray().CopyTo(image, metaOff);
        ops.ToArray().CopyTo(image, opsOff);
        io.ToArray().CopyTo(image, ioOff);

        BinaryPrimitives.WriteInt32LittleEndian(span[tensorOff..], graph.Tensors.Count);
        for (int t = 0; t < graph.Tensors.Count; t++)
        {
            var tensor = graph.Tensors[t];
            var rec = span.Slice(tensorOff + 4 + t * ImageLayout.TensorRecordBytes, ImageLayout.TensorRecordBytes);
            int location = constOffsets.ContainsKey(t) ? ImageLayout.LocationImage
                : plan.Offsets.ContainsKey(t) ? ImageLayout.LocationArena : ImageLayout.LocationNone;
            if (tensor.Shape.Length > ImageLayout.MaxRank)
                throw new CompileException($"{Path.GetFileName(graph.Source)}: tensor {t} ({tensor.Name}) has rank {tensor.Shape.Length}; at most {ImageLayout.MaxRank} is supported");
            rec[ImageLayout.TensorOffType] = (byte)tensor.Type;
            rec[ImageLayout.TensorOffLocation] = (byte)location;
            rec[ImageLayout.TensorOffRank] = (byte)tensor.Shape.Length;
            rec[ImageLayout.TensorOffFlags] = (byte)(tensor.IsVariable ? ImageLayout.TensorFlagVariable : 0);
            int dataOffset = location == ImageLayout.LocationImage ? constOffsets[t] : location == ImageLayout.LocationArena ? plan.Offsets[t] : 0;
            BinaryPrimitives.WriteInt32LittleEndian(rec[ImageLayout.TensorOffOffset..], dataOffset);
            BinaryPrimitives.WriteInt32LittleEndian(rec[ImageLayout.TensorOffByteSize..], location == ImageLayout.LocationNone ? 0 : checked((int)tensor.ByteSize));
            for (int d = 0; d < tensor.Shape.Length; d++) BinaryPrimitives.WriteInt32LittleEndian(rec[(ImageLayout.TensorOffDims + 4 * d)..], tensor.Shape[d]);
            var q = tensor.Quantization;
            BinaryPrimitives.WriteSingleLittleEndian(rec[ImageLayout.TensorOffScale..], q is { Scales.Length: > 0 } ? q.Scales[0] : 0f);
            BinaryPrimitives.WriteInt32LittleEndian(rec[ImageLayout.TensorOffZeroPoint..], q?.ZeroPoint ?? 0);
            if (location == ImageLayout.LocationImage) tensor.Data!.CopyTo(image, constOffsets[t]);
        }

        uint crc = Crc32.Compute(image, ImageLayout.CrcStart, total - ImageLayout.CrcStart);
        BinaryPrimitives.WriteUInt32LittleEndian(span[ImageLayout.OffCrc32..], crc);
        return image;
    }

    private static int Align(int v) => (v + ImageLayout.Alignment - 1) / ImageLayout.Alignment * ImageLayout.Alignment;

    private static void WriteInt(Stream s, int v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, v);
        s.Write(b);
    }
}
