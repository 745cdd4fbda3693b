namespace TinyLite.Runtime.Execution
{
    /// <summary>Element type codes stored in the image; the same numbers as TFLite's TensorType.</summary>
    public static class TensorType
    {
        /// <summary>32-bit IEEE float.</summary>
        public const int Float32 = 0;
        /// <summary>Signed 32-bit integer.</summary>
        public const int Int32 = 2;
        /// <summary>Unsigned 8-bit integer.</summary>
        public const int UInt8 = 3;
        /// <summary>Signed 64-bit integer.</summary>
        public const int Int64 = 4;
        /// <summary>Boolean, one byte.</summary>
        public const int Bool = 6;
        /// <summary>Signed 16-bit integer.</summary>
        public const int Int16 = 7;
        /// <summary>Signed 8-bit integer.</summary>
        public const int Int8 = 9;
        /// <summary>Unsigned 64-bit integer.</summary>
        public const int UInt64 = 12;
        /// <summary>Unsigned 32-bit integer.</summary>
        public const int UInt32 = 15;
        /// <summary>Unsigned 16-bit integer.</summary>
        public const int UInt16 = 16;
        /// <summary>Signed 4-bit integer, two per byte, element 2i in the low nibble.</summary>
        public const int Int4 = 17;
    }
}
