using System.Globalization;
using System.Xml.Linq;
using TinyLite.Codegen;
using TinyLite.Codegen.Demo;
using TinyLite.Codegen.Report;

namespace TinyLite.Tests.Planning;

public class MemoryPictureTests
{
    [Fact]
    public void Html_DemoModel_DrawsEveryPlanWithItsArenaAndPeak()
    {
        var compiled = Compiler.Compile(LineDetectorModel.Build());
        string html = MemoryPicture.Html(compiled.Graph, compiled.Alternatives, compiled.Plan);
        Assert.DoesNotContain("<script", html);
        Assert.Equal([PlanStrategy.Layer, PlanStrategy.InPlace, PlanStrategy.Stream, PlanStrategy.Patch], compiled.Alternatives.Select(p => p.Strategy));
        foreach (var plan in compiled.Alternatives)
        {
            Assert.Contains($"<h2>Plan {plan.Strategy.Name()}:", html);
            Assert.Contains($"arena_bytes = {plan.ArenaBytes.ToString("N0", CultureInfo.InvariantCulture)}", html);
            var (_, peak) = MemoryPicture.Peak(plan);
            Assert.Contains($"{plan.Strategy.Name()} peak {peak.ToString("N0", CultureInfo.InvariantCulture)} B", html);
        }
        // Every inline SVG is well-formed XML, so browsers draw it.
        int at = 0, svgs = 0;
        while ((at = html.IndexOf("<svg", at, StringComparison.Ordinal)) >= 0)
        {
            int end = html.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
            XDocument.Parse(html[at..end]);
            svgs++;
            at = end;
        }
        Assert.Equal(1 + compiled.Alternatives.Count, svgs);
    }

    [Fact]
    public void Peak_IsTheCallWithTheMostLiveBytes()
    {
        var plan = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { Plan = PlanStrategy.Layer }).Plan;
        var (call, bytes) = MemoryPicture.Peak(plan);
        Assert.Equal(Enumerable.Range(0, plan.Calls.Count).Max(c => plan.LiveBytes(c)), bytes);
        Assert.Equal(bytes, plan.LiveBytes(call));
    }
}
