using TinyLite.Codegen.Audio;
using TinyLite.Codegen.Tflite;
using TinyLite.Tests.Golden;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Audio;

/// <summary>
/// The project's own audio front end (<see cref="AudioFrontEndModel"/>, committed as demo/kws/frontend.tflite):
/// its tables and options equal those of TFLM's published micro_speech preprocessor, it gives that model's golden
/// rows bit-exact, and it matches its own TFLM golden (tests/data/kws_frontend) on every plan, managed and native.
/// </summary>
public class AudioFrontEndModelTests
{
    private const string Preprocessor = "micro_speech_audio_preprocessor_int8";

    [Fact]
    public void CommittedModel_IsWhatTheBuilderWrites()
    {
        Assert.Equal(AudioFrontEndModel.Write(), File.ReadAllBytes(KwsDemoData.File("frontend.tflite")));
    }

    [Fact]
    public void Build_CompilesWithTheAudioShapes()
    {
        var compiled = Compiler.Compile(AudioFrontEndModel.Build());
        var interpreter = new Interpreter(compiled.Image);
        Assert.Equal([1, AudioFrontEndModel.WindowSamples], interpreter.TensorShape(interpreter.InputTensor(0)));
        Assert.Equal([AudioFrontEndModel.Features], interpreter.TensorShape(interpreter.OutputTensor(0)));
    }

    /// <summary>Every constant input and every custom option of each operator, compared operator by operator.</summary>
    [SkippableFact]
    public void TablesAndOptions_EqualThePublishedPreprocessor()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var published = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir(Preprocessor), "model.tflite"));
        var ours = AudioFrontEndModel.Build();
        Assert.Equal(published.Operators.Count, ours.Operators.Count);
        for (int i = 0; i < ours.Operators.Count; i++)
        {
            Operator p = published.Operators[i], o = ours.Operators[i];
            Assert.Equal(p.OpName, o.OpName);
            Assert.Equal(p.Inputs.Length, o.Inputs.Length);
            for (int k = 0; k < p.Inputs.Length; k++)
            {
                Tensor pt = published.Tensors[p.Inputs[k]], ot = ours.Tensors[o.Inputs[k]];
                Assert.True(pt.Type == ot.Type && pt.Shape.SequenceEqual(ot.Shape), $"operator {i} ({o.OpName}) input {k}: {pt.Describe()} vs {ot.Describe()}");
                Assert.True(pt.Data is null == ot.Data is null, $"operator {i} ({o.OpName}) input {k}: constant in one model only");
                if (pt.Data != null) ByteAssert.Equal(pt.Data, ot.Data!, $"operator {i} ({o.OpName}) input {k} ({ot.Name})");
            }
            if (p.CustomOptions != null)
            {
                var pm = FlexBufferMap.Parse(p.CustomOptions);
                var om = FlexBufferMap.Parse(o.CustomOptions);
                Assert.Equal(pm.Keys, om.Keys);
                foreach (string key in pm.Keys) Assert.True(pm.Int32(key) == om.Int32(key), $"operator {i} ({o.OpName}) option {key}: {pm.Int32(key)} vs {om.Int32(key)}");
            }
        }
    }

    public static IEnumerable<object[]> Kernels() => [[false], [true]];

    /// <summary>All of the published preprocessor's cases (the 49-window WAV sequences on one interpreter).</summary>
    [SkippableTheory]
    [MemberData(nameof(Kernels))]
    public void SharedGoldenCases_AreBitExact(bool native)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        Skip.If(native && !NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] image = Compiler.Compile(AudioFrontEndModel.Build()).Image;
        foreach (var c in SharedModels.Cases(Preprocessor))
        {
            var interpreter = new Interpreter((byte[])image.Clone());
            if (native) NativeSupport.UseNative(interpreter, "kws front end");
            ByteAssert.Equal(File.ReadAllBytes(c.Golden[0]), c.Run(interpreter)[0], $"{c.Name} ({(native ? "native" : "managed")})");
        }
    }

    /// <summary>The committed model on windows of the demo clip, against TFLM's reference kernels (README there).</summary>
    [SkippableTheory]
    [MemberData(nameof(GoldenModelTests.PlanKernelRows), MemberType = typeof(GoldenModelTests))]
    public void CommittedTflmGolden_IsBitExactOverSteps(PlanStrategy plan, bool native)
    {
        Skip.If(native && !NativeKernels.IsAvailable, NativeSupport.SkipReason);
        byte[] model = File.ReadAllBytes(KwsDemoData.File("frontend.tflite"));
        var interpreter = new Interpreter(Compiler.Compile(model, "frontend.tflite", new CompileOptions { Plan = plan }).Image);
        if (native) NativeSupport.UseNative(interpreter, "kws front end");
        byte[] input = File.ReadAllBytes(Path.Combine(KwsDemoData.GoldenDir, "input0.bin"));
        byte[] golden = File.ReadAllBytes(Path.Combine(KwsDemoData.GoldenDir, "golden.output0.bin"));
        const int inBytes = AudioFrontEndModel.WindowSamples * 2, outBytes = AudioFrontEndModel.Features;
        int steps = input.Length / inBytes;
        Assert.Equal(steps * outBytes, golden.Length);
        Assert.True(steps >= 20, $"the golden holds {steps} windows");
        for (int step = 0; step < steps; step++)
        {
            interpreter.SetInput(0, input.AsSpan(step * inBytes, inBytes).ToArray());
            interpreter.Invoke();
            ByteAssert.Equal(golden.AsSpan(step * outBytes, outBytes).ToArray(), interpreter.GetOutput(0),
                $"plan {plan.Name()} {(native ? "native" : "managed")} window {step}");
        }
    }

    [Fact]
    public void HannWindow_HandWorkedEnds()
    {
        // 0.5 - 0.5 cos(2 pi (n + 0.5) / 480) at 2^12: n = 0 -> 0.044 -> 0; n = 2 -> 0.5 - 0.5 cos(pi / 96) = 2.68e-4 -> 1.10 -> 1;
        // n = 239 and 240 straddle the peak: 1 - 1.07e-5 -> 4095.96 -> 4096.
        short[] w = HannWindow.Weights(480, 12);
        Assert.Equal(0, w[0]);
        Assert.Equal(1, w[2]);
        Assert.Equal(4096, w[239]);
        Assert.Equal(4096, w[240]);
        Assert.Equal(w[10], w[469]); // symmetric about the middle
    }

    [Fact]
    public void MelFilterBank_EnergyRangeOfTheMicroSpeechBand()
    {
        // 125 Hz at 31.25 Hz per bin is bin 4, + 1 for DC = 5; the bands end below 7500 Hz (bin 240).
        var bank = MelFilterBank.Build(257, 16000, 40, 125f, 7500f, 12, 4, 4);
        Assert.Equal(5, bank.StartIndex);
        Assert.Equal(241, bank.EndIndex);
        Assert.All(bank.Widths, w => Assert.Equal(0, w % 4)); // padded to the channel block
        Assert.All(bank.ChannelStarts, s => Assert.Equal(0, s % 2)); // 4-byte aligned int16 weights
        // Weight and unweight of one bin sum to just under 1 (both truncated): 4095 or 4094.
        for (int i = 0; i < bank.Weights.Length; i++)
        {
            if (bank.Weights[i] == 0 && bank.Unweights[i] == 0) continue;
            Assert.InRange(bank.Weights[i] + bank.Unweights[i], 4094, 4096);
        }
    }
}
