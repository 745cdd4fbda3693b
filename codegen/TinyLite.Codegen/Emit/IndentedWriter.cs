using System.Text;

namespace TinyLite.Codegen.Emit;

/// <summary>Builds generated source text line by line with consistent indentation.</summary>
public sealed class IndentedWriter(string indentUnit = "    ")
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes one line at the current depth (an empty line when <paramref name="line"/> is empty).</summary>
    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0) for (int i = 0; i < _depth; i++) _text.Append(indentUnit);
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="open"/>, then indents until the returned scope is disposed, then writes <paramref name="close"/>.</summary>
    public IDisposable Block(string open = "{", string close = "}")
    {
        Line(open);
        _depth++;
        return new Scope(this, close);
    }

    public override string ToString() => _text.ToString();

    private sealed class Scope(IndentedWriter writer, string close) : IDisposable
    {
        public void Dispose()
        {
            writer._depth--;
            writer.Line(close);
        }
    }
}
