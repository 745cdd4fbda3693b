#!/usr/bin/env bash
# Runs every test of the project: the device build of nf-runtime (nanoFramework mscorlib) and the
# xunit suite (codegen, runtime, golden models from ../shared/models when present).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
echo "== device build of nf-runtime (nanoFramework mscorlib, warnings as errors)"
dotnet build nf-runtime/device/TinyLite.Runtime.Device.csproj -c Release -nologo -v q
echo "== xunit"
dotnet test TinyLite.sln -c Release -nologo -v q --logger "console;verbosity=minimal"
