using TinyLite.Runtime;
using TinyLite.Runtime.Execution;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>Inputs for a model when the app has none of its own.</summary>
    public static class ModelInputs
    {
        /// <summary>Fills an int8/uint8 input with its zero point (a real 0); other types stay all-zero bytes (also 0).</summary>
        public static void FillWithZeroPoint(byte[] input, Interpreter interpreter, int tensor)
        {
            int type = interpreter.TensorTypeOf(tensor);
            if (type == TensorType.Int8 || type == TensorType.UInt8)
            {
                byte zero = (byte)interpreter.TensorZeroPoint(tensor);
                for (int i = 0; i < input.Length; i++)
                {
                    input[i] = zero;
                }
            }
        }
    }
}
