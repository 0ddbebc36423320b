#!/usr/bin/env bash
# Slow-loris load test of the SmartSocket host simulation (issue 18): 40, then 200 reconnecting slow clients from one
# address (127.0.0.2) against a well-behaved client on 127.0.0.1. Results go in docs/security-evidence.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build samples/SmartSocket/SmartSocket.Host -c Release -nologo -v q
dotnet build benchmarks/NetGuard.LoadTest -c Release -nologo -v q
for clients in 40 200; do
  dotnet benchmarks/NetGuard.LoadTest/bin/Release/net10.0/NetGuard.LoadTest.dll --slow-clients "$clients" "$@"
  echo
done
