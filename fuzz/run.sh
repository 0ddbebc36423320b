#!/usr/bin/env bash
# Fuzzes NetGuard's parsers with AFL++ through SharpFuzz.
#   fuzz/run.sh --list              names the targets
#   fuzz/run.sh TARGET SECONDS      fuzzes one target; ends with "TARGET: N executions, C crashes, H hangs"
#   fuzz/run.sh --smoke SECONDS     every target for SECONDS each (the test command uses this)
# Needs: afl++ (Debian package), the sharpfuzz tool (dotnet tool restore, from dotnet-tools.json).
# Findings land in artifacts/fuzz/TARGET/default/crashes; replay one with
#   dotnet artifacts/fuzz/harness/NetGuard.Fuzz.dll --replay TARGET FILE
# and turn it into a regression test (nf-guard.HostTests/Fuzz). Seeds: fuzz/make-seeds.sh regenerates fuzz/seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/artifacts/fuzz"
harness="$out/harness"

# The instrumented harness is reused until a harness or library source changes.
stale() {
  [ ! -f "$harness/.instrumented" ] && return 0
  [ -n "$(find "$root/fuzz/NetGuard.Fuzz" "$root/nf-guard" \( -path '*/bin' -o -path '*/obj' \) -prune -o \
          \( -name '*.cs' -o -name '*.csproj' \) -newer "$harness/.instrumented" -print | head -1)" ]
}

build() {
  if stale; then
    # Publish into an empty folder: sharpfuzz refuses a NetGuard.dll that an earlier run already instrumented.
    rm -rf "$harness"
    dotnet publish "$root/fuzz/NetGuard.Fuzz/NetGuard.Fuzz.csproj" -c Release -o "$harness" -nologo -v quiet -nodeReuse:false >/dev/null
    (cd "$root" && dotnet tool restore >/dev/null && dotnet tool run sharpfuzz "$harness/NetGuard.dll" >/dev/null)
    touch "$harness/.instrumented"
  fi
}

list() { dotnet "$harness/NetGuard.Fuzz.dll" --list; }

run_one() {
  local target="$1" seconds="$2"
  local seeds="$root/fuzz/seeds/$target" findings="$out/$target"
  [ -d "$seeds" ] || { echo "no seed corpus at fuzz/seeds/$target" >&2; return 2; }
  rm -rf "$findings"
  AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_NO_AFFINITY=1 AFL_QUIET=1 \
    timeout $((seconds + 60)) afl-fuzz -i "$seeds" -o "$findings" -t 10000 -m none -V "$seconds" -- \
    dotnet "$harness/NetGuard.Fuzz.dll" "$target" >"$out/$target.log" 2>&1 || true
  local stats="$findings/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "$target: afl-fuzz did not start (see artifacts/fuzz/$target.log)"
    tail -5 "$out/$target.log" >&2
    return 1
  fi
  local execs crashes hangs
  execs=$(awk -F' *: *' '$1=="execs_done"{print $2}' "$stats")
  crashes=$(awk -F' *: *' '$1=="saved_crashes"{print $2}' "$stats")
  hangs=$(awk -F' *: *' '$1=="saved_hangs"{print $2}' "$stats")
  echo "$target: ${execs:-0} executions, ${crashes:-0} crashes, ${hangs:-0} hangs"
  [ "${crashes:-0}" -eq 0 ] && [ "${hangs:-0}" -eq 0 ] && [ "${execs:-0}" -gt 0 ]
}

mkdir -p "$out"
case "${1:-}" in
  --list) build; list ;;
  --smoke)
    build
    status=0
    for target in $(list); do run_one "$target" "${2:-30}" || status=1; done
    exit $status ;;
  ""|-h|--help) sed -n '2,10p' "$0"; exit 2 ;;
  *) build; run_one "$1" "${2:-60}" ;;
esac
