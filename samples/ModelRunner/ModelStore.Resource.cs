#if MODEL_FROM_RESOURCE
using TinyLite.Runtime;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>
    /// Build with <c>-p:ModelSource=Resource</c>: the image is a binary resource of the app (a file resource named
    /// <c>model</c> in Resources.resx, whose Resources class nanoFramework's project system generates). The
    /// resource stays in the deployed assembly in flash; <see cref="ResourceBytes"/> reads it a chunk at a time into
    /// the interpreter's array, where <c>Resources.GetBytes</c> would return it as one array of its own. Needs the
    /// nanoFramework.ResourceManager package (not served on this repository's build machines).
    /// </summary>
    public static class ModelStore
    {
        /// <summary>Where the image comes from, for the app's first line.</summary>
        public static string Where
        {
            get { return "the binary resource 'model'"; }
        }

        /// <summary>The image resource, to be read in chunks.</summary>
        public static ChunkedBytes Image()
        {
            return new ResourceBytes();
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
