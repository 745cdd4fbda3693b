using TinyLite.Codegen.Audio;
using TinyLite.Runtime.Speech;
using TinyLite.Tests.Native;

namespace TinyLite.Tests.Speech;

/// <summary>TFLM's micro_speech models and test WAVs from <c>../shared/models</c>, put together as a <see cref="SpeechPipeline"/>.</summary>
public static class MicroSpeech
{
    /// <summary>The preprocessor model (INT16 [1,480] → INT8 [40]).</summary>
    public const string Preprocessor = "micro_speech_audio_preprocessor_int8";

    /// <summary>The classifier (INT8 [1,1960] → INT8 [1,4]).</summary>
    public const string Classifier = "micro_speech";

    /// <summary>The classifier's labels, in output order.</summary>
    public static readonly string[] Labels = ["silence", "unknown", "yes", "no"];

    /// <summary>micro_speech's window step: 20 ms at 16 kHz.</summary>
    public const int HopSamples = 320;

    /// <summary>The samples of TFLM test WAV <paramref name="clip"/> ("yes_1000ms").</summary>
    public static short[] Wav(string clip) => WavFile.Read(Path.Combine(SharedModels.Dir(Preprocessor), "wavs", clip + ".wav"));

    /// <summary>A new interpreter of <paramref name="model"/> (layer plan), on the native kernels when <paramref name="native"/>.</summary>
    public static Interpreter Load(string model, bool native)
    {
        var interpreter = new Interpreter(GoldenImages.Get(model, PlanStrategy.Layer));
        if (native) NativeSupport.UseNative(interpreter, model);
        return interpreter;
    }

    /// <summary>A pipeline over both models with <paramref name="recognizer"/>, classifying every <paramref name="classifyEveryRows"/> rows.</summary>
    public static SpeechPipeline Pipeline(bool native, KeywordRecognizer recognizer, int classifyEveryRows = 1) =>
        new(Load(Preprocessor, native), Load(Classifier, native), recognizer, HopSamples, classifyEveryRows);
}
