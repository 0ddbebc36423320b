#!/usr/bin/env bash
# The device test stage: builds every device assembly (the gate projects of build/assemblies.txt), converts each to
# a .pe with nanoFramework's MetadataProcessor, checks its tables against 75% of the MetadataProcessor's limits, and
# runs every portable test assembly on nanoCLR's POSIX host with the official launcher. Output in artifacts/pe/.
#   build/nanoclr/run-tests.sh [--no-build] [--only NetGuard.Core.Tests]...
# The toolchain comes from the cache named by build/nanoclr/toolchain.txt (see build/nanoclr/README.md). Ends with
# "nanoCLR: N passed, N failed" and exits 1 on any failure, hang or test that did not run; without the toolchain it
# prints "nanoCLR: skipped (...)" and exits 3.
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

key=$(awk '!/^#/ && NF == 2 { printf "%s%s-%s", sep, $1, substr($2, 1, 10); sep = "_" }' build/nanoclr/toolchain.txt)
toolchain="${XDG_CACHE_HOME:-$HOME/.cache}/netguard/nanoclr/$key"
if [ ! -f "$toolchain/complete" ]; then
  echo "nanoCLR: skipped (toolchain not built: see build/nanoclr/README.md; looked in $toolchain)"
  exit 3
fi

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done

if [ "$build" -eq 1 ]; then
  echo "building the device assemblies (gate projects) and the runner"
  mkdir -p artifacts
  if ! dotnet build build/gate/DeviceBuild.slnf -c Release -nologo -nodeReuse:false -v quiet > artifacts/device-build.log 2>&1; then
    grep -E ' error ' artifacts/device-build.log | sort -u | head -20
    echo "nanoCLR: 0 passed, 1 failed (the device build failed: artifacts/device-build.log)"
    exit 1
  fi
fi

exec dotnet build/nanoclr/NanoClrRunner/bin/Release/net10.0/NanoClrRunner.dll \
  --repo . --toolchain "$toolchain" --out artifacts/pe ${args[@]+"${args[@]}"}
