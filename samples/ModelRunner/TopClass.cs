using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Math;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>The largest element of a classifier's output and its value dequantized.</summary>
    public static class TopClass
    {
        /// <summary>Index of the largest element (the first of equal ones) of an output of <paramref name="type"/>.</summary>
        public static int Of(byte[] output, int type)
        {
            int count = output.Length / ElementBytes(type);
            int best = 0;
            for (int i = 1; i < count; i++)
            {
                if (Value(output, i, type) > Value(output, best, type))
                {
                    best = i;
                }
            }
            return best;
        }

        /// <summary>Element <paramref name="index"/> dequantized ((q - zero point) × scale; float32 as it is), 3 decimals.</summary>
        public static string Score(byte[] output, int index, int type, int scaleBits, int zeroPoint)
        {
            float raw = Value(output, index, type);
            float value = type == TensorType.Float32 || scaleBits == 0 ? raw : (raw - zeroPoint) * FloatBits.FromBits(scaleBits);
            return value.ToString("F3");
        }

        private static int ElementBytes(int type)
        {
            switch (type)
            {
                case TensorType.Int8:
                case TensorType.UInt8:
                    return 1;
                case TensorType.Int16:
                    return 2;
                default:
                    return 4;
            }
        }

        private static float Value(byte[] data, int index, int type)
        {
            switch (type)
            {
                case TensorType.Int8:
                    return (sbyte)data[index];
                case TensorType.UInt8:
                    return data[index];
                case TensorType.Int16:
                    return (short)(data[2 * index] | (data[2 * index + 1] << 8));
                case TensorType.Float32:
                    return FloatBits.FromBits(Int32At(data, 4 * index));
                default:
                    return Int32At(data, 4 * index);
            }
        }

        private static int Int32At(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24);
        }
    }
}
