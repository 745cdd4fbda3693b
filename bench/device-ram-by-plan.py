#!/usr/bin/env python3
"""Device RAM per memory plan (bench/RESULTS.md, "Device RAM per plan"): arena + interpreter state + image.

Run from the repository root with ../shared/models beside it:
    bench/device-ram-by-plan.py [--models kws_dscnn,vww_96_int8,...]
For each model it runs `./tinylite compile MODEL --report R.json` once (the report compares every plan, each from its
own image: `plans[]`) and prints one Markdown row per model: every plan's arena + interpreter state + image = device
RAM, the plan auto picks, and how much less it needs than the smallest-arena plan.
"""
import argparse, json, os, subprocess, sys, tempfile

PLANS = ["layer", "inplace", "stream", "patch"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", default="kws_dscnn,vww_96_int8,ic_pretrained_resnet_quant,micro_speech")
    a = ap.parse_args()
    root = os.path.join("..", "shared", "models")
    models = a.models.split(",")
    print("| model | " + " | ".join("%s: arena + interpreter + image = device RAM" % p for p in PLANS) + " | auto picks | smallest arena's plan needs |")
    print("|---|" + "--:|" * len(PLANS) + "---|--:|")
    with tempfile.TemporaryDirectory() as tmp:
        for i, m in enumerate(models):
            print("[%d/%d] %s" % (i + 1, len(models), m), file=sys.stderr)  # progress: each model takes seconds
            rep = os.path.join(tmp, "r.json")
            subprocess.run(["./tinylite", "compile", os.path.join(root, m, "model.tflite"), "-o", os.path.join(tmp, "m.tlm"),
                            "--report", rep], check=True, capture_output=True, text=True)
            with open(rep) as f:
                r = json.load(f)
            plans = {p["plan"]: p for p in r["plans"]}
            cells = ["%s + %s + %s = **%s**" % tuple("{:,}".format(plans[p][k]) for k in
                     ("arena_bytes", "runtime_ram_bytes", "image_bytes", "device_ram_bytes")) for p in PLANS]
            smallest_arena = min(plans.values(), key=lambda p: p["arena_bytes"])
            auto = plans[r["plan"]]
            saved = smallest_arena["device_ram_bytes"] - auto["device_ram_bytes"]
            print("| %s | %s | %s (%s B) | %s: %s B (%+.1f%%) |" % (
                m, " | ".join(cells), r["plan"], "{:,}".format(auto["device_ram_bytes"]), smallest_arena["plan"],
                "{:,}".format(smallest_arena["device_ram_bytes"]), 100.0 * saved / auto["device_ram_bytes"]))


if __name__ == "__main__":
    main()
