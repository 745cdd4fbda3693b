using TinyLite.Codegen.Demo;
using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Demo;

public class LineDetectorModelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Compile_ThroughTfliteFile_RecognisesEachPictureKind(int kind)
    {
        // The expected class is the kind the picture was drawn as, not anything the runtime computed.
        var tflite = TfliteWriter.Write(LineDetectorModel.Build());
        var interpreter = new Interpreter(Compiler.Compile(tflite, "line_detector.tflite").Image);
        for (int seed = 0; seed < 5; seed++)
        {
            interpreter.SetInput(0, LineDetectorModel.Picture(LineDetectorModel.Classes[kind], seed));
            interpreter.Invoke();
            var scores = interpreter.GetOutput(0).Select(b => (sbyte)b).ToArray();
            Assert.Equal(kind, Array.IndexOf(scores, scores.Max()));
        }
    }
}
