using System.Text;
using TinyLite.Codegen.Audio;

namespace TinyLite.Tests.Speech;

/// <summary>
/// The host WAV reader: 16 kHz mono 16-bit PCM is read exactly; every other file (rate, channels, format, bits,
/// truncation, emptiness) fails with one clear line. The WAV files are made here, byte by byte.
/// </summary>
public class WavFileTests
{
    /// <summary>A WAV file: RIFF header, a 16-byte 'fmt ' chunk with these fields, extra chunks, then 'data'.</summary>
    private static byte[] Wav(byte[] data, int format = 1, int channels = 1, int rate = 16000, int bits = 16, byte[]? before = null, int? declaredData = null)
    {
        var b = new List<byte>();
        b.AddRange("RIFF"u8.ToArray());
        b.AddRange(new byte[4]);
        b.AddRange("WAVEfmt "u8.ToArray());
        b.AddRange(Le32(16));
        b.AddRange(Le16(format));
        b.AddRange(Le16(channels));
        b.AddRange(Le32(rate));
        b.AddRange(Le32(rate * channels * bits / 8));
        b.AddRange(Le16(channels * bits / 8));
        b.AddRange(Le16(bits));
        if (before != null) b.AddRange(before);
        b.AddRange("data"u8.ToArray());
        b.AddRange(Le32(declaredData ?? data.Length));
        b.AddRange(data);
        byte[] bytes = b.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        return bytes;
    }

    private static byte[] Le16(int v) => [(byte)v, (byte)(v >> 8)];

    private static byte[] Le32(int v) => [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)];

    private static string ErrorOf(byte[] bytes)
    {
        var e = Assert.Throws<InvalidDataException>(() => WavFile.Parse(bytes, "clip.wav"));
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("clip.wav: ", e.Message);
        return e.Message;
    }

    [Fact]
    public void Pcm16kMono_ReadsTheSamplesLittleEndian()
    {
        // 0x0001 = 1, 0xFFFF = -1, 0x8000 = -32768, 0x7FFF = 32767
        byte[] data = [0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80, 0xFF, 0x7F];
        Assert.Equal(new short[] { 1, -1, -32768, 32767 }, WavFile.Parse(Wav(data), "clip.wav"));
    }

    [Fact]
    public void OtherChunks_AreSkipped_WithTheirPadByte()
    {
        // A 3-byte LIST chunk is followed by one pad byte before 'data'.
        byte[] list = [.. "LIST"u8.ToArray(), .. Le32(3), 0x61, 0x62, 0x63, 0x00];
        Assert.Equal(new short[] { 258 }, WavFile.Parse(Wav([0x02, 0x01], before: list), "clip.wav"));
    }

    [Fact]
    public void Write_ThenParse_GivesTheSamplesBack()
    {
        short[] samples = [0, 1, -1, 12345, -32768, 32767];
        Assert.Equal(samples, WavFile.Parse(WavFile.Write(samples), "clip.wav"));
    }

    [Fact]
    public void WrongSampleRate_IsRefused() =>
        Assert.Contains("sample rate 44100 Hz; the speech pipeline needs 16000 Hz mono 16-bit PCM", ErrorOf(Wav([0, 0], rate: 44100)));

    [Fact]
    public void Stereo_IsRefused() =>
        Assert.Contains("2 channels; the speech pipeline needs 16000 Hz mono", ErrorOf(Wav([0, 0, 0, 0], channels: 2)));

    [Fact]
    public void FloatFormat_IsRefused() =>
        Assert.Contains("audio format 3 (IEEE float)", ErrorOf(Wav([0, 0, 0, 0], format: 3, bits: 32)));

    [Fact]
    public void EightBitPcm_IsRefused() =>
        Assert.Contains("8-bit samples", ErrorOf(Wav([0, 0], bits: 8)));

    [Fact]
    public void EmptyFile_IsRefused() =>
        Assert.Equal("clip.wav: empty file (0 bytes), not a WAV file", ErrorOf([]));

    [Fact]
    public void NotRiff_IsRefused() =>
        Assert.Equal("clip.wav: not a RIFF/WAVE file", ErrorOf(Encoding.ASCII.GetBytes("ID3 this is an mp3, honest")));

    [Fact]
    public void TruncatedData_IsRefused()
    {
        byte[] whole = Wav(new byte[100]);
        Assert.Equal("clip.wav: truncated: the 'data' chunk declares 100 bytes, the file holds 60",
            ErrorOf(whole.AsSpan(0, whole.Length - 40).ToArray()));
    }

    [Fact]
    public void TruncatedHeader_IsRefused()
    {
        byte[] whole = Wav(new byte[4]);
        Assert.Contains("truncated: 7 bytes", ErrorOf(whole.AsSpan(0, 7).ToArray()));
        Assert.Contains("truncated: the 'fmt ' chunk has", ErrorOf(whole.AsSpan(0, 30).ToArray()));
        Assert.Contains("truncated: a chunk header at byte 36 is cut off", ErrorOf(whole.AsSpan(0, 40).ToArray()));
    }

    [Fact]
    public void OddDataLength_AndMissingChunks_AreRefused()
    {
        Assert.Contains("not a whole number of 16-bit samples", ErrorOf(Wav([1, 2, 3])));
        byte[] noData = Wav([]).AsSpan(0, 36).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(noData.AsSpan(4), noData.Length - 8);
        Assert.Equal("clip.wav: no 'data' chunk (no audio)", ErrorOf(noData));
    }

    [Fact]
    public void Read_OfAMissingFile_SaysSo()
    {
        string path = Path.Combine(Path.GetTempPath(), "tinylite-no-such-" + Guid.NewGuid().ToString("N") + ".wav");
        var e = Assert.Throws<FileNotFoundException>(() => WavFile.Read(path));
        Assert.Equal($"{path}: no such file", e.Message);
    }
}
