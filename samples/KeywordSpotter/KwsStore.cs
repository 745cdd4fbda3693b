namespace TinyLite.Samples.KeywordSpotter
{
    /// <summary>
    /// The app's data: both models and the labels embedded as assembly data by samples/build.sh (in flash on a board,
    /// read a chunk at a time into the one array each interpreter keeps), and the audio: the I2S microphone when
    /// built with <c>-p:Microphone=I2s</c>, else the embedded clip demo/kws/clip.wav.
    /// </summary>
    public static class KwsStore
    {
        /// <summary>The front end's image (demo/kws/frontend.tflite compiled by tinylite).</summary>
        public static ChunkedBytes Preprocessor()
        {
            return new EmbeddedBytes("preprocessor", SampleData.preprocessor_FirstChunk, SampleData.preprocessor_Bytes);
        }

        /// <summary>The classifier's image (demo/kws/kws_yes_no.tflite compiled by tinylite).</summary>
        public static ChunkedBytes Classifier()
        {
            return new EmbeddedBytes("classifier", SampleData.classifier_FirstChunk, SampleData.classifier_Bytes);
        }

        /// <summary>The classifier's labels, in output order (demo/kws/labels.txt).</summary>
        public static string[] Labels()
        {
            byte[] text = new byte[SampleData.labels_Bytes];
            new EmbeddedBytes("labels", SampleData.labels_FirstChunk, SampleData.labels_Bytes).Read(0, text, 0, text.Length);
            return AsciiLines.Split(text);
        }

        /// <summary>Where the audio comes from.</summary>
        public static IAudioSource Audio()
        {
#if MICROPHONE_I2S
            // ESP32 DevKit wiring of the sample's README: BCK GPIO 26, WS GPIO 25, microphone data GPIO 33.
            return new I2sMicrophone(26, 25, 33);
#else
            return new ClipAudioSource(new EmbeddedBytes("clip.wav", SampleData.clip_FirstChunk, SampleData.clip_Bytes), SampleData.clip_Bytes);
#endif
        }
    }
}
