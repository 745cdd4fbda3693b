namespace TinyLite.Tests.Kernels.Recurrent;

/// <summary>
/// SVDF on hand-worked values (TFLM's EvalIntegerSvdfReference done by hand); keyword_scrambled's golden and
/// intermediate tests check the int16-state kernel against TFLM itself.
/// </summary>
public class SvdfTests
{
    /// <summary>
    /// One input, one filter of rank 1, memory 2, every scale 1 (both multipliers exactly 1), zero points 0:
    /// feature weight 2, time weights [3, 5] (oldest slot first), bias 1.
    /// </summary>
    private static Interpreter Tiny(DataType stateType)
    {
        var b = new GraphBuilder("svdf_tiny.tflite");
        int x = b.AddInput("x", DataType.Int8, [1, 1], 1f, 0);
        int feature = b.AddConstantInt8("feature", [1, 1], [2], [1f]);
        int time = stateType == DataType.Int16
            ? b.AddConstantInt16("time", [1, 2], [3, 5], new Quantization([1f], [0], 0))
            : b.AddConstantInt8("time", [1, 2], [3, 5], [1f]);
        int bias = b.AddConstantInt32("bias", [1], [1], new Quantization([1f], [0], 0));
        int state = b.Add("state", stateType, [1, 2], new Quantization([1f], [0], 0), null, isVariable: true);
        int y = b.AddTensor("y", DataType.Int8, [1, 1], 1f, 0);
        b.AddOperator(BuiltinOperator.Svdf, [x, feature, time, bias, state], [y], new SvdfOptions(1, Activation.None, false)).MarkOutput(y);
        return new Interpreter(Compiler.Compile(b.Build()).Image);
    }

    private static sbyte Step(Interpreter interpreter, sbyte x)
    {
        interpreter.SetInput(0, [(byte)x]);
        interpreter.Invoke();
        return (sbyte)interpreter.GetOutput(0)[0];
    }

    [Theory]
    [InlineData(DataType.Int8)]
    [InlineData(DataType.Int16)]
    public void Svdf_StateShiftsEachInvoke_AndResetClearsIt(DataType stateType)
    {
        var interpreter = Tiny(stateType);
        // State [0, 0] -> [0, 20]: 1 + 3*0 + 5*20 = 101.
        Assert.Equal(101, Step(interpreter, 10));
        // [20, -8]: 1 + 60 - 40 = 21.
        Assert.Equal(21, Step(interpreter, -4));
        interpreter.ResetState();
        Assert.Equal(101, Step(interpreter, 10));
    }

    [Theory]
    [InlineData(DataType.Int8, 82)]   // new slot 200 clamps to 127: then [127, -60]: 1 + 381 - 300 = 82
    [InlineData(DataType.Int16, 127)] // 200 fits: [200, -60]: 1 + 600 - 300 = 301, clamped to the int8 output
    public void Svdf_NewSlot_IsClampedToTheStateType(DataType stateType, int expected)
    {
        var interpreter = Tiny(stateType);
        Step(interpreter, 100);
        Assert.Equal(expected, Step(interpreter, -30));
    }
}
