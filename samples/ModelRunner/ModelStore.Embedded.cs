#if !MODEL_FROM_FILE && !MODEL_FROM_RESOURCE
using TinyLite.Runtime;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>
    /// The default build: the image, an input and the labels embedded in the app as assembly data by
    /// samples/build.sh (samples/tools/embed_data.py), so the app runs on any nanoCLR, including the posix one of
    /// the nanoCLR lane, which has no storage. The data stays in the deployed assembly (flash on a board); reading
    /// it allocates one chunk at a time.
    /// </summary>
    public static class ModelStore
    {
        /// <summary>Where the image comes from, for the app's first line.</summary>
        public static string Where
        {
            get { return "assembly data (embedded by samples/build.sh)"; }
        }

        /// <summary>The image, to be read in chunks.</summary>
        public static ChunkedBytes Image()
        {
            return new EmbeddedBytes("model", SampleData.model_FirstChunk, SampleData.model_Bytes);
        }

        /// <summary>Input 0 for the model: the embedded input when its size fits, else the input's zero point everywhere.</summary>
        public static byte[] Input(Interpreter interpreter)
        {
            int tensor = interpreter.InputTensor(0);
            byte[] input = new byte[interpreter.TensorByteSize(tensor)];
            if (SampleData.input_Bytes == input.Length)
            {
                new EmbeddedBytes("input", SampleData.input_FirstChunk, SampleData.input_Bytes).Read(0, input, 0, input.Length);
            }
            else
            {
                ModelInputs.FillWithZeroPoint(input, interpreter, tensor);
            }
            return input;
        }

        /// <summary>The class names, one a line in the embedded labels file; null when it is empty.</summary>
        public static string[] Labels()
        {
            EmbeddedBytes file = new EmbeddedBytes("labels", SampleData.labels_FirstChunk, SampleData.labels_Bytes);
            if (file.Length == 0)
            {
                return null;
            }
            byte[] text = new byte[file.Length];
            file.Read(0, text, 0, text.Length);
            return AsciiLines.Split(text);
        }
    }
}
#endif
