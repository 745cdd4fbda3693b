using System.Buffers.Binary;
using System.Text;

namespace TinyLite.Codegen.Audio;

/// <summary>
/// Reads the audio the speech pipeline takes on the host: a RIFF/WAVE file of 16 kHz mono 16-bit PCM, nothing else
/// (no resampling, no channel mixing). Every other file fails with an <see cref="InvalidDataException"/> whose
/// message is one line naming the file and what is wrong (rate, channels, format, bits, truncation, emptiness).
/// </summary>
public static class WavFile
{
    /// <summary>The one sample rate accepted.</summary>
    public const int SampleRateHz = 16000;

    private const int FormatPcm = 1;
    private const int FormatExtensible = 0xFFFE;

    /// <summary>The samples of the WAV file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not 16 kHz mono 16-bit PCM, or is damaged.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static short[] Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>The samples of WAV file bytes <paramref name="bytes"/>; <paramref name="name"/> starts every error message.</summary>
    /// <exception cref="InvalidDataException">The bytes are not 16 kHz mono 16-bit PCM, or are damaged.</exception>
    public static short[] Parse(byte[] bytes, string name)
    {
        if (bytes.Length == 0) throw Bad(name, "empty file (0 bytes), not a WAV file");
        if (bytes.Length < 12) throw Bad(name, $"truncated: {bytes.Length} bytes, shorter than a RIFF/WAVE header (12)");
        if (Tag(bytes, 0) != "RIFF" || Tag(bytes, 8) != "WAVE") throw Bad(name, "not a RIFF/WAVE file");

        bool haveFormat = false;
        int pos = 12;
        while (pos < bytes.Length)
        {
            if (bytes.Length - pos < 8) throw Bad(name, $"truncated: a chunk header at byte {pos} is cut off");
            string id = Tag(bytes, pos);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 4));
            int body = pos + 8;
            long left = bytes.Length - body;
            if (id == "fmt ")
            {
                if (size < 16 || left < 16) throw Bad(name, $"truncated: the 'fmt ' chunk has {Math.Min(size, left)} of its 16 bytes");
                CheckFormat(bytes.AsSpan(body, (int)Math.Min(size, left)), name);
                haveFormat = true;
            }
            else if (id == "data")
            {
                if (!haveFormat) throw Bad(name, "the 'data' chunk comes before any 'fmt ' chunk");
                if (size > left) throw Bad(name, $"truncated: the 'data' chunk declares {size} bytes, the file holds {left}");
                if (size % 2 != 0) throw Bad(name, $"the 'data' chunk holds {size} bytes, not a whole number of 16-bit samples");
                var samples = new short[size / 2];
                for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2 * i));
                return samples;
            }
            if (size > left) throw Bad(name, $"truncated: the '{Printable(id)}' chunk declares {size} bytes, the file holds {left}");
            // Chunks are padded to an even length.
            pos = body + (int)size + (int)(size & 1);
        }
        throw Bad(name, haveFormat ? "no 'data' chunk (no audio)" : "no 'fmt ' chunk");
    }

    /// <summary>Writes <paramref name="samples"/> as a 16 kHz mono 16-bit PCM WAV file (the form <see cref="Read"/> accepts).</summary>
    public static byte[] Write(short[] samples)
    {
        int dataBytes = samples.Length * 2;
        var bytes = new byte[44 + dataBytes];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + dataBytes);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(bytes, 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), FormatPcm);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), SampleRateHz);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), SampleRateHz * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(bytes, 36);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), dataBytes);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + 2 * i), samples[i]);
        return bytes;
    }

    // The 16 bytes every 'fmt ' chunk starts with: format tag, channels, rate, byte rate, block align, bits.
    private static void CheckFormat(ReadOnlySpan<byte> fmt, string name)
    {
        int format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        long rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        const string need = "the speech pipeline needs 16000 Hz mono 16-bit PCM (convert it, e.g. sox IN.wav -r 16000 -c 1 -b 16 -e signed-integer OUT.wav)";
        // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID (byte 24).
        if (format == FormatExtensible && fmt.Length >= 26) format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        if (format != FormatPcm) throw Bad(name, $"audio format {format} ({FormatName(format)}); {need}");
        if (channels != 1) throw Bad(name, $"{channels} channels; {need}");
        if (rate != SampleRateHz) throw Bad(name, $"sample rate {rate} Hz; {need}");
        if (bits != 16) throw Bad(name, $"{bits}-bit samples; {need}");
    }

    private static string FormatName(int format) => format switch
    {
        2 => "ADPCM",
        3 => "IEEE float",
        6 => "A-law",
        7 => "mu-law",
        FormatExtensible => "extensible, sub-format unreadable",
        _ => "not PCM",
    };

    private static string Tag(byte[] bytes, int at) => Encoding.ASCII.GetString(bytes, at, 4);

    private static string Printable(string id) => new(id.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    private static InvalidDataException Bad(string name, string what) => new($"{name}: {what}");
}
