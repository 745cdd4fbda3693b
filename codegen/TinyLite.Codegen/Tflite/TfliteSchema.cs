namespace TinyLite.Codegen.Tflite;

/// <summary>
/// Field ids (vtable slot = 4 + 2 * id) of the parts of TFLite's <c>schema.fbs</c> the reader and writer use.
/// A union field takes two ids: its type byte, then the offset. Numbers follow the declaration order in the schema.
/// </summary>
internal static class TfliteSchema
{
    /// <summary>The schema version this code reads and writes.</summary>
    public const uint Version = 3;

    /// <summary>Flatbuffer file identifier of TFLite models.</summary>
    public const string FileIdentifier = "TFL3";

    /// <summary>Builtin codes below this value also fit in <c>OperatorCode.deprecated_builtin_code</c>.</summary>
    public const int PlaceholderForGreaterOpCodes = 127;

    public static class Model
    {
        public const int Version = 0, OperatorCodes = 1, Subgraphs = 2, Description = 3, Buffers = 4, FieldCount = 5;
    }

    public static class OperatorCode
    {
        public const int DeprecatedBuiltinCode = 0, CustomCode = 1, Version = 2, BuiltinCode = 3, FieldCount = 4;
    }

    public static class SubGraph
    {
        public const int Tensors = 0, Inputs = 1, Outputs = 2, Operators = 3, Name = 4, FieldCount = 5;
    }

    public static class Tensor
    {
        public const int Shape = 0, Type = 1, Buffer = 2, Name = 3, Quantization = 4, IsVariable = 5, Sparsity = 6, FieldCount = 6;
    }

    public static class QuantizationParameters
    {
        public const int Min = 0, Max = 1, Scale = 2, ZeroPoint = 3, DetailsType = 4, Details = 5, QuantizedDimension = 6;
        public const int FieldCount = 7;
    }

    public static class Operator
    {
        public const int OpcodeIndex = 0, Inputs = 1, Outputs = 2, BuiltinOptionsType = 3, BuiltinOptions = 4;
        public const int CustomOptions = 5, CustomOptionsFormat = 6, LargeCustomOptionsOffset = 9, LargeCustomOptionsSize = 10;
        public const int FieldCount = 7;
    }

    public static class Buffer
    {
        public const int Data = 0, Offset = 1, Size = 2, FieldCount = 1;

        /// <summary>Data vectors are aligned like this (schema <c>force_align: 16</c>).</summary>
        public const int DataAlignment = 16;
    }

    /// <summary>Member numbers of the <c>BuiltinOptions</c> union (0 = NONE) for the tables we decode.</summary>
    public static class Options
    {
        public const byte None = 0;
        public const byte Conv2D = 1;
        public const byte DepthwiseConv2D = 2;
        public const byte Pool2D = 5;
        public const byte Svdf = 6;
        public const byte FullyConnected = 8;
        public const byte Softmax = 9;
        public const byte Concatenation = 10;
        public const byte Add = 11;
        public const byte Reshape = 17;
        public const byte Mul = 21;
        public const byte Reducer = 27;
        public const byte Sub = 28;
        public const byte Div = 29;
        public const byte Squeeze = 30;
        public const byte StridedSlice = 32;
        public const byte TransposeConv = 49;
        public const byte UnidirectionalSequenceLstm = 71;
        public const byte LeakyRelu = 75;
    }

    /// <summary>The <c>BuiltinOptions</c> member an operator carries, for the operators whose options we decode; else None.</summary>
    public static byte OptionsTypeOf(Ir.BuiltinOperator op) => op switch
    {
        Ir.BuiltinOperator.Conv2D => Options.Conv2D,
        Ir.BuiltinOperator.DepthwiseConv2D => Options.DepthwiseConv2D,
        Ir.BuiltinOperator.AveragePool2D or Ir.BuiltinOperator.MaxPool2D or Ir.BuiltinOperator.L2Pool2D => Options.Pool2D,
        Ir.BuiltinOperator.FullyConnected => Options.FullyConnected,
        Ir.BuiltinOperator.Softmax => Options.Softmax,
        Ir.BuiltinOperator.Concatenation => Options.Concatenation,
        Ir.BuiltinOperator.Add => Options.Add,
        Ir.BuiltinOperator.Reshape => Options.Reshape,
        Ir.BuiltinOperator.Mul => Options.Mul,
        Ir.BuiltinOperator.Mean or Ir.BuiltinOperator.Sum or Ir.BuiltinOperator.ReduceMax or Ir.BuiltinOperator.ReduceMin
            or Ir.BuiltinOperator.ReduceProd or Ir.BuiltinOperator.ReduceAny => Options.Reducer,
        Ir.BuiltinOperator.Sub => Options.Sub,
        Ir.BuiltinOperator.Div => Options.Div,
        Ir.BuiltinOperator.Svdf => Options.Svdf,
        Ir.BuiltinOperator.Squeeze => Options.Squeeze,
        Ir.BuiltinOperator.StridedSlice => Options.StridedSlice,
        Ir.BuiltinOperator.TransposeConv => Options.TransposeConv,
        Ir.BuiltinOperator.LeakyRelu => Options.LeakyRelu,
        Ir.BuiltinOperator.UnidirectionalSequenceLstm => Options.UnidirectionalSequenceLstm,
        _ => Options.None,
    };
}
