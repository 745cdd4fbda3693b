namespace TinyLite.Codegen;

/// <summary>
/// Why one operator of a model cannot be compiled: an operator type without a lowering, or a lowering that refuses
/// the operator's dtypes, shapes or parameters.
/// </summary>
/// <param name="Model">The model's file name.</param>
/// <param name="OperatorIndex">The operator's index in the model.</param>
/// <param name="Operator">Its type name (e.g. <c>CONV_2D</c>).</param>
/// <param name="Dtypes">Its tensors' dtypes, e.g. <c>inputs INT8, INT8, INT32 -> outputs INT8</c>.</param>
/// <param name="What">What is wrong.</param>
public sealed record OperatorProblem(string Model, int OperatorIndex, string Operator, string Dtypes, string What)
{
    /// <summary>The one-line message: model, operator index and type, dtypes, what is wrong.</summary>
    public string Message => $"{Model}: operator {OperatorIndex} ({Operator}, {Dtypes}): {What}";

    /// <summary>This problem as the exception the compiler throws for it alone.</summary>
    public CompileException ToException() => new(Message, [this]);
}
