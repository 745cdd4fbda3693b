#!/usr/bin/env python3
"""Sums the guest instructions QEMU executed between tl_mark_begin(id) and tl_mark_end(id).

Input: a QEMU log made with -d in_asm,exec,nochain (each TB's instructions listed once, then one
"Trace" line per execution). Usage: count.py LOG ELF MACS1 MACS2 ...
"""
import re
import subprocess
import sys

log, elf = sys.argv[1], sys.argv[2]
macs = [int(m) for m in sys.argv[3:]]
syms = {}
for line in subprocess.run(["arm-none-eabi-nm", elf], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3:
        syms[parts[2]] = int(parts[0], 16)
begin, end = syms["tl_mark_begin"], syms["tl_mark_end"]

tb_size = {}
counts = {}
current_tb = None
marks = []
running = None
total = 0
seen_begin = 0
with open(log, errors="replace") as f:
    for line in f:
        if line.startswith("IN:"):
            current_tb = None
            continue
        m = re.match(r"^0x([0-9a-f]+):\s", line)
        if m and current_tb is None:
            current_tb = int(m.group(1), 16)
            tb_size[current_tb] = 0
        if m:
            tb_size[current_tb] += 1
            continue
        if line.strip() == "":
            current_tb = None
            continue
        t = re.search(r"Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/", line)
        if t:
            pc = int(t.group(1), 16)
            if pc == (begin & ~1):
                running = 0
                continue
            if pc == (end & ~1):
                marks.append(running)
                running = None
                continue
            if running is not None:
                running += tb_size.get(pc, 0)
names = ["conv 10x4 fast", "dw 3x3 fast", "conv 1x1 fast", "conv 10x4 plain", "dw 3x3 plain", "conv 1x1 plain"]
for i, n in enumerate(marks):
    print(f"{names[i]:18s} {n:9d} instructions, {n / macs[i]:.2f} per MAC")
