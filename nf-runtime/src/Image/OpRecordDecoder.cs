using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// Decodes an operator record of the image (docs/FORMAT.md, "Operator record") into one reusable
    /// <see cref="OpRecord"/>, right before its kernel runs. The record's tensor indices and parameters go into
    /// arrays made once at load, one per distinct length and role seen in the image, so decoding allocates nothing
    /// and the interpreter's memory does not grow with the number of kernel calls (streamed plans have hundreds of
    /// row-band calls). Kept by the interpreter for its lifetime.
    /// </summary>
    internal sealed class OpRecordDecoder
    {
        private readonly OpRecord _op;
        private readonly int[] _inputLengths;
        private readonly int[][] _inputArrays;
        private readonly int[] _outputLengths;
        private readonly int[][] _outputArrays;
        private readonly int[] _paramLengths;
        private readonly int[][] _paramArrays;

        /// <summary>A decoder for records whose input, output and parameter counts are among the given
        /// (distinct) lengths; it keeps the arrays, one array of each length.</summary>
        public OpRecordDecoder(int[] inputLengths, int[] outputLengths, int[] paramLengths)
        {
            _inputLengths = inputLengths;
            _inputArrays = ArraysOf(inputLengths);
            _outputLengths = outputLengths;
            _outputArrays = ArraysOf(outputLengths);
            _paramLengths = paramLengths;
            _paramArrays = ArraysOf(paramLengths);
            _op = new OpRecord();
        }

        /// <summary>
        /// Decodes the record at byte <paramref name="at"/> of <paramref name="image"/> into the reusable record and its
        /// arrays, and returns it (valid until the next call). Only for records the loader accepted
        /// (<see cref="ImageValidator.CheckOpRecord"/>): their counts are then lengths this decoder knows.
        /// </summary>
        public OpRecord Decode(byte[] image, int at)
        {
            byte[] b = image;
            OpRecord op = _op;
            int p = at + ImageLayout.OpOffCode;
            op.Code = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            p = at + ImageLayout.OpOffSourceIndex;
            op.SourceIndex = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            p = at + ImageLayout.OpOffInputCount;
            int[] inputs = Pick(_inputLengths, _inputArrays, b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24));
            p = at + ImageLayout.OpOffOutputCount;
            int[] outputs = Pick(_outputLengths, _outputArrays, b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24));
            p = at + ImageLayout.OpOffParamCount;
            int[] parameters = Pick(_paramLengths, _paramArrays, b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24));
            p = at + ImageLayout.OpRecordHeaderBytes;
            for (int i = 0; i < inputs.Length; i++, p += 4)
            {
                inputs[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            }
            for (int i = 0; i < outputs.Length; i++, p += 4)
            {
                outputs[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            }
            for (int i = 0; i < parameters.Length; i++, p += 4)
            {
                parameters[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            }
            op.Inputs = inputs;
            op.Outputs = outputs;
            op.Params = parameters;
            return op;
        }

        /// <summary>The reusable array of length <paramref name="length"/> (one of <paramref name="lengths"/>).</summary>
        private static int[] Pick(int[] lengths, int[][] arrays, int length)
        {
            int k = 0;
            while (lengths[k] != length)
            {
                k++;
            }
            return arrays[k];
        }

        private static int[][] ArraysOf(int[] lengths)
        {
            int[][] arrays = new int[lengths.Length][];
            for (int k = 0; k < lengths.Length; k++)
            {
                arrays[k] = new int[lengths[k]];
            }
            return arrays;
        }
    }
}
