using System.CommandLine;
using TinyLite.Codegen.Audio;

namespace TinyLite.Cli;

/// <summary>
/// <c>tinylite demo</c>: keyword spotting on the project's own clip and models when <c>demo/kws</c> holds them
/// (<see cref="KwsDemo"/>), otherwise (and with <c>--line-detector</c>) builds a small model, compiles it, runs it and
/// shows the figures. <c>--micro-speech</c> runs TFLM's micro_speech models on its test WAVs through the streaming
/// speech pipeline (needs <c>../shared</c>); <c>--wav FILE</c> listens to any 16 kHz mono 16-bit WAV (SpeechDemo) with
/// the given models, else <c>../shared</c>'s micro_speech ones, else the project's own in <c>demo/kws</c>;
/// <c>--wake-word</c> runs the project's wake-word model on its held-back clip (<see cref="WakeDemo"/>).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var microSpeech = new Option<bool>("--micro-speech") { Description = "run TFLM's micro_speech models on its test WAVs through the streaming pipeline (needs ../shared/models)" };
        var wav = new Option<string?>("--wav") { Description = "listen to a 16 kHz mono 16-bit PCM WAV file and print the keywords heard, and when" };
        var model = new Option<string?>("--model") { Description = "with --wav: the keyword classifier (.tflite or .tlm; default: ../shared's micro_speech)" };
        var preprocessor = new Option<string?>("--preprocessor") { Description = "with --wav: the audio preprocessor, INT16 [480] -> INT8 features (default: ../shared's micro_speech one)" };
        var labels = new Option<string?>("--labels") { Description = "with --wav: the classifier's labels, comma-separated (default: silence,unknown,yes,no)" };
        var threshold = new Option<int>("--threshold") { Description = "with --wav or --wake-word: lowest averaged score (0..255) that counts as a keyword (--wake-word default: the measured default, demo/wake)", DefaultValueFactory = _ => SpeechDemo.MicroSpeechSettings.Threshold };
        var wakeWord = new Option<bool>("--wake-word") { Description = "the project's own wake-word model (demo/wake) on its held-back clip: detections against the truth, and the false-accept / false-reject trade-off" };
        var lineDetector = new Option<bool>("--line-detector") { Description = "build, compile and run the small line-detector model (the demo before demo/kws existed)" };
        var kernels = new EnumOption<KernelSet>("--kernels", KernelSets.Names, KernelSet.Managed, "managed (C#) or native (C) kernels for the speech demos");
        var cmd = new Command("demo", "Keyword spotting on the project's own clip (demo/kws), or a small model end to end; or listen to speech (needs nothing outside the repository)")
        {
            microSpeech, wav, wakeWord, model, preprocessor, labels, threshold, lineDetector, kernels.Option,
        };
        cmd.SetAction(r => CliError.Guard(() =>
        {
            string? wavPath = r.GetValue(wav);
            if (r.GetValue(microSpeech))
                return SpeechDemo.RunMicroSpeech(Console.Out, kernels.GetValue(r));
            if (r.GetValue(wakeWord))
                return WakeDemo.Run(Console.Out, kernels.GetValue(r), r.GetResult(threshold) is { Implicit: false } ? r.GetValue(threshold) : WakeDemo.DefaultThreshold);
            if (wavPath != null)
            {
                // The audio first: a bad file is reported as such whatever the models.
                short[] samples = WavFile.Read(wavPath);
                string? shared = SpeechDemo.SharedModels();
                string? cls = r.GetValue(model), pre = r.GetValue(preprocessor);
                string[]? names = r.GetValue(labels)?.Split(',');
                if (shared != null)
                {
                    cls ??= Path.Combine(shared, "micro_speech", "model.tflite");
                    pre ??= Path.Combine(shared, "micro_speech_audio_preprocessor_int8", "model.tflite");
                }
                else if (KwsDemo.Available())
                {
                    cls ??= Path.Combine(KwsDemo.Folder(), "kws_yes_no.tflite");
                    pre ??= Path.Combine(KwsDemo.Folder(), "frontend.tflite");
                    names ??= File.ReadAllLines(Path.Combine(KwsDemo.Folder(), "labels.txt")).Where(l => l.Length > 0).ToArray();
                }
                if (cls == null || pre == null)
                    throw new CliError("demo --wav: give --model and --preprocessor (no default models: neither ../shared/models nor demo/kws is there)");
                names ??= SpeechDemo.MicroSpeechLabels;
                var settings = SpeechDemo.MicroSpeechSettings with { Threshold = r.GetValue(threshold) };
                return SpeechDemo.RunWav(Console.Out, wavPath, samples, pre, cls, names, kernels.GetValue(r), settings);
            }
            if (!r.GetValue(lineDetector) && KwsDemo.Available())
                return KwsDemo.Run(Console.Out, kernels.GetValue(r));
            return Demo.Run(Console.Out);
        }));
        return cmd;
    }
}
