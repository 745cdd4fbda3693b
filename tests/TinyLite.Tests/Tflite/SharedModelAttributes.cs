namespace TinyLite.Tests.Tflite;

/// <summary>A fact that reports "skipped" (with the reason) when ../shared/models is absent.</summary>
public sealed class SharedModelFactAttribute : FactAttribute
{
    public SharedModelFactAttribute()
    {
        if (SharedModelIndex.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that reports "skipped" (with the reason) when ../shared/models is absent.</summary>
public sealed class SharedModelTheoryAttribute : TheoryAttribute
{
    public SharedModelTheoryAttribute()
    {
        if (SharedModelIndex.SkipReason is { } reason) Skip = reason;
    }
}
