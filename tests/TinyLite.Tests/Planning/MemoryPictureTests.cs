using System.Globalization;
using System.Xml.Linq;
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

/// <summary>The memory picture's device RAM section and its shared operator axis.</summary>
public class MemoryPictureDeviceRamTests
{
    [Fact]
    public void Html_WithBudget_ShowsEachPlansDeviceRamAndTheBudgetLine()
    {
        var compiled = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { ComparePlans = true });
        long most = compiled.PlanFigures.Max(f => f.DeviceRamBytes);
        var budget = new BoardBudget("tiny-board", most - 1);
        string html = MemoryPicture.Html(compiled, budget);
        Assert.Contains("<h2>Device RAM per plan</h2>", html);
        foreach (var f in compiled.PlanFigures)
        {
            // Each plan's parts, from its own image, and their sum.
            Assert.Equal(f.ArenaBytes + f.RuntimeRamBytes + f.ImageBytes, f.DeviceRamBytes);
            string row = string.Format(CultureInfo.InvariantCulture, "<tr><td>{0}</td><td>{1:N0}</td><td>{2:N0}</td><td>{3:N0}</td><td>{4:N0}</td>",
                f.Strategy.Name(), f.ArenaBytes, f.RuntimeRamBytes, f.ImageBytes, f.DeviceRamBytes);
            Assert.Contains(row, html);
        }
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "tiny-board budget {0:N0} B</text>", most - 1), html);
        Assert.Contains("<td class=\"peak\">no</td>", html);
        int svgs = 0;
        for (int at = 0; (at = html.IndexOf("<svg", at, StringComparison.Ordinal)) >= 0; svgs++)
        {
            int end = html.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
            XDocument.Parse(html[at..end]);
            at = end;
        }
        // Device RAM bars, live bytes, one map per plan.
        Assert.Equal(2 + compiled.Alternatives.Count, svgs);
    }

    [Fact]
    public void OperatorAxis_BandsOfOneOperatorShareItsSlot()
    {
        var compiled = Compiler.Compile(LineDetectorModel.Build(), new CompileOptions { ComparePlans = true });
        int ops = compiled.Alternatives.SelectMany(p => p.Calls).Max(c => c.SourceIndex) + 1;
        const double plotW = 870;
        foreach (var plan in compiled.Alternatives)
        {
            var xs = MemoryPicture.OperatorAxisPositions(plan, ops, plotW);
            for (int c = 0; c < plan.Calls.Count; c++)
            {
                // Operator k's calls lie in [70 + k/ops*W, 70 + (k+1)/ops*W) whatever the plan's call count.
                double slot = plotW / ops, from = 70 + plan.Calls[c].SourceIndex * slot;
                Assert.InRange(xs[c], from, from + slot);
            }
        }
    }
}
