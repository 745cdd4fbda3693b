namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// Lowered calls <see cref="First"/>..<see cref="Last"/> (inclusive, in execution order) run as one stream: row
/// band by row band, each intermediate tensor that lives only inside the run held in a window of a few rows.
/// </summary>
public readonly record struct StreamSegment(int First, int Last)
{
    /// <summary>True when call <paramref name="call"/> belongs to the segment.</summary>
    public bool Contains(int call) => First <= call && call <= Last;

    /// <summary>True when the two segments share a call.</summary>
    public bool Overlaps(StreamSegment other) => First <= other.Last && other.First <= Last;
}
