using System.CommandLine;
using TinyLite.Codegen;

namespace TinyLite.Cli;

/// <summary>
/// A CLI option whose values are the names of an enum (<see cref="EnumNames{T}"/>). On the command line it is a
/// string option restricted to those names, so its help (<c>--plan &lt;auto|inplace|...&gt;</c>, the default by
/// name) and its error for any other text are System.CommandLine's for a list of strings; the action reads the enum.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class EnumOption<T> where T : struct, Enum
{
    private readonly EnumNames<T> _names;

    /// <summary>The option <paramref name="name"/> taking the names of <paramref name="names"/>, <paramref name="defaultValue"/> when absent.</summary>
    public EnumOption(string name, EnumNames<T> names, T defaultValue, string description)
    {
        _names = names;
        string defaultName = names.Name(defaultValue);
        Option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultName };
        Option.AcceptOnlyFromAmong([.. names.Names]);
    }

    /// <summary>The option to add to a command.</summary>
    public Option<string> Option { get; }

    /// <summary>The value given (or the default); the parser has already refused any text that is not a name.</summary>
    public T GetValue(ParseResult result) => _names.Parse(result.GetValue(Option)!);
}
