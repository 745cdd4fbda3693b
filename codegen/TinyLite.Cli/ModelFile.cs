using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>Loads a model argument: a .tflite (compiled in memory) or a .tlm image.</summary>
public static class ModelFile
{
    /// <summary>True when the bytes start like a TinyLite image rather than a TFLite flatbuffer.</summary>
    public static bool IsImage(string path, byte[] bytes) =>
        path.EndsWith(".tlm", StringComparison.OrdinalIgnoreCase) || (bytes.Length >= 4 && bytes[0] == (byte)'T' && bytes[1] == (byte)'L' && bytes[2] == (byte)'I' && bytes[3] == (byte)'M');

    /// <summary>Reads a file with a clear error when it is missing.</summary>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path)) throw new CliError($"{path}: no such file");
        return File.ReadAllBytes(path);
    }

    /// <summary>The image to run for <paramref name="path"/>, compiling a .tflite with <paramref name="options"/>.</summary>
    public static byte[] LoadImage(string path, CompileOptions options)
    {
        var bytes = Read(path);
        return IsImage(path, bytes) ? bytes : Compiler.Compile(bytes, path, options).Image;
    }
}
