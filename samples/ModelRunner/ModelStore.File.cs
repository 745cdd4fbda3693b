#if MODEL_FROM_FILE
using TinyLite.Runtime;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>
    /// Build with <c>-p:ModelSource=File</c>: the image is a file on the board's storage (internal flash file system
    /// or an SD card), copied there once (for example with the Device Explorer's file upload, or written by the app
    /// itself from a download), and read straight into the interpreter's array: no chunk is allocated at all.
    /// Needs the nanoFramework.System.IO.FileSystem package (not served on this repository's build machines).
    /// </summary>
    public static class ModelStore
    {
        /// <summary>The image on the board's internal storage (ESP32: I:, the SPIFFS/littlefs partition; SD cards: D:).</summary>
        public const string ImagePath = "I:\\model.tlm";

        /// <summary>Where the image comes from, for the app's first line.</summary>
        public static string Where
        {
            get { return "the file " + ImagePath; }
        }

        /// <summary>The image file, to be read in chunks.</summary>
        public static ChunkedBytes Image()
        {
            return new FileBytes(ImagePath);
        }

        /// <summary>Input 0: the input's zero point everywhere (put your sensor's data here).</summary>
        public static byte[] Input(Interpreter interpreter)
        {
            int tensor = interpreter.InputTensor(0);
            byte[] input = new byte[interpreter.TensorByteSize(tensor)];
            ModelInputs.FillWithZeroPoint(input, interpreter, tensor);
            return input;
        }

        /// <summary>No class names in this build.</summary>
        public static string[] Labels()
        {
            return null;
        }
    }
}
#endif
