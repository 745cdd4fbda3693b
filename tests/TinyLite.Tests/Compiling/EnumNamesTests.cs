using System.Text.Json;
using TinyLite.Cli;
using TinyLite.Codegen.Report;

namespace TinyLite.Tests.Compiling;

/// <summary>The name tables of the enums the CLI and the reports spell: one name per value, exact matches only.</summary>
public class EnumNamesTests
{
    [Fact]
    public void Names_EveryValueOfEachEnum_HasExactlyOneNameThatParsesBack()
    {
        AssertComplete(PlanStrategies.Names);
        AssertComplete(WeightPrecisions.Names);
        AssertComplete(KernelSets.Names);
    }

    private static void AssertComplete<T>(EnumNames<T> names) where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, names.Names.Count);
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(names.TryParse(names.Name(value), out var back));
            Assert.Equal(value, back);
        }
    }

    [Fact]
    public void Names_OfPlans_AreTheCliSpellingsInTheCliOrder()
    {
        Assert.Equal(["layer", "inplace", "patch", "stream", "auto"], PlanStrategies.Names.Names);
        Assert.Equal("inplace", PlanStrategy.InPlace.Name());
        Assert.Equal(["int8", "int4", "auto"], WeightPrecisions.Names.Names);
        Assert.Equal(["managed", "native"], KernelSets.Names.Names);
    }

    [Theory]
    [InlineData("InPlace")]
    [InlineData(" layer")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingButAnExactName_IsRefused(string? text)
    {
        Assert.False(PlanStrategies.Names.TryParse(text, out var value));
        Assert.Equal(default, value);
    }

    [Fact]
    public void Name_ValueOutsideTheTable_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PlanStrategy)42).Name());

    [Fact]
    public void Constructor_RepeatedValueOrName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EnumNames<KernelSet>((KernelSet.Managed, "managed"), (KernelSet.Managed, "c#")));
        Assert.Throws<ArgumentException>(() => new EnumNames<KernelSet>((KernelSet.Managed, "managed"), (KernelSet.Native, "managed")));
    }

    [Fact]
    public void ReportPlan_InJson_IsTheNameAndReadsBack()
    {
        var converter = new JsonSerializerOptions { Converters = { new PlanStrategyJsonConverter() } };
        Assert.Equal("\"inplace\"", JsonSerializer.Serialize(PlanStrategy.InPlace, converter));
        Assert.Equal(PlanStrategy.Patch, JsonSerializer.Deserialize<PlanStrategy>("\"patch\"", converter));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlanStrategy>("\"Patch\"", converter));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlanStrategy>("3", converter));
    }
}
