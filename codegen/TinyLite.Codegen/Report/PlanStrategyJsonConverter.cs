using System.Text.Json;
using System.Text.Json.Serialization;

namespace TinyLite.Codegen.Report;

/// <summary>Writes a <see cref="PlanStrategy"/> as its name ("inplace"), as the report's <c>plan</c> field always was; reads it back.</summary>
public sealed class PlanStrategyJsonConverter : JsonConverter<PlanStrategy>
{
    /// <inheritdoc/>
    public override PlanStrategy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return PlanStrategies.Names.TryParse(name, out var strategy)
            ? strategy
            : throw new JsonException($"plan: expected one of {string.Join(", ", PlanStrategies.Names.Names)}");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, PlanStrategy value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
}
