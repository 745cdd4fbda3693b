namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// Byte layout of a TinyLite image (.tlm); docs/FORMAT.md is the specification. The compiler writes
    /// with these constants and the loader reads with them, so both sides share one definition.
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

        /// <summary>Bytes of one tensor record in the tensor section.</summary>
        public const int TensorRecordBytes = 44;

        /// <summary>Largest tensor rank an image may hold.</summary>
        public const int MaxRank = 6;

        /// <summary>Where a tensor's bytes live.</summary>
        public const int LocationNone = 0, LocationArena = 1, LocationImage = 2;

        /// <summary>Tensor flag: variable (state) tensor, zeroed once at load and kept across invocations.</summary>
        public const int TensorFlagVariable = 1;

        /// <summary>Alignment of constant data and of arena offsets, in bytes.</summary>
        public const int Alignment = 8;
    }
}
