using System;
using nanoFramework.TestFramework;
using TinyLite.Runtime.Image;
using TinyLite.Samples;
using TinyLite.Samples.KeywordSpotter;

namespace TinyLite.DeviceTests
{
    /// <summary>
    /// What the sample apps (samples/) read with: the chunked image loader (one array of the header's length, reads
    /// ending on chunk boundaries), the WAV header walk of KeywordSpotter and the labels' line splitter.
    /// </summary>
    [TestClass]
    public class SampleLoadingTests
    {
        [TestMethod]
        public void ImageBuffer_FillsOneArrayOfTheHeadersLength_InChunkAlignedReads()
        {
            byte[] file = new byte[10000 + 7]; // 7 bytes past the image's end must not be read
            Header(file, 10000);
            for (int i = 12; i < file.Length; i++)
            {
                file[i] = (byte)(i * 7);
            }
            RecordingBytes source = new RecordingBytes(file);

            byte[] image = ImageBuffer.Load(source);

            Assert.AreEqual(10000, image.Length);
            for (int i = 0; i < image.Length; i++)
            {
                if (image[i] != file[i])
                {
                    Assert.Fail("byte " + i.ToString() + " differs");
                }
            }
            // The header's first 12 bytes, then up to each 4096-byte boundary: [12, 4096), [4096, 8192), [8192, 10000).
            Assert.AreEqual("0+12 12+4084 4096+4096 8192+1808", source.Reads.Trim());
        }

        [TestMethod]
        public void ImageBuffer_RefusesBytesWithoutTheMagic()
        {
            byte[] file = new byte[100];
            Header(file, 100);
            file[0] = (byte)'X';
            Exception e = Assert.ThrowsException(typeof(ImageException), () => ImageBuffer.Load(new RecordingBytes(file)));
            Assert.Contains("not a TinyLite image", e.Message);
        }

        [TestMethod]
        public void ImageBuffer_RefusesALengthSmallerThanAHeader()
        {
            byte[] file = new byte[100];
            Header(file, 47);
            Exception e = Assert.ThrowsException(typeof(ImageException), () => ImageBuffer.Load(new RecordingBytes(file)));
            Assert.Contains("(47) is smaller than a header", e.Message);
        }

        [TestMethod]
        public void WavPcm_SkipsOtherChunks_WithTheirPadByte()
        {
            // RIFF header (12), fmt chunk (8 + 16), a LIST chunk of 3 bytes + 1 pad byte (8 + 4), data chunk header (8).
            byte[] wav = Wav(16000, 1, 16, new byte[] { (byte)'L', (byte)'I', (byte)'S', (byte)'T', 3, 0, 0, 0, 1, 2, 3, 0 }, 6);
            WavPcm pcm = new WavPcm(new RecordingBytes(wav), wav.Length);
            Assert.AreEqual(12 + 24 + 12 + 8, pcm.DataOffset);
            Assert.AreEqual(6, pcm.DataBytes);
        }

        [TestMethod]
        public void WavPcm_RefusesAnotherRate_AndATruncatedFile()
        {
            byte[] wav = Wav(8000, 1, 16, new byte[0], 6);
            Exception e = Assert.ThrowsException(typeof(ArgumentException), () => new WavPcm(new RecordingBytes(wav), wav.Length));
            Assert.Contains("8000 Hz", e.Message);

            wav = Wav(16000, 1, 16, new byte[0], 6);
            e = Assert.ThrowsException(typeof(ArgumentException), () => new WavPcm(new RecordingBytes(wav), wav.Length - 2));
            Assert.Contains("truncated", e.Message);

            wav[0] = (byte)'X';
            e = Assert.ThrowsException(typeof(ArgumentException), () => new WavPcm(new RecordingBytes(wav), wav.Length));
            Assert.Contains("not a RIFF/WAVE file", e.Message);
        }

        [TestMethod]
        public void AsciiLines_SplitsOnLineEnds_AndDropsEmptyLines()
        {
            byte[] text = new byte[] { (byte)'y', (byte)'e', (byte)'s', 13, 10, 10, (byte)'n', (byte)'o', 10 };
            string[] lines = AsciiLines.Split(text);
            Assert.AreEqual(2, lines.Length);
            Assert.AreEqual("yes", lines[0]);
            Assert.AreEqual("no", lines[1]);
        }

        // "TLIM" and image_bytes; the rest of the header does not matter to the loader.
        private static void Header(byte[] file, int imageBytes)
        {
            file[0] = (byte)'T';
            file[1] = (byte)'L';
            file[2] = (byte)'I';
            file[3] = (byte)'M';
            file[8] = (byte)imageBytes;
            file[9] = (byte)(imageBytes >> 8);
            file[10] = (byte)(imageBytes >> 16);
            file[11] = (byte)(imageBytes >> 24);
        }

        // A WAV file: RIFF/WAVE, a PCM fmt chunk, the extra chunk bytes, a data chunk of dataBytes zero bytes.
        private static byte[] Wav(int rate, int channels, int bits, byte[] extra, int dataBytes)
        {
            byte[] wav = new byte[12 + 24 + extra.Length + 8 + dataBytes];
            Put(wav, 0, "RIFF");
            Int32(wav, 4, wav.Length - 8);
            Put(wav, 8, "WAVE");
            Put(wav, 12, "fmt ");
            Int32(wav, 16, 16);
            wav[20] = 1; // PCM
            wav[22] = (byte)channels;
            Int32(wav, 24, rate);
            Int32(wav, 28, rate * channels * bits / 8);
            wav[32] = (byte)(channels * bits / 8);
            wav[34] = (byte)bits;
            Array.Copy(extra, 0, wav, 36, extra.Length);
            int data = 36 + extra.Length;
            Put(wav, data, "data");
            Int32(wav, data + 4, dataBytes);
            return wav;
        }

        private static void Put(byte[] data, int offset, string id)
        {
            for (int i = 0; i < id.Length; i++)
            {
                data[offset + i] = (byte)id[i];
            }
        }

        private static void Int32(byte[] data, int offset, int value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Bytes in an array, recording each read as "position+count ".</summary>
        private sealed class RecordingBytes : ChunkedBytes
        {
            private readonly byte[] _data;

            public RecordingBytes(byte[] data)
            {
                _data = data;
                Reads = "";
            }

            public string Reads;

            public override string Description
            {
                get { return "test bytes"; }
            }

            public override void Read(int position, byte[] destination, int destinationOffset, int count)
            {
                Reads += position.ToString() + "+" + count.ToString() + " ";
                Array.Copy(_data, position, destination, destinationOffset, count);
            }
        }
    }
}
