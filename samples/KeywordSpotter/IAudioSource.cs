namespace TinyLite.Samples.KeywordSpotter
{
    /// <summary>Where the audio comes from: 16 kHz mono 16-bit little-endian PCM, as bytes.</summary>
    public interface IAudioSource
    {
        /// <summary>What the source is, for the app's output.</summary>
        string Description { get; }

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of PCM into <paramref name="buffer"/> at <paramref name="offset"/>
        /// (waiting for them, for a microphone); returns how many, 0 at the end of a recording.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
