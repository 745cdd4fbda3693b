namespace TinyLite.Codegen;

/// <summary>Choices the user makes when compiling (the CLI's compile flags).</summary>
public sealed record CompileOptions
{
    /// <summary>
    /// Memory plan strategy (<see cref="PlanStrategy"/>): one of the four that make plans, or
    /// <see cref="PlanStrategy.Auto"/> (<see cref="PlanChoice"/>: the smallest device RAM among the plans whose extra
    /// MACs stay within <see cref="MaxExtraMacs"/>, the fewest instructions among those within 2% of it).
    /// </summary>
    public PlanStrategy Plan { get; init; } = PlanStrategy.Auto;

    /// <summary>
    /// Precision of the image's weights: <see cref="WeightPrecision.Int4"/> and <see cref="WeightPrecision.Auto"/>
    /// requantize the int8 weights in memory first (<see cref="Quantize.WeightQuantizer"/>; auto on generated inputs
    /// with the default budget).
    /// </summary>
    public WeightPrecision Weights { get; init; } = WeightPrecision.Int8;

    /// <summary>
    /// Most multiply-accumulates a plan may add by recomputing rows, as a fraction of the model's own (0.05 = 5%).
    /// Bounds the patch plan's search and which plans "auto" may pick.
    /// </summary>
    public double MaxExtraMacs { get; init; } = 0.05;

    /// <summary>
    /// Make every plan even when <see cref="Plan"/> names one, so the memory picture and the board check can
    /// compare them (compiling is faster without).
    /// </summary>
    public bool ComparePlans { get; init; }

    /// <summary>
    /// Reserve, in the arena plan, the scratch the optional CMSIS-NN backend of the native kernels needs for int8
    /// CONV_2D, DEPTHWISE_CONV_2D and AVERAGE_POOL_2D (sizes: the runtime's CmsisNnScratchCheck; for the pool
    /// Lowering/Conv/CmsisNnScratch.cs), and mark the int16 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED records
    /// CMSIS-NN is proven bit-exact on (Lowering/CmsisNnInt16.cs: split requantization arrays as a fifth input, scratch
    /// for the convolutions). Off by default: the images of the
    /// reference kernels carry no scratch; a CMSIS-NN build runs images compiled without it on its reference kernels.
    /// </summary>
    public bool CmsisNn { get; init; }

    /// <summary>
    /// Fold each explicit PAD into the convolution, depthwise convolution or max pool that reads it where that gives
    /// the same bytes (<see cref="Passes.PadFolding"/>); on by default, off only to compare with the unfolded graph.
    /// </summary>
    public bool FoldPads { get; init; } = true;

    /// <summary>
    /// True (the default) when the deployment loads the image into RAM, so the image's bytes count in the device RAM
    /// that <see cref="PlanStrategy.Auto"/> minimises: on nanoFramework the interpreter takes the image as a
    /// <c>byte[]</c>, which reading a binary resource copies into the managed heap. False for firmware that runs the
    /// image from flash (<c>--emit-c</c> with the native runner).
    /// </summary>
    public bool ImageInRam { get; init; } = true;

    /// <summary>
    /// Instructions per executed MAC of each plan on the target core (the CLI reads them from boards/speed.json), for
    /// <see cref="PlanChoice"/>'s tie-break among plans of about the same device RAM. Null: one per MAC, so the
    /// estimate is the executed MACs (the model's plus the plan's recomputed ones).
    /// </summary>
    public IReadOnlyDictionary<PlanStrategy, double>? InstructionsPerMac { get; init; }
}
