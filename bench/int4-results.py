#!/usr/bin/env python3
"""int4 weights against int8: sizes and agreement, as the Markdown tables of bench/RESULTS.md ("int4 weights").

Run from the repository root with ../shared/models beside it:
    bench/int4-results.py [--only SUBSTR] [--generated N]
For each model: `./tinylite compile MODEL --weights int8|int4 --report R.json` (weight_bytes, image_bytes,
arena_bytes; plan auto), and `./tinylite quantize MODEL --weights int4` twice, once on the model's real inputs in
../shared/models/<model>/inputs (the bmp_* and wav_* cases: camera images and recorded speech; a folder of copies
given as --calibration) and once on N generated inputs (--generated N), reading the weight bytes (weights alone,
then with the int32 biases, as in the .tflite) and the agreement with the int8 model it prints.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

MODELS = ["kws_dscnn", "vww_96_int8", "ic_pretrained_resnet_quant", "micro_speech"]
REAL = ("bmp_", "wav_")


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stderr}")
    return r.stdout


def report(model, weights, tmp):
    rep = os.path.join(tmp, f"{weights}.json")
    run(["./tinylite", "compile", model, "--weights", weights, "-o", os.path.join(tmp, "m.tlm"), "--report", rep])
    with open(rep) as f:
        return json.load(f)


def quantize(model, tmp, extra):
    out = run(["./tinylite", "quantize", model, "--weights", "int4", "-o", os.path.join(tmp, "q.tflite")] + extra)
    w = re.search(r"weight bytes (\d+) -> (\d+), with int32 biases (\d+) -> (\d+)", out)
    a = re.search(r"on (\d+) (?:files in \S+|generated inputs): top-1 agreement ([\d.]+)%, mean \|output diff\| ([\d.]+), logits SQNR (\S+) dB", out)
    return [int(x) for x in w.groups()], (int(a.group(1)), float(a.group(2)), float(a.group(3)), a.group(4))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--generated", type=int, default=200)
    args = ap.parse_args()
    root = os.path.join("..", "shared", "models")
    sizes, agree = [], []
    for m in MODELS:
        if args.only not in m:
            continue
        model = os.path.join(root, m, "model.tflite")
        with tempfile.TemporaryDirectory() as tmp:
            r8, r4 = report(model, "int8", tmp), report(model, "int4", tmp)
            (w8, w4, wb8, wb4), gen = quantize(model, tmp, ["--generated", str(args.generated)])
            real_dir = os.path.join(tmp, "real")
            os.mkdir(real_dir)
            inputs = os.path.join(root, m, "inputs")
            for f in sorted(os.listdir(inputs)):
                if f.startswith(REAL):
                    shutil.copy(os.path.join(inputs, f), real_dir)
            real = quantize(model, tmp, ["--calibration", real_dir])[1] if os.listdir(real_dir) else None
        ratio = lambda a, b: f"{a / b:.3f}"
        sizes.append(f"| {m} | {w8:,} → {w4:,} ({ratio(w4, w8)}) | {wb8:,} → {wb4:,} ({ratio(wb4, wb8)}) "
                     f"| {r8['weight_bytes']:,} → {r4['weight_bytes']:,} ({ratio(r4['weight_bytes'], r8['weight_bytes'])}) "
                     f"| {r8['image_bytes']:,} → {r4['image_bytes']:,} ({ratio(r4['image_bytes'], r8['image_bytes'])}) "
                     f"| {r8['arena_bytes']:,} → {r4['arena_bytes']:,} ({r4['arena_bytes'] - r8['arena_bytes']:+,}) |")
        cell = lambda a: f"{a[1]:.1f}% of {a[0]} | {a[2]:.4f} | {a[3]} dB"
        agree.append(f"| {m} | {cell(real) if real else '— | — | —'} | {cell(gen)} |")
    print("| model | weights (.tflite) int8 → int4 | weights + int32 biases (.tflite) | report weight_bytes | image_bytes | arena_bytes |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(sizes))
    print()
    print(f"| model | top-1 agreement, real inputs | mean abs output diff | logits SQNR | top-1 agreement, {args.generated} generated | mean abs output diff | logits SQNR |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print("\n".join(agree))


if __name__ == "__main__":
    main()
