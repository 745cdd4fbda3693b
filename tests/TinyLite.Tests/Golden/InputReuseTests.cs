namespace TinyLite.Tests.Golden;

/// <summary>
/// The plans reuse the input's arena bytes, so the rule of docs/RUNTIME.md: call <c>SetInput</c> before every
/// <c>Invoke()</c>, from an array the application keeps (a streaming application shifts its own array in place).
/// </summary>
public class InputReuseTests
{
    [SkippableTheory]
    [MemberData(nameof(SharedModels.ModelPlanRows), MemberType = typeof(SharedModels))]
    public void SetInputBeforeEveryInvoke_GivesTheGoldenEveryTime_AndKeptInputsStayIntact(string model, PlanStrategy plan)
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var compiled = SharedModels.Compile(model, plan);
        var c = SharedModels.Cases(model).First();
        var inputs = c.Inputs.Select(File.ReadAllBytes).ToArray();
        var interpreter = new Interpreter(compiled.Image);
        for (int round = 0; round < 2; round++)
        {
            interpreter.ResetState();
            for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, inputs[i]);
            interpreter.Invoke();
            for (int j = 0; j < c.Golden.Length; j++)
                Assert.Equal(File.ReadAllBytes(c.Golden[j]), interpreter.GetOutput(j));
            // What the report says is kept is really intact after Invoke().
            for (int i = 0; i < inputs.Length; i++)
                if (compiled.Report.InputsKept[i])
                    Assert.Equal(inputs[i], interpreter.ReadTensor(interpreter.InputTensor(i)));
        }
    }

    [SkippableFact]
    public void KwsDscnn_InvokeWithoutSetInput_SeesOtherBytes()
    {
        // Why the rule exists: after Invoke() the input tensor holds what later layers wrote over it.
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        string path = Path.Combine(SharedModels.Dir("kws_dscnn"), "model.tflite");
        var compiled = Compiler.Compile(File.ReadAllBytes(path), path);
        Assert.Equal([false], compiled.Report.InputsKept);
        var input = File.ReadAllBytes(Path.Combine(SharedModels.Dir("kws_dscnn"), "inputs", "random_0.input0.bin"));
        var interpreter = new Interpreter(compiled.Image);
        interpreter.SetInput(0, input);
        interpreter.Invoke();
        Assert.NotEqual(input, interpreter.ReadTensor(interpreter.InputTensor(0)));
    }

    [SkippableFact]
    public void MicroSpeech_StreamingApp_ShiftsItsOwnArrayAndSetsItEachTime()
    {
        // A micro_speech-style loop: the application's 49x40 feature array shifts by one row per new slice; the
        // interpreter gets a copy before each Invoke(). Each answer equals a fresh interpreter's on the same features.
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        string path = Path.Combine(SharedModels.Dir("micro_speech"), "model.tflite");
        var image = Compiler.Compile(File.ReadAllBytes(path), path).Image;
        var a = File.ReadAllBytes(Path.Combine(SharedModels.Dir("micro_speech"), "inputs", "random_0.input0.bin"));
        var b = File.ReadAllBytes(Path.Combine(SharedModels.Dir("micro_speech"), "inputs", "random_1.input0.bin"));
        int row = a.Length / 49;
        var features = (byte[])a.Clone();
        var streaming = new Interpreter((byte[])image.Clone());
        for (int slice = 0; slice < 3; slice++)
        {
            Array.Copy(features, row, features, 0, features.Length - row);
            Array.Copy(b, slice * row, features, features.Length - row, row);
            streaming.SetInput(0, features);
            streaming.Invoke();
            var fresh = new Interpreter((byte[])image.Clone());
            fresh.SetInput(0, features);
            fresh.Invoke();
            Assert.Equal(fresh.GetOutput(0), streaming.GetOutput(0));
        }
    }
}
