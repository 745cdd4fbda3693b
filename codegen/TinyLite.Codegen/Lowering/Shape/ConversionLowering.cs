using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Shape;

/// <summary>
/// The lowering the element-by-element type conversions share (<see cref="Conversions"/>): input 0 and output 0 must
/// hold as many elements; the operator's own part checks the dtypes and gives the kernel and its Params; the one
/// call may write its output over a non-constant input whose elements are at least as wide.
/// </summary>
public sealed class ConversionLowering(ConversionLowering.Part part) : IOperatorLowering
{
    /// <summary>The kernel code and Params converting the <paramref name="count"/> elements of <paramref name="input"/>.</summary>
    public delegate (int Code, int[] Params) Part(LoweringContext ctx, Tensor input, Tensor output, int count);

    public IReadOnlyList<KernelCall> Lower(LoweringContext ctx)
    {
        var input = ctx.Input(0);
        var output = ctx.Output(0);
        if (input.ElementCount != output.ElementCount)
            throw ctx.Error($"input {input.Describe()} and output {output.Describe()} have different element counts");
        var (code, parameters) = part(ctx, input, output, checked((int)input.ElementCount));
        bool inPlace = !input.IsConstant && DataTypes.ByteSize(output.Type, 1) <= DataTypes.ByteSize(input.Type, 1);
        return [new KernelCall { Code = code, Inputs = [input.Index], Outputs = [output.Index], Params = parameters, InPlace = inPlace ? [(0, 0)] : [] }];
    }
}
