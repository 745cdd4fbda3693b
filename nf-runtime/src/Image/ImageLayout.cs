namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// Byte layout of a TinyLite image (.tlm); docs/FORMAT.md is the specification. The compiler writes
    /// with these constants and the loader reads with them, so both sides share one definition; the native
    /// runner's twin is native-kernels/include/tinylite/tl_image.h (same names, kept equal by a test).
    /// </summary>
    public static class ImageLayout
    {
        /// <summary>"TLIM" read as a little-endian uint32.</summary>
        public const int Magic = 0x4D494C54;

        /// <summary>Format major version: a loader refuses other majors.</summary>
        public const int VersionMajor = 1;

        /// <summary>Format minor version: additions a v1 loader may ignore.</summary>
        public const int VersionMinor = 0;

        /// <summary>Size of the fixed header in bytes.</summary>
        public const int HeaderBytes = 48;

        /// <summary>Header field offsets.</summary>
        public const int OffMagic = 0, OffVersionMajor = 4, OffVersionMinor = 6, OffImageBytes = 8, OffCrc32 = 12,
            OffHeaderBytes = 16, OffSectionCount = 20, OffArenaBytes = 24, OffFlags = 28;

        /// <summary>The CRC32 covers the image from this offset to its end.</summary>
        public const int CrcStart = 16;

        /// <summary>Bytes of one section-table entry: kind, offset, length (uint32 each).</summary>
        public const int SectionEntryBytes = 12;

        /// <summary>Section kinds.</summary>
        public const int SectionMeta = 1, SectionTensors = 2, SectionOps = 3, SectionIo = 4, SectionConstants = 5;

        /// <summary>Most section-table entries a loader reads.</summary>
        public const int MaxSections = 64;

        /// <summary>Strings in the meta section: compiler version, git commit, model SHA-256, model name.</summary>
        public const int MetaStrings = 4;

        /// <summary>Bytes of one tensor record in the tensor section.</summary>
        public const int TensorRecordBytes = 44;

        /// <summary>Tensor record field offsets: type, location, rank and flags are one byte each, the rest int32
        /// (the dimensions are <see cref="MaxRank"/> int32 from <see cref="TensorOffDims"/>).</summary>
        public const int TensorOffType = 0, TensorOffLocation = 1, TensorOffRank = 2, TensorOffFlags = 3, TensorOffOffset = 4,
            TensorOffByteSize = 8, TensorOffDims = 12, TensorOffScale = 36, TensorOffZeroPoint = 40;

        /// <summary>Largest tensor rank an image may hold.</summary>
        public const int MaxRank = 6;

        /// <summary>Largest dimension a loader accepts (2^27 - 1): with at most 2^31 - 1 elements before it, the
        /// element count's product stays inside a long.</summary>
        public const int MaxDimension = 0x7FFFFFF;

        /// <summary>Bytes of an operator record before its tensor indices and parameters: five int32.</summary>
        public const int OpRecordHeaderBytes = 20;

        /// <summary>Operator record header field offsets: kernel code, source operator index, then the input, output
        /// and parameter counts. The input and output tensor indices and the parameters follow, int32 each.</summary>
        public const int OpOffCode = 0, OpOffSourceIndex = 4, OpOffInputCount = 8, OpOffOutputCount = 12, OpOffParamCount = 16;

        /// <summary>Most input (and most output) tensors of one operator record.</summary>
        public const int MaxOpTensors = 64;

        /// <summary>Most parameters of one operator record.</summary>
        public const int MaxOpParams = 1 << 16;

        /// <summary>Where a tensor's bytes live.</summary>
        public const int LocationNone = 0, LocationArena = 1, LocationImage = 2;

        /// <summary>Tensor flag: variable (state) tensor, zeroed once at load and kept across invocations.</summary>
        public const int TensorFlagVariable = 1;

        /// <summary>Alignment of constant data and of arena offsets, in bytes.</summary>
        public const int Alignment = 8;
    }
}
