namespace TinyLite.Codegen.Planning.Streaming;

/// <summary>
/// A segment's output tensor <see cref="Exit"/> placed <see cref="Delta"/> bytes after the start of an input
/// <see cref="Entry"/> that dies inside the segment: every output row is written only after the input bytes
/// under it were read for the last time. <see cref="Step"/> is the segment's first expanded call.
/// </summary>
public readonly record struct StreamPair(int Entry, int Exit, long Delta, int Step);
