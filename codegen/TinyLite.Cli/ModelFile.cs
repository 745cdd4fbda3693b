using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Runtime.Image;

namespace TinyLite.Cli;

/// <summary>Loads a model argument: a .tflite (compiled in memory) or a .tlm image; every message names the file.</summary>
public static class ModelFile
{
    /// <summary>True when the bytes start like a TinyLite image rather than a TFLite flatbuffer.</summary>
    public static bool IsImage(string path, byte[] bytes) =>
        path.EndsWith(".tlm", StringComparison.OrdinalIgnoreCase) || (bytes.Length >= 4 && bytes[0] == (byte)'T' && bytes[1] == (byte)'L' && bytes[2] == (byte)'I' && bytes[3] == (byte)'M');

    /// <summary>
    /// True when bytes 4..7 hold TFLite's flatbuffer file identifier "TFL3" (TensorFlow's converter always writes it).
    /// </summary>
    public static bool IsTflite(byte[] bytes) =>
        bytes.Length >= 8 && bytes[4] == (byte)'T' && bytes[5] == (byte)'F' && bytes[6] == (byte)'L' && bytes[7] == (byte)'3';

    /// <summary>Reads a file with a clear error when it is missing or is a folder.</summary>
    public static byte[] Read(string path)
    {
        if (Directory.Exists(path)) throw new CliError($"{path}: is a folder, not a file");
        if (!File.Exists(path)) throw new CliError($"{path}: no such file");
        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// Reads a model for <c>compile</c>: a TinyLite image or a file without the TFL3 identifier gets a message saying
    /// what it is instead of a flatbuffer parse error.
    /// </summary>
    /// <exception cref="CliError">The file is missing, a .tlm image, or not a TFLite model.</exception>
    public static byte[] ReadTflite(string path)
    {
        var bytes = Read(path);
        if (IsImage(path, bytes))
            throw new CliError($"{path}: is a TinyLite image (.tlm), already compiled; compile takes a .tflite model (run and inspect take the image as it is)");
        if (!IsTflite(bytes))
            throw new CliError($"{path}: not a TFLite model (no \"TFL3\" file identifier at byte 4); compile, run and inspect take a .tflite flatbuffer or a .tlm image");
        return bytes;
    }

    /// <summary>The image to run for <paramref name="path"/>, compiling a .tflite with <paramref name="options"/>.</summary>
    public static byte[] LoadImage(string path, CompileOptions options)
    {
        var bytes = Read(path);
        return IsImage(path, bytes) ? bytes : Compiler.Compile(ReadTflite(path), path, options).Image;
    }

    /// <summary>Loads an image into an interpreter; a refused image's message names the file.</summary>
    /// <exception cref="CliError">The runtime refuses the image.</exception>
    public static Interpreter OpenImage(string path, byte[] image)
    {
        try
        {
            return new Interpreter(image);
        }
        catch (ImageException e)
        {
            throw new CliError($"{path}: {e.Message}");
        }
    }
}
