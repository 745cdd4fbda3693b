namespace TinyLite.KwsTrain;

/// <summary>One example: the classifier's int8 input (49 x 40 features) and its label index.</summary>
public sealed record Example(sbyte[] Features, int Label);
