namespace TinyLite.Codegen.Planning;

/// <summary>
/// One tensor of a <see cref="BlockPlacer"/> block: its lifetime and its byte offset relative to the block's base
/// (members of one block may share bytes; the placer only keeps different blocks apart).
/// </summary>
public readonly record struct BlockMember(TensorLifetime Life, long Relative);
