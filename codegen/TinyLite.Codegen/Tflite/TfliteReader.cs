using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Tflite;

/// <summary>Placeholder until the reader lands (helper branch wt/reader replaces this file).</summary>
public static class TfliteReader
{
    public static Graph Read(byte[] bytes, string source) => throw new CompileException($"{Path.GetFileName(source)}: TFLite reading is not available yet");

    public static Graph ReadFile(string path) => Read(File.ReadAllBytes(path), path);
}
