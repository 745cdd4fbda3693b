using TinyLite.Runtime.Image;

namespace TinyLite.Codegen.Report;

/// <summary>
/// The managed heap a loaded <c>TinyLite.Runtime.Interpreter</c> keeps besides the image and the arena (what
/// bench/nanoclr/run-heap.sh measures: nanoCLR's free heap before minus after <c>new Interpreter(image, arena)</c>),
/// counted object by object from what the image holds:
/// <list type="bullet">
/// <item>the Interpreter (<see cref="InterpreterFields"/> fields), its KernelContext (<see cref="ContextFields"/>),
/// its OpRecordDecoder (<see cref="DecoderFields"/>) and the decoder's one reusable OpRecord (<see cref="OpRecordFields"/>);</item>
/// <item>per tensor T: eight int[T] tables, the dims int[6T] and the byte[T][] of buffers;</item>
/// <item>the input and output index lists;</item>
/// <item>per operator one int (its record's offset in the image, one int[ops]); in the decoder, per role (inputs,
/// outputs, params) an int[] of the distinct lengths the records use, an int[][] with one reusable int[length] each;</item>
/// <item>the four meta strings (compiler version, git commit, model SHA-256, model name).</item>
/// </list>
/// Each object is rounded to whole heap blocks as <see cref="HeapLayout"/> says. The estimate no longer depends on
/// what the records hold, only on how many there are and which lengths they use (records are decoded again before each
/// call), so a streamed plan's hundreds of band calls cost 4 bytes each.
/// </summary>
public static class InterpreterHeap
{
    /// <summary>Instance fields of TinyLite.Runtime.Interpreter (a test checks it by reflection).</summary>
    public const int InterpreterFields = 25;

    /// <summary>Instance fields of TinyLite.Runtime.Execution.KernelContext.</summary>
    public const int ContextFields = 4;

    /// <summary>Instance fields of TinyLite.Runtime.Image.OpRecordDecoder (the OpRecord and the arrays per role).</summary>
    public const int DecoderFields = 7;

    /// <summary>Instance fields of TinyLite.Runtime.Execution.OpRecord.</summary>
    public const int OpRecordFields = 5;

    /// <summary>Per-tensor int tables of the interpreter besides dims (types, locations, ranks, flags, offsets, sizes, scale, zero point).</summary>
    public const int PerTensorIntTables = 8;

    /// <summary>Heap bytes of an interpreter holding <paramref name="counts"/>, with <paramref name="layout"/>'s object sizes.</summary>
    public static long Bytes(ImageCounts counts, HeapLayout layout)
    {
        int t = counts.Tensors;
        long bytes = layout.Object(InterpreterFields) + layout.Object(ContextFields) + layout.Object(DecoderFields) + layout.Object(OpRecordFields);
        bytes += PerTensorIntTables * layout.IntArray(t) + layout.IntArray((long)ImageLayout.MaxRank * t) + layout.ReferenceArray(t);
        bytes += layout.IntArray(counts.Inputs) + layout.IntArray(counts.Outputs);
        bytes += layout.IntArray(counts.Operators);
        foreach (var lengths in new[] { counts.InputLengths, counts.OutputLengths, counts.ParamLengths })
        {
            bytes += layout.IntArray(lengths.Count) + layout.ReferenceArray(lengths.Count) + lengths.Sum(n => layout.IntArray(n));
        }
        bytes += counts.MetaStringBytes.Sum(layout.String);
        return bytes;
    }
}
