#!/usr/bin/env python3
"""Overhead of the CMSIS-NN backend of the native kernels against the CMSIS-NN calls alone, on emulated
Cortex-M4 and M7 (issue #4, point 3: at most 1.02x the sum of the CMSIS-NN calls).

Uses a QEMU build configured with the backend (e.g. by
`native-kernels/tests/qemu/run-golden.sh --build DIR --cmsis-nn CMSIS_NN_ROOT`, which makes DIR-cmsis-nn) and
bench/qemu_insncount.py's machinery: each model is compiled with `--cmsis-nn --plan layer`, its case random_0 is
run by qemu_layers (one insncount region per kernel call, outputs checked bit-exact against golden/) and by
qemu_cmsis_calls (the same, plus a region around every call into a routed CMSIS-NN function). For every kernel
call that reached CMSIS-NN: our whole call (decoding, checks, scratch preparation, the CMSIS-NN call) against the
CMSIS-NN call(s) it made, marker overhead subtracted from both.

    python3 bench/cmsis_overhead.py --build DIR-cmsis-nn [--models kws_dscnn,...]
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_insncount as q  # noqa: E402


def ratio(a, b):
    return "%.3f" % (a / b) if b else "—"


def cmsis_calls(core_short, machine, manifest, plugin, model):
    counts = os.path.join(q.BUILD, "counts-cmsis-%s-%s.txt" % (model.replace("/", "_"), core_short))
    out, insn = q.qemu(machine, os.path.join(q.BUILD, core_short, "qemu_cmsis_calls.elf"), manifest, plugin, counts)
    if "ok   %s/random_0" % model not in out:
        sys.exit("not bit-exact (qemu_cmsis_calls, %s):\n%s" % (core_short, out))
    empty = insn[int(re.search(r"@@region (\d+) empty", out).group(1))]
    per_op = {}
    for m in re.finditer(r"@@cmsis (\d+) op=(\d+)", out):
        op = int(m.group(2))
        per_op[op] = per_op.get(op, 0) + insn[int(m.group(1))] - empty
    return per_op


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True, help="QEMU build folder configured with -DTINYLITE_CMSIS_NN=ON")
    ap.add_argument("--models", default="kws_dscnn,vww_96_int8,ic_pretrained_resnet_quant,micro_speech")
    args = ap.parse_args()
    q.BUILD = os.path.abspath(args.build)
    os.environ["TINYLITE_COMPILE_CMSIS_NN"] = "1"
    plugin = q.build()
    lines = []
    grand = {"M4": [0, 0], "M7": [0, 0]}
    for model in args.models.split(","):
        print("measuring", model, file=sys.stderr)
        r = q.measure(model, plugin)
        if "error" in r:
            sys.exit("%s: %s" % (model, r["error"]))
        manifest = os.path.join(q.BUILD, "bench-" + model.replace("/", "_") + ".txt")
        calls = {}
        for core, _, machine, short in q.BOARDS:
            calls[core] = cmsis_calls(short, machine, manifest, plugin, model)
        layers = r["report"]["layers"]
        lines += ["#### " + model, "",
                  "| # | op | our call M4 | CMSIS-NN M4 | M4 ratio | our call M7 | CMSIS-NN M7 | M7 ratio |",
                  "|--:|---|--:|--:|--:|--:|--:|--:|"]
        sums = {"M4": [0, 0], "M7": [0, 0]}
        for i, (op, _, n4) in enumerate(r["M4"]["layers"]):
            if op not in calls["M4"]:
                continue
            n7 = r["M7"]["layers"][i][2]
            c4, c7 = calls["M4"][op], calls["M7"].get(op, 0)
            name = layers[op]["op"] if op < len(layers) else "?"
            lines.append("| %d | %s | %s | %s | %s | %s | %s | %s |" % (
                op, name, q.fmt(n4), q.fmt(c4), ratio(n4, c4), q.fmt(n7), q.fmt(c7), ratio(n7, c7)))
            for core, ours, theirs in (("M4", n4, c4), ("M7", n7, c7)):
                sums[core][0] += ours
                sums[core][1] += theirs
                grand[core][0] += ours
                grand[core][1] += theirs
        lines.append("| | routed calls | %s | %s | %s | %s | %s | %s |" % (
            q.fmt(sums["M4"][0]), q.fmt(sums["M4"][1]), ratio(*sums["M4"]),
            q.fmt(sums["M7"][0]), q.fmt(sums["M7"][1]), ratio(*sums["M7"])))
        lines.append("")
        lines.append("Whole invoke: M4 %s, M7 %s instructions." % (q.fmt(r["M4"]["total"]), q.fmt(r["M7"]["total"])))
        lines.append("")
    lines.append("All routed calls: M4 %s vs %s = %s; M7 %s vs %s = %s." % (
        q.fmt(grand["M4"][0]), q.fmt(grand["M4"][1]), ratio(*grand["M4"]),
        q.fmt(grand["M7"][0]), q.fmt(grand["M7"][1]), ratio(*grand["M7"])))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
