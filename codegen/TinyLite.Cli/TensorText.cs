using TinyLite.Runtime;

namespace TinyLite.Cli;

/// <summary>Human-readable tensor descriptions for messages.</summary>
public static class TensorText
{
    private static readonly Dictionary<int, string> TypeNames = new()
    {
        [0] = "FLOAT32", [2] = "INT32", [3] = "UINT8", [4] = "INT64", [6] = "BOOL", [7] = "INT16", [9] = "INT8",
        [12] = "UINT64", [15] = "UINT32", [16] = "UINT16", [17] = "INT4",
    };

    /// <summary>Name of a tensor type code.</summary>
    public static string TypeName(int type) => TypeNames.GetValueOrDefault(type, $"TYPE_{type}");

    /// <summary>"INT8 [1, 49, 10, 1]".</summary>
    public static string Describe(Interpreter interpreter, int tensor) =>
        $"{TypeName(interpreter.TensorTypeOf(tensor))} [{string.Join(", ", interpreter.TensorShape(tensor))}]";
}
