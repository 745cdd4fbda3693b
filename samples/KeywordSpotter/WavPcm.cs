using System;

namespace TinyLite.Samples.KeywordSpotter
{
    /// <summary>
    /// Finds the samples of a RIFF/WAVE file of 16 kHz mono 16-bit PCM (no WAV library on the device): walks the
    /// chunks to "fmt " (checked) and "data" (where the samples are).
    /// </summary>
    public sealed class WavPcm
    {
        private const int RiffHeaderBytes = 12;
        private const int ChunkHeaderBytes = 8;

        /// <summary>Byte offset of the first sample in the file.</summary>
        public readonly int DataOffset;

        /// <summary>Bytes of samples (an even number).</summary>
        public readonly int DataBytes;

        /// <summary>Reads the header of <paramref name="file"/> (<paramref name="fileBytes"/> long).</summary>
        /// <exception cref="ArgumentException">Not a WAV file of 16 kHz mono 16-bit PCM, or truncated.</exception>
        public WavPcm(ChunkedBytes file, int fileBytes)
        {
            byte[] head = new byte[ChunkHeaderBytes + 16];
            if (fileBytes < RiffHeaderBytes)
            {
                throw new ArgumentException(file.Description + ": too short for a WAV file");
            }
            file.Read(0, head, 0, RiffHeaderBytes);
            if (!Is(head, 0, "RIFF") || !Is(head, 8, "WAVE"))
            {
                throw new ArgumentException(file.Description + ": not a RIFF/WAVE file");
            }
            bool format = false;
            int at = RiffHeaderBytes;
            while (at + ChunkHeaderBytes <= fileBytes)
            {
                file.Read(at, head, 0, ChunkHeaderBytes);
                int size = Int32(head, 4);
                int body = at + ChunkHeaderBytes;
                if (size < 0 || body + size > fileBytes)
                {
                    throw new ArgumentException(file.Description + ": truncated (a chunk runs past the end)");
                }
                if (Is(head, 0, "fmt "))
                {
                    if (size < 16)
                    {
                        throw new ArgumentException(file.Description + ": the fmt chunk is too short");
                    }
                    file.Read(body, head, ChunkHeaderBytes, 16);
                    int kind = Int16(head, 8), channels = Int16(head, 10), rate = Int32(head, 12), bits = Int16(head, 22);
                    if (kind != 1 || channels != 1 || rate != 16000 || bits != 16)
                    {
                        throw new ArgumentException(file.Description + ": not 16 kHz mono 16-bit PCM (format " + kind.ToString() + ", "
                            + channels.ToString() + " channels, " + rate.ToString() + " Hz, " + bits.ToString() + " bits)");
                    }
                    format = true;
                }
                else if (Is(head, 0, "data"))
                {
                    if (!format)
                    {
                        throw new ArgumentException(file.Description + ": the data chunk comes before the fmt chunk");
                    }
                    DataOffset = body;
                    DataBytes = size & ~1;
                    return;
                }
                at = body + size + (size & 1); // chunks are padded to an even length
            }
            throw new ArgumentException(file.Description + ": no data chunk");
        }

        private static bool Is(byte[] data, int offset, string id)
        {
            for (int i = 0; i < 4; i++)
            {
                if (data[offset + i] != (byte)id[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static int Int16(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8);
        }

        private static int Int32(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24);
        }
    }
}
