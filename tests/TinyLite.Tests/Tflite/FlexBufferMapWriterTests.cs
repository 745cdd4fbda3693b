using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Tflite;

/// <summary>The FlexBuffer map writer (custom options of the Signal operators) read back by <see cref="FlexBufferMap"/>.</summary>
public class FlexBufferMapWriterTests
{
    [Fact]
    public void Write_BoolsAndNegatives_RoundTrip()
    {
        byte[] bytes = FlexBufferMapWriter.Write([("clamping", 1), ("smoothing", 409), ("offset", -3)], ["clamping"]);
        var map = FlexBufferMap.Parse(bytes);
        Assert.Equal(["clamping", "offset", "smoothing"], map.Keys);
        Assert.True(map.Bool("clamping"));
        Assert.Equal(409, map.Int32("smoothing"));
        Assert.Equal(-3, map.Int32("offset"));
        // BOOL type (26) packed with width 8 (3) in the clamping slot's type byte.
        Assert.Contains((byte)((26 << 2) | 3), bytes);
    }

    [Fact]
    public void Write_EmptyMap_ParsesWithNoKeys()
    {
        Assert.Empty(FlexBufferMap.Parse(FlexBufferMapWriter.Write()).Keys);
    }

    [Fact]
    public void Write_DuplicateKey_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => FlexBufferMapWriter.Write(("shift", 1), ("shift", 2)));
        Assert.Contains("shift", e.Message);
    }

    /// <summary>Every Signal operator's TFLM-written options, rewritten by our writer, read back to the same map.</summary>
    [SkippableFact]
    public void Write_TflmOptionsOfThePreprocessor_RoundTripToTheSameValues()
    {
        Skip.If(SharedModels.Root == null, SharedModels.MissingMessage);
        var graph = TfliteReader.ReadFile(Path.Combine(SharedModels.Dir("micro_speech_audio_preprocessor_int8"), "model.tflite"));
        int checkedOps = 0;
        foreach (var op in graph.Operators.Where(o => o.CustomOptions != null))
        {
            var tflm = FlexBufferMap.Parse(op.CustomOptions);
            var again = FlexBufferMap.Parse(FlexBufferMapWriter.Write(tflm.Keys.Select(k => (k, (long)tflm.Int32(k))).ToArray()));
            Assert.Equal(tflm.Keys, again.Keys);
            foreach (string k in tflm.Keys) Assert.Equal(tflm.Int32(k), again.Int32(k));
            checkedOps++;
        }
        Assert.Equal(9, checkedOps);
    }
}
