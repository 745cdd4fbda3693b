using System.Reflection;
using TinyLite.Codegen.Report;
using TinyLite.Tests.Planning;

namespace TinyLite.Tests.Compiling;

/// <summary>
/// The report's runtime_ram_bytes: the object sizes it assumes, the counts it reads from the image (checked against the
/// loaded interpreter and the compiler's own calls), and that a streamed plan's calls no longer cost an object each.
/// Whether the estimate meets nanoCLR is measured by bench/nanoclr/run-heap.sh (bench/RESULTS.md).
/// </summary>
public class InterpreterHeapTests
{
    private static CompiledModel StreamedChain(PlanStrategy plan) => Compiler.Compile(
        StreamTestModels.Start("chain.tflite", 10, 6, 4, seed: 3).Conv(8, 3, 1).Conv(4, 3, 1).Finish(),
        new CompileOptions { Plan = plan });

    [Fact]
    public void FieldCounts_AreThoseOfTheRuntimeTypes()
    {
        // On nanoCLR each instance field is one heap block: the estimate must follow the classes.
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        Assert.Equal(InterpreterHeap.InterpreterFields, typeof(Interpreter).GetFields(instance).Length);
        Assert.Equal(InterpreterHeap.ContextFields, typeof(KernelContext).GetFields(instance).Length);
        // The decoder is internal to the runtime: found by name.
        var decoder = typeof(Interpreter).Assembly.GetType("TinyLite.Runtime.Image.OpRecordDecoder", throwOnError: true)!;
        Assert.Equal(InterpreterHeap.DecoderFields, decoder.GetFields(instance).Length);
        Assert.Equal(InterpreterHeap.OpRecordFields, typeof(OpRecord).GetFields(instance).Length);
    }

    [Fact]
    public void Posix64Layout_MatchesSizesMeasuredOnNanoClr()
    {
        // Seen with bench/nanoclr/run-heap.sh's "size" line (free heap before minus after one allocation, 64-bit posix
        // nanoCLR): int[0..4] 48 B, int[5..9] 72 B, int[1][] 72 B, int[3][] 120 B, byte[13] 48 B, a 5-field OpRecord
        // 144 B, object 24 B, a 12-char string 48 B.
        var posix = HeapLayout.Posix64;
        Assert.Equal([48L, 48, 72, 72], new[] { posix.IntArray(0), posix.IntArray(4), posix.IntArray(5), posix.IntArray(9) });
        Assert.Equal(72, posix.ReferenceArray(1));
        Assert.Equal(120, posix.ReferenceArray(3));
        Assert.Equal(144, posix.Object(5));
        Assert.Equal(24, posix.Object(0));
        Assert.Equal(48, posix.String(12));
    }

    [Fact]
    public void ImageCounts_StreamedChain_AgreeWithTheLoadedInterpreterAndTheCalls()
    {
        var compiled = StreamedChain(PlanStrategy.Stream);
        var interpreter = new Interpreter(compiled.Image);
        var counts = ImageCounts.FromImage(compiled.Image);
        Assert.Equal(interpreter.TensorCount, counts.Tensors);
        Assert.Equal(interpreter.OperatorCount, counts.Operators);
        Assert.Equal(compiled.Calls.Count, counts.Operators);
        Assert.Equal(interpreter.InputCount, counts.Inputs);
        Assert.Equal(interpreter.OutputCount, counts.Outputs);
        Assert.Equal(compiled.Calls.Select(c => c.Inputs.Length).Distinct().Order(), counts.InputLengths);
        Assert.Equal(compiled.Calls.Select(c => c.Outputs.Length).Distinct().Order(), counts.OutputLengths);
        Assert.Equal(compiled.Calls.Select(c => c.Params.Length).Distinct().Order(), counts.ParamLengths);
        Assert.Equal(new[] { interpreter.CompilerVersion, interpreter.GitCommit, interpreter.ModelSha256, interpreter.ModelName }.Select(s => s.Length),
            counts.MetaStringBytes);
    }

    [Fact]
    public void Estimate_MoreCallsWithSeenLengths_CostFourBytesEach()
    {
        // Records are decoded again before each call: a call adds its offset (one int) and nothing else.
        var counts = ImageCounts.FromImage(StreamedChain(PlanStrategy.Stream).Image);
        foreach (var layout in new[] { HeapLayout.Device32, HeapLayout.Posix64 })
        {
            long more = InterpreterHeap.Bytes(counts with { Operators = counts.Operators + 300 }, layout) - InterpreterHeap.Bytes(counts, layout);
            Assert.InRange(more, 300 * 4 - layout.BlockBytes, 300 * 4 + layout.BlockBytes);
        }
    }

    [Fact]
    public void Report_StreamVersusLayer_DiffersByTheTablesNotByAnObjectPerCall()
    {
        var layer = StreamedChain(PlanStrategy.Layer);
        var stream = StreamedChain(PlanStrategy.Stream);
        Assert.True(stream.Calls.Count > layer.Calls.Count + 10, $"{stream.Calls.Count} vs {layer.Calls.Count} calls");
        Assert.Equal(InterpreterHeap.Bytes(ImageCounts.FromImage(stream.Image), HeapLayout.Device32), stream.Report.RuntimeRamBytes);
        Assert.Equal(InterpreterHeap.Bytes(ImageCounts.FromImage(stream.Image), HeapLayout.Posix64), stream.Report.RuntimeRamBytesPosix64);
        // What the stream adds: window tensors (10 ints and a reference each: < 64 B per tensor with 12-byte blocks),
        // 4 B per extra call, a few reusable arrays for new lengths, and block rounding of each table.
        var a = ImageCounts.FromImage(layer.Image);
        var b = ImageCounts.FromImage(stream.Image);
        int newLengths = b.InputLengths.Except(a.InputLengths).Count() + b.OutputLengths.Except(a.OutputLengths).Count() + b.ParamLengths.Except(a.ParamLengths).Count();
        long bound = 64L * (b.Tensors - a.Tensors) + 4L * (b.Operators - a.Operators) + newLengths * (64 + 4 * b.ParamLengths.Max()) + 16 * 12;
        Assert.InRange(stream.Report.RuntimeRamBytes - layer.Report.RuntimeRamBytes, 0, bound);
    }
}
