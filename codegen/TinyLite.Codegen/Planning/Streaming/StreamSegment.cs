namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// Lowered calls <see cref="First"/>..<see cref="Last"/> (inclusive, in execution order) run as one stream: row
/// band by row band, each intermediate tensor that lives only inside the run held in a window of a few rows.
/// Whole outputs are made <see cref="BandRows"/> rows per call (more rows: fewer calls, larger windows). With
/// <see cref="Strips"/> &gt; 0 the run is executed patch by patch instead (horizontal strips of the last call's
/// rows, each recomputing the rows it needs).
/// </summary>
public readonly record struct StreamSegment(int First, int Last, int Strips = 0, int BandRows = 1)
{
    /// <summary>True when call <paramref name="call"/> belongs to the segment.</summary>
    public bool Contains(int call) => First <= call && call <= Last;

    /// <summary>True when the two segments share a call.</summary>
    public bool Overlaps(StreamSegment other) => First <= other.Last && other.First <= Last;
}
