using TinyLite.Codegen;
using TinyLite.Codegen.Audio;
using TinyLite.Runtime;

namespace TinyLite.KwsTrain;

/// <summary>
/// The project's audio front end (<see cref="AudioFrontEndModel"/>) run by TinyLite's own interpreter, so training
/// sees exactly the int8 features a device computes: one 40-feature row per 20 ms step over 30 ms windows.
/// </summary>
public sealed class FrontEnd
{
    /// <summary>Rows the classifier reads (one second).</summary>
    public const int Rows = 49;

    /// <summary>Features in the classifier's input.</summary>
    public const int InputLength = Rows * AudioFrontEndModel.Features;

    private readonly Interpreter _interpreter = new(Compiler.Compile(AudioFrontEndModel.Build()).Image);
    private readonly byte[] _window = new byte[AudioFrontEndModel.WindowSamples * 2];

    /// <summary>
    /// The features of the last <see cref="Rows"/> windows of <paramref name="audio"/> (int16 samples as floats,
    /// full scale 32768); the windows before them only warm the noise estimate, as a stream would.
    /// </summary>
    public sbyte[] Features(float[] audio)
    {
        int windows = (audio.Length - AudioFrontEndModel.WindowSamples) / AudioFrontEndModel.StrideSamples + 1;
        if (windows < Rows) throw new ArgumentException($"{audio.Length} samples give {windows} windows, fewer than {Rows}");
        var features = new sbyte[InputLength];
        _interpreter.ResetState();
        for (int w = 0; w < windows; w++)
        {
            int start = w * AudioFrontEndModel.StrideSamples;
            for (int i = 0; i < AudioFrontEndModel.WindowSamples; i++)
            {
                short s = ToInt16(audio[start + i]);
                _window[2 * i] = (byte)s;
                _window[2 * i + 1] = (byte)(s >> 8);
            }
            _interpreter.SetInput(0, _window);
            _interpreter.Invoke();
            int row = w - (windows - Rows);
            if (row < 0) continue;
            byte[] output = _interpreter.GetOutput(0);
            for (int f = 0; f < AudioFrontEndModel.Features; f++) features[row * AudioFrontEndModel.Features + f] = (sbyte)output[f];
        }
        return features;
    }

    /// <summary>Rounds and saturates a sample to int16.</summary>
    public static short ToInt16(float v) => (short)Math.Clamp((int)MathF.Round(v), short.MinValue, short.MaxValue);
}
