namespace TinyLite.Codegen;

/// <summary>
/// The names an enum's values have at the edges (CLI values, report fields, messages): one table per enum, so a
/// name is spelled in one place and the code between the edges passes the enum.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class EnumNames<T> where T : struct, Enum
{
    private readonly (T Value, string Name)[] _entries;

    /// <summary>The table; the order of <paramref name="entries"/> is the order of <see cref="Names"/>.</summary>
    /// <exception cref="ArgumentException">A value or a name appears twice.</exception>
    public EnumNames(params (T Value, string Name)[] entries)
    {
        if (entries.Select(e => e.Value).Distinct().Count() != entries.Length || entries.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count() != entries.Length)
            throw new ArgumentException($"{typeof(T).Name}: a value or a name appears twice", nameof(entries));
        _entries = entries;
    }

    /// <summary>Every name, in table order (the order the CLI lists them in its help and errors).</summary>
    public IReadOnlyList<string> Names => [.. _entries.Select(e => e.Name)];

    /// <summary>The name of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> has no name in the table.</exception>
    public string Name(T value)
    {
        foreach (var e in _entries)
            if (EqualityComparer<T>.Default.Equals(e.Value, value)) return e.Name;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} {value} has no name");
    }

    /// <summary>The value named <paramref name="name"/> (exact, case-sensitive); false for any other text.</summary>
    public bool TryParse(string? name, out T value)
    {
        foreach (var e in _entries)
        {
            if (string.Equals(e.Name, name, StringComparison.Ordinal))
            {
                value = e.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No value has that name; the message lists the names.</exception>
    public T Parse(string name) => TryParse(name, out var value)
        ? value
        : throw new ArgumentException($"unknown {typeof(T).Name} '{name}' (available: {string.Join(", ", Names)})", nameof(name));
}
