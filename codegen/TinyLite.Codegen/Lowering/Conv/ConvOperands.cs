using TinyLite.Codegen.Ir;

namespace TinyLite.Codegen.Lowering.Conv;

/// <summary>
/// The operands and geometry of a CONV_2D (OHWI filter) or DEPTHWISE_CONV_2D ([1, f_h, f_w, out_c] filter), read and
/// checked the same way by the integer and float32 convolution lowerings: <see cref="Read"/> takes the 4-D input,
/// filter and output and the optional bias of one value per output channel (for TRANSPOSE_CONV too, whose OHWI
/// operands it reads from their own input indices); <see cref="CheckShapes"/> checks the shapes against each other
/// and the strides and dilations (CONV_2D and DEPTHWISE_CONV_2D only).
/// </summary>
public sealed class ConvOperands
{
    /// <summary>True for DEPTHWISE_CONV_2D.</summary>
    public required bool Depthwise { get; init; }
    public required Tensor Input { get; init; }
    public required Tensor Filter { get; init; }
    public required Tensor? Bias { get; init; }
    public required Tensor Output { get; init; }
    public int Batches => Input.Shape[0];
    public int InH => Input.Shape[1];
    public int InW => Input.Shape[2];
    public int InC => Input.Shape[3];
    public int FH => Filter.Shape[1];
    public int FW => Filter.Shape[2];
    /// <summary>The filter depth of a CONV_2D (input channels per group); 1 for a depthwise filter.</summary>
    public int FC => Depthwise ? 1 : Filter.Shape[3];
    public int OutH => Output.Shape[1];
    public int OutW => Output.Shape[2];
    /// <summary>Output channels: the filter's first dimension (CONV_2D) or last (DEPTHWISE_CONV_2D).</summary>
    public int OutC => Depthwise ? Filter.Shape[3] : Filter.Shape[0];

    /// <summary>
    /// Input <paramref name="inputIndex"/> (input), 1 (filter), <paramref name="biasIndex"/> (optional bias) and output 0,
    /// each checked 4-D (the bias: out_c values). CONV_2D and DEPTHWISE_CONV_2D take the defaults; TRANSPOSE_CONV,
    /// whose input 0 is the output shape, reads input 2 and bias 3.
    /// </summary>
    public static ConvOperands Read(LoweringContext ctx, bool depthwise, int inputIndex = 0, int biasIndex = 2)
    {
        var input = ctx.Input(inputIndex);
        var filter = ctx.Input(1);
        var output = ctx.Output(0);
        ConvChecks.Require4D(ctx, input, "input");
        ConvChecks.Require4D(ctx, filter, "filter");
        ConvChecks.Require4D(ctx, output, "output");
        return new ConvOperands
        {
            Depthwise = depthwise, Input = input, Filter = filter, Output = output,
            Bias = ConvChecks.Bias(ctx, biasIndex, depthwise ? filter.Shape[3] : filter.Shape[0]),
        };
    }

    /// <summary>
    /// Fails unless the shapes agree: a depthwise filter of leading dimension 1, the output's batch and depth, whole
    /// groups (CONV_2D) or out_c = in_c x <paramref name="depthMultiplier"/> (DEPTHWISE_CONV_2D, which alone reads it),
    /// and strides and dilations in [1, 65535].
    /// </summary>
    public void CheckShapes(LoweringContext ctx, int depthMultiplier, int strideH, int strideW, int dilationH, int dilationW)
    {
        if (Depthwise && Filter.Shape[0] != 1) throw ctx.Error($"filter {Filter.Describe()} must have leading dimension 1");
        if (Output.Shape[0] != Batches) throw ctx.Error($"output batch {Output.Shape[0]} differs from input batch {Batches}");
        if (Output.Shape[3] != OutC)
            throw ctx.Error($"output depth {Output.Shape[3]} differs from the filter's {OutC} {(Depthwise ? "channels" : "output channels")}");
        if (Depthwise && OutC != (long)InC * depthMultiplier)
            throw ctx.Error($"output depth {OutC} is not input depth {InC} x depth multiplier {depthMultiplier}");
        if (!Depthwise && InC % FC != 0) throw ctx.Error($"input depth {InC} is not a multiple of the filter depth {FC}");
        if (!Depthwise && OutC % (InC / FC) != 0) throw ctx.Error($"output depth {OutC} is not a multiple of the {InC / FC} groups");
        ConvChecks.RequirePositive(ctx, "strides and dilations", strideH, strideW, dilationH, dilationW);
    }
}
