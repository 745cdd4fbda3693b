using TinyLite.Codegen.Tflite;

namespace TinyLite.Tests.Tflite;

/// <summary>Write then read gives back the same graph, for every golden model.</summary>
public class TfliteRoundTripTests
{
    [SharedModelTheory]
    [MemberData(nameof(SharedModelIndex.AllDirs), MemberType = typeof(SharedModelIndex))]
    public void WriteThenRead_SharedModel_GivesSameGraph(string dir)
    {
        var original = TfliteReader.ReadFile(SharedModelIndex.ModelPath(dir));

        byte[] written = TfliteWriter.Write(original);
        var reread = TfliteReader.Read(written, "written.tflite");

        GraphAssert.Equal(original, reread);
        // Writing is deterministic: the re-read graph writes to the same bytes.
        Assert.Equal(written, TfliteWriter.Write(reread));
    }
}
