using System.Text;
using TinyLite.Codegen;
using TinyLite.Codegen.Emit;

namespace TinyLite.Cli;

/// <summary>Stages the --emit-c and --emit-cs outputs.</summary>
public static class Emitters
{
    /// <summary>model_data.h and model_data.c in <paramref name="dir"/>.</summary>
    public static void AddC(AtomicFiles files, string dir, CompiledModel model)
    {
        var (header, source) = CSourceEmitter.Emit(model, "model");
        files.Add(Path.Combine(dir, "model_data.h"), header);
        files.Add(Path.Combine(dir, "model_data.c"), source);
    }

    /// <summary>Model.g.cs in <paramref name="dir"/>, class named after the model file.</summary>
    public static void AddCSharp(AtomicFiles files, string dir, CompiledModel model)
    {
        files.Add(Path.Combine(dir, "Model.g.cs"), CSharpEmitter.Emit(model, "TinyLite.Models", ClassName(model.Graph.Source)));
    }

    /// <summary>"kws_dscnn.tflite" → "KwsDscnnModel".</summary>
    public static string ClassName(string source)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char ch in Path.GetFileNameWithoutExtension(source))
        {
            if (!char.IsLetterOrDigit(ch)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, 'M');
        return sb + "Model";
    }
}
