using Google.FlatBuffers;

namespace TinyLite.Tests.Tflite;

/// <summary>
/// Builds small TFLite flatbuffers field by field with FlatBufferBuilder, independently of TfliteWriter, so that
/// tests can make exactly the malformed or legacy files they need. Field ids follow schema.fbs.
/// </summary>
internal sealed class RawTflite
{
    /// <summary>
    /// A tensor. <see cref="Min"/>/<see cref="Max"/> and <see cref="CustomDetails"/> (a CustomQuantization details
    /// table) are quantization fields that converters write and TFLM ignores; a quantization table is written when
    /// any of them or <see cref="Scales"/> is set.
    /// </summary>
    public sealed record RawTensor(int[] Shape, sbyte Type, uint Buffer, string Name, float[]? Scales = null, long[]? ZeroPoints = null,
        int QuantizedDimension = 0, bool Sparse = false, float[]? Min = null, float[]? Max = null, byte[]? CustomDetails = null);

    /// <summary>A buffer: inline data, or (when <see cref="External"/> is set) data appended after the flatbuffer.</summary>
    public sealed record RawBuffer(byte[]? Data = null, byte[]? External = null, ulong? OffsetOverride = null, ulong? SizeOverride = null);

    public sealed record RawOpCode(sbyte Deprecated, int Builtin, string? Custom = null);

    /// <summary>An operator; <see cref="Options"/> writes the options table and returns its offset.</summary>
    public sealed record RawOperator(uint OpcodeIndex, int[] Inputs, int[] Outputs, byte OptionsType = 0,
        Func<FlatBufferBuilder, int>? Options = null, byte[]? CustomOptions = null);

    public uint Version { get; set; } = 3;
    public string? Identifier { get; set; } = "TFL3";
    public int SubgraphCount { get; set; } = 1;
    public string? Description { get; set; }
    public List<RawTensor> Tensors { get; } = new();
    public List<RawBuffer> Buffers { get; } = new() { new RawBuffer() };
    public List<RawOpCode> OpCodes { get; } = new();
    public List<RawOperator> Operators { get; } = new();
    public int[] Inputs { get; set; } = [];
    public int[] Outputs { get; set; } = [];

    /// <summary>Extra entries of the buffers vector that all point at the last buffer table (hostile sharing).</summary>
    public int RepeatLastBuffer { get; set; }

    /// <summary>The file: the flatbuffer padded to 16 bytes, then the external buffers in order.</summary>
    public byte[] Build()
    {
        // The flatbuffer's length does not depend on the (non-zero) offsets it stores, so build once to learn it.
        byte[] first = BuildFlatbuffer(Enumerable.Repeat(ulong.MaxValue, Buffers.Count).ToArray());
        long position = (first.Length + 15) / 16 * 16;
        var offsets = new ulong[Buffers.Count];
        for (int i = 0; i < Buffers.Count; i++)
        {
            if (Buffers[i].External is not { } ext) continue;
            offsets[i] = (ulong)position;
            position += ext.Length;
        }
        byte[] fb = BuildFlatbuffer(offsets);
        var file = new byte[position];
        fb.CopyTo(file, 0);
        for (int i = 0; i < Buffers.Count; i++)
        {
            if (Buffers[i].External is { } ext) ext.CopyTo(file, (long)offsets[i]);
        }
        return file;
    }

    private byte[] BuildFlatbuffer(ulong[] externalOffsets)
    {
        var b = new FlatBufferBuilder(1024);
        var buffers = new int[Buffers.Count];
        for (int i = 0; i < Buffers.Count; i++)
        {
            var buf = Buffers[i];
            VectorOffset data = buf.Data is { } d ? Bytes(b, d, 16) : default;
            b.StartTable(3);
            if (buf.Data != null) b.AddOffset(0, data.Value, 0);
            if (buf.External != null || buf.OffsetOverride != null)
            {
                b.AddUlong(1, buf.OffsetOverride ?? externalOffsets[i], 0);
                b.AddUlong(2, buf.SizeOverride ?? (ulong)buf.External!.Length, 0);
            }
            buffers[i] = b.EndTable();
        }

        var codes = new int[OpCodes.Count];
        for (int i = 0; i < OpCodes.Count; i++)
        {
            var c = OpCodes[i];
            StringOffset custom = c.Custom != null ? b.CreateString(c.Custom) : default;
            b.StartTable(4);
            b.AddSbyte(0, c.Deprecated, 0);
            if (c.Custom != null) b.AddOffset(1, custom.Value, 0);
            b.AddInt(3, c.Builtin, 0);
            codes[i] = b.EndTable();
        }

        var tensors = new int[Tensors.Count];
        for (int i = 0; i < Tensors.Count; i++)
        {
            var t = Tensors[i];
            var shape = Ints(b, t.Shape);
            var name = b.CreateString(t.Name);
            int quant = 0;
            if (t.Scales != null || t.Min != null || t.Max != null || t.CustomDetails != null)
            {
                VectorOffset? scales = t.Scales is { } sc ? Floats(b, sc) : null;
                VectorOffset? zeroPoints = null;
                if (t.Scales != null)
                {
                    var zp = t.ZeroPoints ?? new long[t.Scales.Length];
                    b.StartVector(8, zp.Length, 8);
                    for (int k = zp.Length - 1; k >= 0; k--) b.AddLong(zp[k]);
                    zeroPoints = b.EndVector();
                }
                VectorOffset? min = t.Min is { } mn ? Floats(b, mn) : null;
                VectorOffset? max = t.Max is { } mx ? Floats(b, mx) : null;
                int details = 0;
                if (t.CustomDetails is { } custom)
                {
                    var bytes = Bytes(b, custom, 16);
                    b.StartTable(1);
                    b.AddOffset(0, bytes.Value, 0); // CustomQuantization.custom
                    details = b.EndTable();
                }
                b.StartTable(7);
                if (min is { } minV) b.AddOffset(0, minV.Value, 0);
                if (max is { } maxV) b.AddOffset(1, maxV.Value, 0);
                if (scales is { } s) b.AddOffset(2, s.Value, 0);
                if (zeroPoints is { } z) b.AddOffset(3, z.Value, 0);
                if (details != 0)
                {
                    b.AddByte(4, 1, 0); // QuantizationDetails.CustomQuantization
                    b.AddOffset(5, details, 0);
                }
                b.AddInt(6, t.QuantizedDimension, 0);
                quant = b.EndTable();
            }
            int sparsity = 0;
            if (t.Sparse)
            {
                var order = Ints(b, [0]);
                b.StartTable(3);
                b.AddOffset(0, order.Value, 0); // SparsityParameters.traversal_order
                sparsity = b.EndTable();
            }
            b.StartTable(7);
            b.AddOffset(6, sparsity, 0);
            b.AddOffset(0, shape.Value, 0);
            b.AddSbyte(1, t.Type, 0);
            b.AddUint(2, t.Buffer, 0);
            b.AddOffset(3, name.Value, 0);
            b.AddOffset(4, quant, 0);
            tensors[i] = b.EndTable();
        }

        var operators = new int[Operators.Count];
        for (int i = 0; i < Operators.Count; i++)
        {
            var op = Operators[i];
            var inputs = Ints(b, op.Inputs);
            var outputs = Ints(b, op.Outputs);
            int options = op.Options?.Invoke(b) ?? 0;
            VectorOffset custom = op.CustomOptions is { } co ? Bytes(b, co, 1) : default;
            b.StartTable(7);
            b.AddUint(0, op.OpcodeIndex, 0);
            b.AddOffset(1, inputs.Value, 0);
            b.AddOffset(2, outputs.Value, 0);
            b.AddByte(3, op.OptionsType, 0);
            b.AddOffset(4, options, 0);
            if (op.CustomOptions != null) b.AddOffset(5, custom.Value, 0);
            operators[i] = b.EndTable();
        }

        var subgraphs = new int[SubgraphCount];
        for (int s = 0; s < SubgraphCount; s++)
        {
            var tv = Offsets(b, tensors);
            var iv = Ints(b, Inputs);
            var ov = Ints(b, Outputs);
            var opv = Offsets(b, operators);
            b.StartTable(5);
            b.AddOffset(0, tv.Value, 0);
            b.AddOffset(1, iv.Value, 0);
            b.AddOffset(2, ov.Value, 0);
            b.AddOffset(3, opv.Value, 0);
            subgraphs[s] = b.EndTable();
        }

        var codesVector = Offsets(b, codes);
        var subgraphsVector = Offsets(b, subgraphs);
        var buffersVector = Offsets(b, buffers.Concat(Enumerable.Repeat(buffers[^1], RepeatLastBuffer)).ToArray());
        StringOffset description = Description != null ? b.CreateString(Description) : default;
        b.StartTable(5);
        b.AddUint(0, Version, 0);
        b.AddOffset(1, codesVector.Value, 0);
        b.AddOffset(2, subgraphsVector.Value, 0);
        if (Description != null) b.AddOffset(3, description.Value, 0);
        b.AddOffset(4, buffersVector.Value, 0);
        int model = b.EndTable();
        if (Identifier != null) b.Finish(model, Identifier);
        else b.Finish(model);
        return b.SizedByteArray();
    }

    public static VectorOffset Ints(FlatBufferBuilder b, int[] values)
    {
        b.StartVector(4, values.Length, 4);
        for (int i = values.Length - 1; i >= 0; i--) b.AddInt(values[i]);
        return b.EndVector();
    }

    private static VectorOffset Floats(FlatBufferBuilder b, float[] values)
    {
        b.StartVector(4, values.Length, 4);
        for (int i = values.Length - 1; i >= 0; i--) b.AddFloat(values[i]);
        return b.EndVector();
    }

    private static VectorOffset Bytes(FlatBufferBuilder b, byte[] values, int alignment)
    {
        b.StartVector(1, values.Length, alignment);
        for (int i = values.Length - 1; i >= 0; i--) b.AddByte(values[i]);
        return b.EndVector();
    }

    private static VectorOffset Offsets(FlatBufferBuilder b, int[] tables)
    {
        b.StartVector(4, tables.Length, 4);
        for (int i = tables.Length - 1; i >= 0; i--) b.AddOffset(tables[i]);
        return b.EndVector();
    }

    /// <summary>
    /// A valid model: x INT8 [1, 3] (input) + w INT8 [3] constant (buffer 1) -> ADD -> y INT8 [1, 3] (output),
    /// all quantized per tensor. Tests change one thing and expect one error.
    /// </summary>
    public static RawTflite AddModel()
    {
        var m = new RawTflite();
        m.Buffers.Add(new RawBuffer(Data: [1, 2, 3]));
        m.Tensors.Add(new RawTensor([1, 3], 9, 0, "x", [0.5f], [-1]));
        m.Tensors.Add(new RawTensor([3], 9, 1, "w", [0.25f], [0]));
        m.Tensors.Add(new RawTensor([1, 3], 9, 0, "y", [0.75f], [2]));
        m.OpCodes.Add(new RawOpCode(0, 0));
        m.Operators.Add(new RawOperator(0, [0, 1], [2]));
        m.Inputs = [0];
        m.Outputs = [2];
        return m;
    }
}
