using System.Buffers.Binary;
using System.Text;

namespace TinyLite.KwsTrain;

/// <summary>16-bit PCM WAV files, mono (the only kind this tool reads and writes).</summary>
public static class Wav
{
    /// <summary>The samples and rate of a 16-bit PCM mono WAV file.</summary>
    public static (short[] Samples, int Rate) Read(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        if (b.Length < 12 || Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || Encoding.ASCII.GetString(b, 8, 4) != "WAVE")
            throw new InvalidDataException($"{path}: not a RIFF/WAVE file");
        int at = 12, rate = 0, channels = 0, bits = 0;
        while (at + 8 <= b.Length)
        {
            string id = Encoding.ASCII.GetString(b, at, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at + 4));
            // espeak-ng writes 0x7fffffff as the data size when it streams; take what is there.
            if (size < 0 || at + 8 + size > b.Length) size = b.Length - at - 8;
            if (id == "fmt ")
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(at + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at + 12));
                bits = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(at + 22));
            }
            else if (id == "data")
            {
                if (channels != 1 || bits != 16) throw new InvalidDataException($"{path}: {channels} channels, {bits} bits; want mono 16-bit");
                var samples = new short[size / 2];
                for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(at + 8 + 2 * i));
                return (samples, rate);
            }
            at += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path}: no data chunk");
    }

    /// <summary>Writes <paramref name="samples"/> as a 16-bit PCM mono WAV file at <paramref name="rate"/> Hz.</summary>
    public static void Write(string path, short[] samples, int rate)
    {
        var b = new byte[44 + samples.Length * 2];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(b, 0);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), 36 + samples.Length * 2);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(b, 8);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(b, 36);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(40), samples.Length * 2);
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(44 + 2 * i), samples[i]);
        File.WriteAllBytes(path, b);
    }
}
