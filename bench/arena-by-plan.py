#!/usr/bin/env python3
"""Arena bytes per model for each memory plan, as Markdown tables (bench/RESULTS.md).

Run from the repository root with ../shared/models beside it:
    bench/arena-by-plan.py [--only SUBSTR]
For every model it runs `./tinylite compile MODEL --plan auto --report R.json` once; the report's
memory picture data is not needed: the compiler makes every plan for a report, and this script asks for each
plan by name too, reading arena_bytes, extra_macs, image_bytes and plan from the reports. TFLM's
arena_used_bytes and the activation part of it (head_nonpersistent of its recording allocator) come from the
model's meta.json. The op-level seanet/* models are summed per operator family in a second table.
"""
import argparse, json, os, subprocess, sys, tempfile
from collections import defaultdict

PLANS = ["layer", "inplace", "stream", "patch", "auto"]


def compile_all(root, m, tmp):
    got = {}
    for plan in PLANS:
        rep = os.path.join(tmp, "r.json")
        r = subprocess.run(["./tinylite", "compile", os.path.join(root, m, "model.tflite"), "-o", os.path.join(tmp, "m.tlm"),
                            "--plan", plan, "--report", rep], capture_output=True, text=True)
        if r.returncode != 0:
            return None
        with open(rep) as f:
            got[plan] = json.load(f)
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    a = ap.parse_args()
    root = os.path.join("..", "shared", "models")
    models = sorted(os.path.relpath(d, root) for d, _, files in os.walk(root) if "meta.json" in files and "model.tflite" in files)
    print("| model | TFLM arena B | TFLM activations B | layer B | inplace B | stream B | patch B (extra MACs) | auto picks | auto B | auto/TFLM | image B (auto) | image B (inplace) |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    families = defaultdict(lambda: [0, 0, defaultdict(int)])
    with tempfile.TemporaryDirectory() as tmp:
        for i, m in enumerate(models):
            if a.only and a.only not in m:
                continue
            print("[%d/%d] %s" % (i + 1, len(models), m), file=sys.stderr)  # progress: each model takes seconds
            with open(os.path.join(root, m, "meta.json")) as f:
                meta = json.load(f)
            t = meta.get("tflm", {})
            tflm = t.get("arena_used_bytes")
            head = t.get("arena_breakdown_recording_allocator", {}).get("head_nonpersistent", "—")
            got = compile_all(root, m, tmp)
            if m.startswith("seanet/") and got is not None:
                fam = families[m.split("/")[1]]
                fam[0] += 1
                fam[1] += tflm or 0
                for p in PLANS:
                    fam[2][p] += got[p]["arena_bytes"]
                continue
            if got is None:
                print("| %s | %s | %s | — | — | — | — | — | — | not supported | — | — |" % (m, tflm, head))
                continue
            auto = got["auto"]
            patch = got["patch"]
            extra = "%.1f%%" % (100.0 * patch["extra_macs"] / patch["macs"]) if patch["macs"] else "0%"
            ratio = "%.2f" % (auto["arena_bytes"] / tflm) if tflm else "—"
            print("| %s | %s | %s | %d | %d | %d | %d (%s) | %s | %d | %s | %d | %d |" % (
                m, tflm, head, got["layer"]["arena_bytes"], got["inplace"]["arena_bytes"], got["stream"]["arena_bytes"],
                patch["arena_bytes"], extra, auto["plan"], auto["arena_bytes"], ratio, auto["image_bytes"], got["inplace"]["image_bytes"]))
            sys.stdout.flush()
    if families:
        print()
        print("| seanet family | models | TFLM arena B | layer B | inplace B | stream B | patch B | auto B |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        for name in sorted(families):
            n, tflm, sums = families[name]
            print("| %s | %d | %d | %s |" % (name, n, tflm, " | ".join(str(sums[p]) for p in PLANS)))


if __name__ == "__main__":
    main()
