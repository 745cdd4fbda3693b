#!/usr/bin/env bash
# Arena bytes per memory plan of MobileNetV2 1.0 at 224×224 (random weights, built by the tests) in the TFLite shape
# and in the shape a PyTorch export has (NCHW input + TRANSPOSE, an explicit PAD before each 3×3 layer), as the
# Markdown table of bench/RESULTS.md. The test that prints it also asserts the PyTorch shape's best plan stays within
# 10% of the TFLite shape's and that both run bit-exact with the layer plan (the PyTorch one unfolded).
# Run from the repository root: bench/mobilenet-v2-shapes.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet test tests/TinyLite.Tests -c Release -nologo \
  --filter "FullyQualifiedName~Compile_PyTorchShapedMobileNetV2At224" --logger "console;verbosity=detailed" \
  | sed -n 's/^ *\(|.*|\)$/\1/p'
