using System.Text.Json;

namespace TinyLite.Cli;

/// <summary>
/// One board's budgets and clock, read from <c>boards/NAME/board.json</c> (boards/README.md says where each
/// figure comes from).
/// </summary>
public sealed record BoardProfile
{
    /// <summary>The folder name under <c>boards/</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The CPU core, a key of <c>native_kernels</c> in <c>boards/speed.json</c> (e.g. <c>cortex-m4f</c>).</summary>
    public required string Core { get; init; }

    /// <summary>CPU clock in MHz as the firmware sets it.</summary>
    public required double ClockMhz { get; init; }

    /// <summary>Bytes of RAM for TinyLite: arena + interpreter state (+ the image when <see cref="ImageInRam"/>).</summary>
    public required long RamBytes { get; init; }

    /// <summary>Bytes of flash for the image.</summary>
    public required long FlashBytes { get; init; }

    /// <summary>
    /// True when the image is also in RAM: on nanoFramework the interpreter takes the image as a <c>byte[]</c>, and
    /// reading a binary resource copies it into the managed heap.
    /// </summary>
    public required bool ImageInRam { get; init; }

    /// <summary>Reads <paramref name="file"/>; throws a <see cref="CliError"/> naming the file and field when one is missing.</summary>
    public static BoardProfile Load(string name, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        JsonElement Field(string field) => root.TryGetProperty(field, out var v)
            ? v
            : throw new CliError($"{file}: field '{field}' is missing");
        return new BoardProfile
        {
            Name = name,
            Core = Field("core").GetString()!,
            ClockMhz = Field("clock_mhz").GetDouble(),
            RamBytes = Field("ram_bytes_for_tinylite").GetInt64(),
            FlashBytes = Field("flash_bytes_for_tinylite").GetInt64(),
            ImageInRam = root.TryGetProperty("image_in_ram", out var inRam) && inRam.GetBoolean(),
        };
    }
}
