using System.Buffers.Binary;
using System.Reflection;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Image;

namespace TinyLite.Cli;

/// <summary>One kernel call as a .tlm image stores it (docs/FORMAT.md, operators section).</summary>
/// <param name="Code">The kernel code (<see cref="OpCode"/>).</param>
/// <param name="SourceIndex">The index of the model operator the call comes from.</param>
public sealed record ImageCall(int Code, int SourceIndex, int[] Inputs, int[] Outputs, int[] Params)
{
    /// <summary>The kernel's name, the <see cref="OpCode"/> constant's ("ConvS8"), or "kernel N" for an unknown code.</summary>
    public string Name => KernelNames.TryGetValue(Code, out var name) ? name : $"kernel {Code}";

    private static readonly Dictionary<int, string> KernelNames = typeof(OpCode)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(int) && f.Name is not (nameof(OpCode.FamilyRange) or nameof(OpCode.First) or nameof(OpCode.End)))
        .ToDictionary(f => (int)f.GetRawConstantValue()!, f => f.Name);

    /// <summary>The kernel calls of an image the runtime has validated (load it with an Interpreter first).</summary>
    public static IReadOnlyList<ImageCall> Read(byte[] image)
    {
        int sections = I32(image, ImageLayout.OffSectionCount), ops = -1;
        for (int s = 0; s < sections; s++)
        {
            int at = ImageLayout.HeaderBytes + s * ImageLayout.SectionEntryBytes;
            if (I32(image, at) == ImageLayout.SectionOps) ops = I32(image, at + 4);
        }
        var calls = new List<ImageCall>();
        if (ops < 0) return calls;
        int count = I32(image, ops);
        for (int i = 0, p = ops + 4; i < count; i++)
        {
            int nIn = I32(image, p + ImageLayout.OpOffInputCount), nOut = I32(image, p + ImageLayout.OpOffOutputCount);
            int nParams = I32(image, p + ImageLayout.OpOffParamCount);
            int at = p + ImageLayout.OpRecordHeaderBytes;
            calls.Add(new ImageCall(I32(image, p + ImageLayout.OpOffCode), I32(image, p + ImageLayout.OpOffSourceIndex),
                Ints(image, at, nIn), Ints(image, at + 4 * nIn, nOut), Ints(image, at + 4 * (nIn + nOut), nParams)));
            p = at + 4 * (nIn + nOut + nParams);
        }
        return calls;
    }

    private static int[] Ints(byte[] image, int at, int n)
    {
        var v = new int[n];
        for (int k = 0; k < n; k++) v[k] = I32(image, at + 4 * k);
        return v;
    }

    private static int I32(byte[] image, int at) => BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(at));
}
