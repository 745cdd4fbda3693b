#!/usr/bin/env python3
"""Instruction counts of the native runner on emulated Cortex-M4 (mps2-an386) and Cortex-M7 (mps2-an500).

Builds ../shared/tools/insncount into .build/insncount (outside git), the QEMU test programs for both
boards (native-kernels/tests/qemu), compiles each model with `./tinylite compile --report`, runs its
random_0 case under QEMU with the plugin (qemu_golden: one region per Invoke; qemu_layers: one region per
kernel call) and writes the tables to bench/RESULTS.md (section "Instruction counts ...", replaced on
each run) or prints them with --print. Every run also checks the outputs bit-exact against golden/.

    python3 bench/qemu_insncount.py [--print] [--models kws_dscnn,...]   (float/<name>: tests/data/float/<name>)
    python3 bench/qemu_insncount.py --plan auto --vs-layer --models ...   (totals beside the layer plan's)
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
BUILD = os.path.join(ROOT, ".build", "qemu")
MODELS = ["kws_dscnn", "vww_96_int8", "ic_pretrained_resnet_quant", "micro_speech",
          "synthetic_int4_cnn_s1", "synthetic_int4_fc_s1", "hello_world_int8"]
BOARDS = [("M4", "qemu-mps2-an386", "mps2-an386", "an386"), ("M7", "qemu-mps2-an500", "mps2-an500", "an500")]
MAC_OPS = {"CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "UNIDIRECTIONAL_SEQUENCE_LSTM"}

# TFLM on the same QEMU and plugin, random_0, one Invoke(): ../shared/PEERS.md beside the repository (tflite-micro @ 90b983c2,
# CMSIS-NN @ 99f736a6, arm-none-eabi-gcc 12.2.1). (M4 reference kernels, M4 CMSIS-NN, M7 CMSIS-NN).
PEERS = {
    "kws_dscnn": (43041512, 7698385, 7644172),
    "vww_96_int8": (100250775, 24101940, 24025566),
    "ic_pretrained_resnet_quant": (107402952, 29863272, 30026125),
    "micro_speech": (9310281, 1494903, 1488964),
    "hello_world_int8": (5255, 3531, 3558),
}
# kws_dscnn per layer on M4 with TFLM + CMSIS-NN (PEERS.md): the first CONV_2D (10x4), each 3x3
# DEPTHWISE_CONV_2D, each 1x1 CONV_2D, AVERAGE_POOL_2D, FULLY_CONNECTED, SOFTMAX.
KWS_CMSIS_M4 = {"first CONV_2D": 1118446, "DEPTHWISE_CONV_2D": 561398, "CONV_2D": 1069291,
                "AVERAGE_POOL_2D": 51017, "FULLY_CONNECTED": 2504, "SOFTMAX": 3561}
SECTION = "## Instruction counts on emulated Cortex-M4/M7 (issue #4)"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def build():
    plugin_dir = os.path.join(ROOT, ".build", "insncount")
    run([os.path.join(SHARED, "tools", "insncount", "build.sh"), plugin_dir])
    for _, board, _, short in BOARDS:
        d = os.path.join(BUILD, short)
        cache = os.path.join(d, "CMakeCache.txt")
        # The toolchain's flags are read on the first configure only: start afresh when they changed.
        for f in (os.path.join(ROOT, "boards", board, "toolchain.cmake"),
                  os.path.join(ROOT, "boards", "qemu-common", "arm-none-eabi.cmake")):
            if os.path.exists(cache) and os.path.getmtime(f) > os.path.getmtime(cache):
                shutil.rmtree(d)
        # The generator run-golden.sh (and so test.sh) configures this folder with: Ninja when present. CMake
        # refuses to switch generators in one folder, so a folder configured with another one starts afresh.
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        if os.path.exists(cache):
            with open(cache) as f:
                old = re.search(r"^CMAKE_GENERATOR:INTERNAL=(.*)$", f.read(), re.M)
            if old and old.group(1) != ("Ninja" if generator else "Unix Makefiles"):
                shutil.rmtree(d)
        run(["cmake", "-S", os.path.join(ROOT, "native-kernels", "tests", "qemu"), "-B", d] + generator
            + ["-DCMAKE_TOOLCHAIN_FILE=" + os.path.join(ROOT, "boards", board, "toolchain.cmake")])
        run(["cmake", "--build", d, "-j", "2"])
    return os.path.join(plugin_dir, "libinsncount.so")


def qemu(machine, elf, manifest, plugin, counts):
    cmd = ["qemu-system-arm", "-M", machine, "-nographic", "-monitor", "none", "-serial", "none",
           "-semihosting-config", "enable=on,target=native,arg=prog,arg=" + manifest,
           "-plugin", plugin + ",out=" + counts, "-kernel", elf]
    p = subprocess.run(cmd, text=True, capture_output=True, timeout=900)
    out = p.stdout + p.stderr
    if p.returncode not in (0, 1, 2):
        sys.exit("qemu failed (%d) on %s:\n%s" % (p.returncode, manifest, out))
    insn = {}
    with open(counts) as f:
        for line in f:
            m = re.match(r"@@insn (\d+) (\d+) (\d+)", line)
            if m:
                insn[int(m.group(1))] = int(m.group(3))
    return out, insn


PLAN = "layer"


def model_dir(model):
    """A shared model's folder, or for float/<name> the project's own float32 test data (tests/data/float)."""
    if model.startswith("float/"):
        return os.path.join(ROOT, "tests", "data", model)
    # A model of ../shared/models, else of ../shared/models-next (open issues' models, e.g. mnist_lstm_int8).
    folder = "models" if os.path.isdir(os.path.join(SHARED, "models", model)) else "models-next"
    return os.path.join(SHARED, folder, model)


def measure(model, plugin, plan=None):
    plan = plan or PLAN
    img_dir = os.path.join(BUILD, "images")
    os.makedirs(img_dir, exist_ok=True)
    src = os.path.join(model_dir(model), "model.tflite")
    # Nested model names (seanet/add/add0) become flat file names.
    stem = model.replace("/", "_")
    if plan != PLAN:
        stem += "." + plan
    img = os.path.join(img_dir, stem + ".tlm")
    rep = os.path.join(img_dir, stem + ".report.json")
    # The layer plan by default: one call per layer, comparable with TFLM's per-layer figures.
    run([os.path.join(ROOT, "tinylite"), "compile", src, "-o", img, "--report", rep, "--plan", plan]
        + (["--cmsis-nn"] if os.environ.get("TINYLITE_COMPILE_CMSIS_NN") else []))
    with open(rep) as f:
        report = json.load(f)
    base = model_dir(model)
    manifest = os.path.join(BUILD, "bench-" + stem + ".txt")
    with open(manifest, "w") as f:
        f.write("model %s %s\ncase random_0\n" % (model, img))
        i = 0
        while os.path.exists(os.path.join(base, "inputs", "random_0.input%d.bin" % i)):
            f.write("input %s\n" % os.path.join(base, "inputs", "random_0.input%d.bin" % i)); i += 1
        j = 0
        while os.path.exists(os.path.join(base, "golden", "random_0.output%d.bin" % j)):
            f.write("golden %s\n" % os.path.join(base, "golden", "random_0.output%d.bin" % j)); j += 1
        f.write("run\n")
    result = {"report": report}
    for core, _, machine, short in BOARDS:
        d = os.path.join(BUILD, short)
        counts = os.path.join(BUILD, "counts-%s-%s.txt" % (stem, short))
        out, insn = qemu(machine, os.path.join(d, "qemu_golden.elf"), manifest, plugin, counts)
        if "ok   %s/random_0" % model not in out:
            # Not measured: refused, missing kernel or not bit-exact; the table says why.
            why = [l for l in out.splitlines() if l.startswith(("FAIL", "MISSING"))]
            return {"report": report, "error": "%s: %s" % (core, why[0] if why else "no result")}
        regions = dict((m.group(2), int(m.group(1))) for m in re.finditer(r"@@region (\d+) (.*)", out))
        empty = insn[regions["empty"]]
        total = insn[regions[model + "/random_0 step 0"]] - empty
        out, insn = qemu(machine, os.path.join(d, "qemu_layers.elf"), manifest, plugin, counts)
        if "ok   %s/random_0" % model not in out:
            sys.exit("not bit-exact on %s (layers build):\n%s" % (core, out))
        empty = insn[int(re.search(r"@@region (\d+) empty", out).group(1))]
        layers = [(int(m.group(2)), int(m.group(3)), insn[int(m.group(1))] - empty)
                  for m in re.finditer(r"@@layer (\d+) op=(\d+) code=(-?\d+) source=(-?\d+)", out)]
        result[core] = {"total": total, "layers": layers}
    return result


def fmt(n):
    return "{:,}".format(n)


def ratio(a, b):
    return "%.2f" % (a / b) if b else "—"


def tables(results, command):
    lines = [SECTION, "",
             "Command (from the repository root, `../shared/models` and `../shared/tools` beside it; needs",
             "`gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm cmake` and python3):", "",
             "```sh", command, "```", "",
             provenance(), "",
             "Exact executed guest instructions (not cycles) counted by `../shared/tools/insncount` on",
             "qemu-system-arm %s, programs built by arm-none-eabi-gcc %s with `-O2 -ffp-contract=off` and the boards' flags"
             % (qemu_version(), gcc_version()),
             "(`boards/qemu-mps2-an386`: `-mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard`;",
             "`boards/qemu-mps2-an500`: `-mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard`), portable C kernels",
             "(no CMSIS-NN). One `tl_model_invoke` of case `random_0` (its outputs are checked bit-exact against",
             "golden/ in the same run), the marker overhead (empty region) subtracted. MACs = conv + depthwise +",
             "fully connected, from `compile --report`. TFLM figures: measured beside this work (`../shared/PEERS.md`, not in the repository)",
             "(same QEMU, same plugin, same case; TFLM reference kernels and TFLM + CMSIS-NN).", "",
             "| model | MACs | M4 insn | M4 insn/MAC | M7 insn | M7 insn/MAC | TFLM ref M4 | TFLM+CMSIS-NN M4 | M4 vs CMSIS-NN | TFLM+CMSIS-NN M7 | M7 vs CMSIS-NN |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for model, r in results.items():
        macs = sum(l["macs"] for l in r["report"]["layers"] if l["op"] in MAC_OPS)
        if "error" in r:
            lines.append("| %s | %s | not measured: %s |" % (model, fmt(macs), r["error"].replace("|", "/")))
            continue
        m4, m7 = r["M4"]["total"], r["M7"]["total"]
        peer = PEERS.get(model)
        cells = [model, fmt(macs), fmt(m4), ratio(m4, macs), fmt(m7), ratio(m7, macs)]
        if peer:
            cells += [fmt(peer[0]), fmt(peer[1]), ratio(m4, peer[1]) + "×", fmt(peer[2]), ratio(m7, peer[2]) + "×"]
        else:
            cells += ["—"] * 5
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "`vs CMSIS-NN` = our instructions / TFLM + CMSIS-NN instructions for the whole Invoke (the issue's",
              "target on M4 is ≤ 1.5×). Plans: " + ", ".join("%s %s" % (m, r["report"]["plan"]) for m, r in results.items()) + ".", "",
              "### Per kernel call", "",
              "Each kernel call bracketed separately (`qemu_layers`: the runner's family dispatchers wrapped with",
              "`ld --wrap`), marker overhead subtracted; `runner` = Invoke total minus the sum of its calls",
              "(operator decoding and dispatch). kws_dscnn also shows the same layers through TFLM + CMSIS-NN on M4",
              "(PEERS.md; its runner row is TFLM's ≈ 60 instructions of dispatch per operator).", ""]
    for model, r in results.items():
        if "error" in r:
            continue
        layers = r["report"]["layers"]
        peer = model == "kws_dscnn"
        lines += ["#### " + model, "",
                  "| # | op | kernel | MACs | M4 insn | M4 insn/MAC | M7 insn | M7 insn/MAC |"
                  + (" CMSIS-NN M4 | M4 vs CMSIS-NN |" if peer else ""),
                  "|--:|---|--:|--:|--:|--:|--:|--:|" + ("--:|--:|" if peer else "")]
        m4l, m7l = r["M4"]["layers"], r["M7"]["layers"]
        for i, (op, code, n4) in enumerate(m4l):
            n7 = m7l[i][2]
            lay = layers[op] if op < len(layers) else {"op": "?", "macs": 0}
            row = "| %d | %s | %d | %s | %s | %s | %s | %s |" % (
                op, lay["op"], code, fmt(lay["macs"]), fmt(n4), ratio(n4, lay["macs"]) if lay["macs"] else "—",
                fmt(n7), ratio(n7, lay["macs"]) if lay["macs"] else "—")
            if peer:
                key = "first CONV_2D" if op == 0 and lay["op"] == "CONV_2D" else lay["op"]
                c = KWS_CMSIS_M4.get(key)
                row += (" %s | %s× |" % (fmt(c), ratio(n4, c))) if c else " — | — |"
            lines.append(row)
        s4 = sum(l[2] for l in m4l)
        s7 = sum(l[2] for l in m7l)
        lines.append("| | runner | | | %s | | %s | |" % (fmt(r["M4"]["total"] - s4), fmt(r["M7"]["total"] - s7))
                     + (" ≈ %s | |" % fmt(60 * len(m4l)) if peer else ""))
        lines.append("")
    return "\n".join(lines)


def versus_layer(results, layer, command):
    """The summary of a plan beside the layer plan: total instructions on both cores and their ratios."""
    lines = ["Command:", "", "```sh", command, "```", "", provenance(), "",
             "| model | plan | M4 insn | M4 insn/MAC | M7 insn | M7 insn/MAC | TFLM+CMSIS-NN M4 | M4 vs CMSIS-NN "
             "| M7 vs CMSIS-NN | layer plan M4 | layer plan M7 | M4 vs layer plan | M7 vs layer plan |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for model, r in results.items():
        base = layer[model]
        if "error" in r or "error" in base:
            lines.append("| %s | %s | not measured: %s |" % (model, r["report"]["plan"],
                                                           (r.get("error") or base.get("error")).replace("|", "/")))
            continue
        macs = sum(l["macs"] for l in r["report"]["layers"] if l["op"] in MAC_OPS)
        m4, m7 = r["M4"]["total"], r["M7"]["total"]
        l4, l7 = base["M4"]["total"], base["M7"]["total"]
        peer = PEERS.get(model)
        cells = [model, r["report"]["plan"], fmt(m4), ratio(m4, macs), fmt(m7), ratio(m7, macs)]
        cells += [fmt(peer[1]), ratio(m4, peer[1]) + "×", ratio(m7, peer[2]) + "×"] if peer else ["—"] * 3
        cells += [fmt(l4), fmt(l7), ratio(m4, l4) + "×", ratio(m7, l7) + "×"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def provenance():
    """Which sources were measured: the commit, and the native-kernels folder the build used."""
    commit = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).strip()
    dirty = run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).strip()
    text = "Measured at commit `%s`%s" % (commit, " (with uncommitted changes)" if dirty else "")
    native = None
    with open(os.path.join(BUILD, "an386", "CMakeCache.txt")) as f:
        for line in f:
            if line.startswith("TINYLITE_NATIVE_DIR:"):
                native = os.path.normpath(line.split("=", 1)[1].strip())
    if native and native != os.path.join(ROOT, "native-kernels"):
        text += "; native kernels built from `%s`, not from this checkout" % native
    return text + "."


def qemu_version():
    return run(["qemu-system-arm", "--version"]).split("\n")[0].replace("QEMU emulator version ", "")


def gcc_version():
    return run(["arm-none-eabi-gcc", "-dumpversion"]).strip()


def replace_section(document, text):
    """The document with SECTION replaced where it stands (appended when absent), so later sections keep their place."""
    start = document.find(SECTION)
    if start < 0:
        return document.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    end = document.find("\n## ", start + len(SECTION))
    rest = document[end + 1:] if end >= 0 else ""
    return document[:start] + text.rstrip("\n") + "\n" + ("\n" + rest if rest else "")


def main():
    global BUILD
    ap = argparse.ArgumentParser()
    ap.add_argument("--print", action="store_true", help="print the tables instead of updating bench/RESULTS.md")
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--build", default=None, help="build folder of the QEMU programs (default .build/qemu)")
    ap.add_argument("--plan", default="layer", help="memory plan to compile with (a plan other than layer implies --print)")
    ap.add_argument("--vs-layer", action="store_true",
                    help="also measure the layer plan and print only the totals side by side (implies --print)")
    args = ap.parse_args()
    if args.build:
        BUILD = os.path.abspath(args.build)
    global PLAN
    PLAN = args.plan
    if PLAN != "layer":
        args.print = True
    if not os.path.isdir(os.path.join(SHARED, "models")):
        sys.exit("SKIP: %s is absent" % os.path.join(SHARED, "models"))
    plugin = build()
    results = {}
    layer = {}
    for model in args.models.split(","):
        print("measuring", model, file=sys.stderr)
        results[model] = measure(model, plugin)
        if args.vs_layer:
            layer[model] = measure(model, plugin, "layer")
    command = ("python3 bench/qemu_insncount.py" + ("" if PLAN == "layer" else " --plan " + PLAN)
               + (" --vs-layer" if args.vs_layer else "")
               + ("" if args.models == ",".join(MODELS) else " --models " + args.models))
    if args.vs_layer:
        print(versus_layer(results, layer, command))
        return
    text = tables(results, command)
    if args.print:
        print(text)
        return
    path = os.path.join(ROOT, "bench", "RESULTS.md")
    with open(path) as f:
        old = f.read()
    with open(path, "w") as f:
        f.write(replace_section(old, text))
    print("wrote", path, file=sys.stderr)


if __name__ == "__main__":
    main()
