using TinyLite.Tests.Native;

namespace TinyLite.Tests.Golden;

/// <summary>
/// State that persists across invokes (the audio preprocessor's noise estimate, a compiler-made variable tensor) and
/// the interpreter's explicit reset: a reset interpreter must replay TFLM's golden sequence exactly, and one that is
/// not reset must not (so the state really carries over).
/// </summary>
public class StatefulModelTests
{
    private const string Preprocessor = "micro_speech_audio_preprocessor_int8";
    private const string Sequence = "wav_yes_1000ms_seq";

    [SkippableFact]
    public void ResetState_AfterASequence_ReplaysTheGoldenSequenceBitExact()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var c = SharedModels.Cases(Preprocessor).Single(x => x.Name == Sequence);
        byte[] golden = File.ReadAllBytes(c.Golden[0]);
        var interpreter = new Interpreter(GoldenImages.Get(Preprocessor, PlanStrategy.Layer));
        ByteAssert.Equal(golden, c.Run(interpreter)[0], "first run");
        interpreter.ResetState();
        ByteAssert.Equal(golden, c.Run(interpreter)[0], "run after ResetState");
    }

    [SkippableFact]
    public void NoReset_SecondRunOfTheSequence_StartsFromTheCarriedState()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var c = SharedModels.Cases(Preprocessor).Single(x => x.Name == Sequence);
        byte[] golden = File.ReadAllBytes(c.Golden[0]);
        var interpreter = new Interpreter(GoldenImages.Get(Preprocessor, PlanStrategy.Layer));
        c.Run(interpreter);
        byte[] again = c.Run(interpreter)[0];
        // The first window of the second run sees the noise estimate of the whole first second, not zero.
        Assert.NotEqual(golden.AsSpan(0, 40).ToArray(), again.AsSpan(0, 40).ToArray());
    }

    [SkippableTheory]
    [InlineData(Preprocessor, Sequence)]
    [InlineData("keyword_scrambled", "random_seq")]
    public void ResetState_WithNativeKernels_ReplaysTheGoldenSequenceBitExact(string model, string sequence)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        Skip.IfNot(NativeKernels.IsAvailable, NativeSupport.SkipReason);
        var c = SharedModels.Cases(model).Single(x => x.Name == sequence);
        byte[] golden = File.ReadAllBytes(c.Golden[0]);
        var interpreter = new Interpreter(GoldenImages.Get(model, PlanStrategy.Layer));
        NativeSupport.UseNative(interpreter, model);
        ByteAssert.Equal(golden, c.Run(interpreter)[0], "first run (native)");
        interpreter.ResetState();
        ByteAssert.Equal(golden, c.Run(interpreter)[0], "run after ResetState (native)");
    }
}
