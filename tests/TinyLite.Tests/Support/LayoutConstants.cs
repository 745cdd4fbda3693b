using System.Reflection;

namespace TinyLite.Tests.Support;

/// <summary>The named int constants of a generated class (Params indexes, tensor slots, op codes), read by reflection.</summary>
public static class LayoutConstants
{
    /// <summary>Every public constant of <paramref name="type"/>, by name.</summary>
    public static Dictionary<string, int> Of(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    /// <summary>The constants of <paramref name="type"/> in name order, for comparing two layouts.</summary>
    public static IEnumerable<KeyValuePair<string, int>> Sorted(Type type) => Of(type).OrderBy(e => e.Key);
}
