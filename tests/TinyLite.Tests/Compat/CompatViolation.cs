namespace TinyLite.Tests.Compat;

/// <summary>One construct of a checked assembly that nanoCLR cannot run.</summary>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Location">Where it is: a method, field, type or reference of the checked assembly.</param>
/// <param name="Message">What exactly is wrong, in words a developer can act on.</param>
public sealed record CompatViolation(CompatViolationKind Kind, string Location, string Message)
{
    /// <summary>One line: kind, location and message.</summary>
    public override string ToString() => Kind + " at " + Location + ": " + Message;
}
