#!/usr/bin/env bash
# NetGuard's one test command. Runs, in order:
#   1. what a fresh Debian machine with only the .NET SDK lacks, installed with apt when missing;
#   2. `dotnet build NetGuard.sln` (host build and the nanoFramework compatibility gate);
#   3. the portable tests (nanoFramework.TestFramework API) through the host launcher;
#   4. the same portable tests on the nanoFramework interpreter (nanoCLR's POSIX host), when its toolchain is in the
#      cache (build/nanoclr/README.md); otherwise it says "nanoCLR: skipped" and goes on;
#   5. the host-only xUnit tests;
#   6. a fuzzing smoke: every AFL++ target for FUZZ_SECONDS (default 30) seconds.
# Ends with the line "N passed, N failed"; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0
results="$(pwd)/artifacts/test-results"
mkdir -p "$results"

section() { printf '\n== %s ==\n' "$1"; }

# --- 1. Debian packages the tests use (installed only when missing; needs root) ---------------------
apt_packages=()
need() { command -v "$1" >/dev/null 2>&1 || apt_packages+=("$2"); }
[ -x /usr/sbin/dnsmasq ] || apt_packages+=(dnsmasq-base)   # update check end to end (real DNS server on loopback)
need chromium chromium                                      # admin page in a real browser (Selenium)
need chromedriver chromium-driver
need afl-fuzz afl++                                         # fuzzing smoke
need python3 python3                                        # build/nfproj.py (device projects), checked by a host test
if [ "${#apt_packages[@]}" -gt 0 ]; then
  section "installing ${apt_packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  else
    echo "not root: cannot install ${apt_packages[*]}; tests that need them will fail"
  fi
fi

# --- 2. Build: host projects and the nanoFramework gate -----------------------------------------------
section "dotnet build NetGuard.sln (host build + nanoFramework gate)"
if dotnet build NetGuard.sln -c Release -nologo -nodeReuse:false -v minimal > "$results/build.log" 2>&1; then
  passed=$((passed + 1))
  echo "build: ok"
else
  failed=$((failed + 1))
  grep -E 'error|warning' "$results/build.log" | sort -u | head -50
  echo "build: FAILED (full log: $results/build.log)"
  echo
  echo "$passed passed, $failed failed"
  exit 1
fi

# --- 3. Portable tests through the host launcher -----------------------------------------------------
section "portable tests (NFUnitTest, host launcher)"
dotnet build/host/NFUnitTestLauncher/bin/Release/net10.0/NFUnitTestLauncher.dll > "$results/portable.log" 2>&1
grep -E '^Test (failed|skipped),' "$results/portable.log" | head -50
summary=$(grep -E '^NFUnitTest: [0-9]+ passed, [0-9]+ failed' "$results/portable.log" | tail -1)
if [ -n "$summary" ]; then
  echo "$summary"
  p=$(sed -E 's/^NFUnitTest: ([0-9]+) passed, ([0-9]+) failed.*/\1/' <<<"$summary")
  f=$(sed -E 's/^NFUnitTest: ([0-9]+) passed, ([0-9]+) failed.*/\2/' <<<"$summary")
  passed=$((passed + p)); failed=$((failed + f))
else
  tail -20 "$results/portable.log"
  echo "portable tests: launcher crashed"
  failed=$((failed + 1))
fi

# --- 4. Portable tests on the nanoFramework interpreter ------------------------------------------------
section "portable tests on nanoCLR (device build, MetadataProcessor, POSIX interpreter)"
build/nanoclr/run-tests.sh --no-build > "$results/nanoclr.log" 2>&1
nanoclr_rc=$?
grep -E '^FAILED|^    (failed|skipped)|did not run|^library \.pe total|^  [A-Za-z.]+ +[0-9]+ passed' "$results/nanoclr.log" | head -60
nanoclr=$(grep -E '^nanoCLR: ' "$results/nanoclr.log" | tail -1)
if [ "$nanoclr_rc" -eq 3 ] && grep -qE '^nanoCLR: skipped' <<<"$nanoclr"; then
  echo "$nanoclr"
elif grep -qE '^nanoCLR: [0-9]+ passed, [0-9]+ failed$' <<<"$nanoclr"; then
  echo "$nanoclr"
  p=$(sed -E 's/^nanoCLR: ([0-9]+) passed, ([0-9]+) failed$/\1/' <<<"$nanoclr")
  f=$(sed -E 's/^nanoCLR: ([0-9]+) passed, ([0-9]+) failed$/\2/' <<<"$nanoclr")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$nanoclr_rc" -eq 0 ] || [ "$f" -gt 0 ] || failed=$((failed + 1))
else
  tail -20 "$results/nanoclr.log"
  echo "nanoCLR: the device test stage did not finish (exit code $nanoclr_rc)"
  failed=$((failed + 1))
fi

# --- 5. Host tests (xUnit) ---------------------------------------------------------------------------
section "host tests (xUnit)"
rm -f "$results/host.trx"
dotnet test nf-guard.HostTests/NetGuard.HostTests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=$results/host.trx" --logger "console;verbosity=minimal" > "$results/host.log" 2>&1
grep -E '^\s+Failed |Error Message|Assert\.' "$results/host.log" | head -60
if [ -f "$results/host.trx" ]; then
  counters=$(grep -oE '<Counters [^>]*>' "$results/host.trx" | head -1)
  p=$(grep -oE ' passed="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  f=$(grep -oE ' failed="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  e=$(grep -oE ' error="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  echo "host tests: ${p:-0} passed, ${f:-0} failed, ${e:-0} errors"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
else
  tail -20 "$results/host.log"
  echo "host tests: no results"
  failed=$((failed + 1))
fi

# --- 6. Fuzzing smoke (AFL++ through SharpFuzz) -------------------------------------------------------
section "fuzzing smoke (${FUZZ_SECONDS:-30} s per target)"
fuzz/run.sh --smoke "${FUZZ_SECONDS:-30}" > "$results/fuzz.log" 2>&1
fuzz_lines=$(grep -E '^[a-z0-9-]+: [0-9]+ executions, [0-9]+ crashes, [0-9]+ hangs$' "$results/fuzz.log")
if [ -n "$fuzz_lines" ]; then
  echo "$fuzz_lines"
  while read -r line; do
    if grep -qE ': [1-9][0-9]* executions, 0 crashes, 0 hangs$' <<<"$line"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
    fi
  done <<<"$fuzz_lines"
else
  tail -20 "$results/fuzz.log"
  echo "fuzzing: no target ran"
  failed=$((failed + 1))
fi
grep -E 'did not start' "$results/fuzz.log" && failed=$((failed + 1))

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
