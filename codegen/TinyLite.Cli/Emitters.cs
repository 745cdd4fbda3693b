using System.Text;
using System.Text.RegularExpressions;
using TinyLite.Codegen;
using TinyLite.Codegen.Emit;

namespace TinyLite.Cli;

/// <summary>Stages the --emit-c and --emit-cs outputs.</summary>
public static partial class Emitters
{
    /// <summary>NAME_data.h and NAME_data.c in <paramref name="dir"/>, the array named NAME_data (<paramref name="symbol"/>).</summary>
    public static void AddC(AtomicFiles files, string dir, CompiledModel model, string symbol)
    {
        OutputPaths.CheckFolder(dir);
        var (header, source) = CSourceEmitter.Emit(model, symbol);
        files.Add(Path.Combine(dir, symbol + "_data.h"), header);
        files.Add(Path.Combine(dir, symbol + "_data.c"), source);
    }

    /// <summary>Model.g.cs in <paramref name="dir"/>, its class named <paramref name="className"/>.</summary>
    public static void AddCSharp(AtomicFiles files, string dir, CompiledModel model, string className)
    {
        OutputPaths.CheckFolder(dir);
        files.Add(Path.Combine(dir, "Model.g.cs"), CSharpEmitter.Emit(model, "TinyLite.Models", className));
    }

    /// <summary>
    /// The C symbol prefix and the C# class name: both <paramref name="name"/> when given (it must be a C and C#
    /// identifier), else from the model's file name ("kws_dscnn.tflite": <c>kws_dscnn</c> and <c>KwsDscnnModel</c>);
    /// a file called model.tflite keeps <c>model</c> and <c>Model</c>.
    /// </summary>
    /// <exception cref="CliError"><paramref name="name"/> is not an identifier.</exception>
    public static (string Symbol, string ClassName) Names(string? name, string modelPath)
    {
        if (name != null)
        {
            if (!Identifier().IsMatch(name))
                throw new CliError($"--name {name}: not a C and C# identifier (letters, digits and '_', not starting with a digit)");
            return (name, name);
        }
        string stem = Path.GetFileNameWithoutExtension(modelPath);
        if (string.Equals(stem, "model", StringComparison.OrdinalIgnoreCase)) return ("model", "Model");
        return (Symbol(stem), ClassName(modelPath));
    }

    /// <summary>"kws-dscnn v2" → "kws_dscnn_v2": lower case, anything but a letter or digit becomes '_'.</summary>
    public static string Symbol(string stem)
    {
        var sb = new StringBuilder();
        foreach (char ch in stem) sb.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_');
        string s = sb.ToString().Trim('_');
        return s.Length == 0 || char.IsDigit(s[0]) ? "m_" + s : s;
    }

    /// <summary>"kws_dscnn.tflite" → "KwsDscnnModel".</summary>
    public static string ClassName(string source)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char ch in Path.GetFileNameWithoutExtension(source))
        {
            if (!char.IsAsciiLetterOrDigit(ch)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(ch) : ch);
            upper = false;
        }
        if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, 'M');
        return sb + "Model";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
