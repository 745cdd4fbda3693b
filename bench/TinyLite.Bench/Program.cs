using System.Diagnostics;
using System.Text.Json;
using TinyLite.Codegen;
using TinyLite.Runtime;
using TinyLite.Runtime.Native;

// Compile figures for every model in ../shared/models: image and arena sizes next to the .tflite size and
// TFLM's arena, compile time (warm: the median of several compilations in one process), and host
// throughput of the managed and (when the host library is built) native kernels. Prints a Markdown table for bench/RESULTS.md.
// Usage: dotnet run -c Release --project bench/TinyLite.Bench [-- --plan layer] [-- --only SUBSTR]
//        dotnet run -c Release --project bench/TinyLite.Bench -- --speech-stream [--minutes 60] [--kernels managed|native|both]
//        (SpeechStreamBench: the micro_speech pipeline over an hour of audio, real-time factor and memory)

if (args.Contains("--speech-stream"))
{
    Environment.Exit(SpeechStreamBench.Run(FindModels(), double.Parse(Arg("--minutes") ?? "60", System.Globalization.CultureInfo.InvariantCulture), Arg("--kernels") ?? "both"));
}

// An unknown --plan ends the run here, naming the plans.
var plan = PlanStrategies.Names.Parse(Arg("--plan") ?? "auto");
string? only = Arg("--only");
string root = FindModels();
var rows = new List<string>();
Console.WriteLine($"| model | .tflite B | image B | image/.tflite | weights B | arena B | TFLM arena B | arena/TFLM | MACs | compile ms | invoke ms managed | invoke ms native |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
foreach (var meta in Directory.EnumerateFiles(root, "meta.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
{
    string dir = Path.GetDirectoryName(meta)!;
    string name = Path.GetRelativePath(root, dir).Replace('\\', '/');
    string model = Path.Combine(dir, "model.tflite");
    if (!File.Exists(model) || (only != null && !name.Contains(only))) continue;
    using var doc = JsonDocument.Parse(File.ReadAllText(meta));
    long tflmArena = doc.RootElement.GetProperty("tflm").GetProperty("arena_used_bytes").GetInt64();
    var bytes = File.ReadAllBytes(model);
    CompiledModel compiled;
    try
    {
        compiled = Compiler.Compile(bytes, model, new CompileOptions { Plan = plan });
    }
    catch (CompileException e)
    {
        Console.WriteLine($"| {name} | {bytes.Length} | — | — | — | — | {tflmArena} | — | — | — | not supported: {e.Message.Split(": ").Last()} |");
        continue;
    }
    var times = new List<double>();
    for (int i = 0; i < 5; i++)
    {
        var clock = Stopwatch.StartNew();
        Compiler.Compile(bytes, model, new CompileOptions { Plan = plan });
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    var inputs = Directory.GetFiles(Path.Combine(dir, "inputs"), "random_0.input*.bin").Order().ToArray();
    double managedMs = InvokeMilliseconds(compiled.Image, inputs, native: false);
    double nativeMs = NativeKernels.IsAvailable ? InvokeMilliseconds(compiled.Image, inputs, native: true) : double.NaN;
    var r = compiled.Report;
    Console.WriteLine($"| {name} | {bytes.Length} | {r.ImageBytes} | {(double)r.ImageBytes / bytes.Length:F2} | {r.WeightBytes} | {r.ArenaBytes} | {tflmArena} | {(double)r.ArenaBytes / tflmArena:F2} | {r.Macs} | {Median(times):F1} | {managedMs:F2} | {nativeMs:F3} |");
}

// Mean time of one Invoke over at least 300 ms after one warm-up run (NaN when the inputs do not fit).
static double InvokeMilliseconds(byte[] image, string[] inputs, bool native)
{
    var interpreter = new Interpreter(image);
    if (native) interpreter.UseNativeKernels();
    if (inputs.Length != interpreter.InputCount) return double.NaN;
    for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, File.ReadAllBytes(inputs[i]));
    interpreter.Invoke();
    var clock = Stopwatch.StartNew();
    int runs = 0;
    while (clock.ElapsedMilliseconds < 300 || runs < 3)
    {
        interpreter.Invoke();
        runs++;
    }
    return clock.Elapsed.TotalMilliseconds / runs;
}

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static string FindModels()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "..", "shared", "models");
        if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
    }
    Console.Error.WriteLine("bench: ../shared/models not found beside the repository");
    Environment.Exit(2);
    return "";
}
