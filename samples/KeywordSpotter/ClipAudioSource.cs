namespace TinyLite.Samples.KeywordSpotter
{
    /// <summary>
    /// A recorded WAV clip embedded in the app (samples/build.sh embeds demo/kws/clip.wav) standing in for the
    /// microphone: the same bytes an I2S read would give, read a piece at a time, then the end.
    /// </summary>
    public sealed class ClipAudioSource : IAudioSource
    {
        private readonly ChunkedBytes _file;
        private readonly WavPcm _wav;
        private int _read;

        /// <summary>The WAV file <paramref name="file"/> of <paramref name="fileBytes"/> bytes.</summary>
        public ClipAudioSource(ChunkedBytes file, int fileBytes)
        {
            _file = file;
            _wav = new WavPcm(file, fileBytes);
        }

        /// <inheritdoc/>
        public string Description
        {
            get { return _file.Description; }
        }

        /// <summary>Samples in the clip.</summary>
        public int Samples
        {
            get { return _wav.DataBytes / 2; }
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            int left = _wav.DataBytes - _read;
            int n = count < left ? count : left;
            if (n > 0)
            {
                _file.Read(_wav.DataOffset + _read, buffer, offset, n);
                _read += n;
            }
            return n;
        }
    }
}
