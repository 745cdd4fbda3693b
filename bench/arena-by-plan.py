#!/usr/bin/env python3
"""Arena bytes per model for each memory plan, as a Markdown table (bench/RESULTS.md).

Run from the repository root with ../shared/models beside it:
    bench/arena-by-plan.py [--only SUBSTR]
For every model it runs `./tinylite compile MODEL --plan P --report R.json` for P in layer, inplace and auto
and reads arena_bytes and plan from the report; TFLM's arena_used_bytes and the activation part of it
(head_nonpersistent of its recording allocator) come from the model's meta.json.
"""
import argparse, json, os, subprocess, sys, tempfile

PLANS = ["layer", "inplace", "auto"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    a = ap.parse_args()
    root = os.path.join("..", "shared", "models")
    models = sorted(os.path.relpath(d, root) for d, _, files in os.walk(root) if "meta.json" in files and "model.tflite" in files)
    print("| model | TFLM arena B | TFLM activations B | layer B | inplace B | auto picks | auto B | auto/TFLM |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as tmp:
        for m in models:
            if a.only and a.only not in m:
                continue
            with open(os.path.join(root, m, "meta.json")) as f:
                meta = json.load(f)
            t = meta.get("tflm", {})
            tflm = t.get("arena_used_bytes")
            head = t.get("arena_breakdown_recording_allocator", {}).get("head_nonpersistent", "—")
            got = {}
            for plan in PLANS:
                rep = os.path.join(tmp, "r.json")
                r = subprocess.run(["./tinylite", "compile", os.path.join(root, m, "model.tflite"), "-o", os.path.join(tmp, "m.tlm"),
                                    "--plan", plan, "--report", rep], capture_output=True, text=True)
                if r.returncode != 0:
                    got = None
                    break
                with open(rep) as f:
                    got[plan] = json.load(f)
            if got is None:
                print("| %s | %s | %s | — | — | — | — | not supported |" % (m, tflm, head))
                continue
            auto = got["auto"]
            ratio = "%.2f" % (auto["arena_bytes"] / tflm) if tflm else "—"
            print("| %s | %s | %s | %d | %d | %s | %d | %s |" % (m, tflm, head, got["layer"]["arena_bytes"], got["inplace"]["arena_bytes"],
                                                          auto["plan"], auto["arena_bytes"], ratio))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
