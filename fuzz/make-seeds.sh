#!/usr/bin/env bash
# Regenerates the seed corpora in fuzz/seeds/. Signed objects (update packages, announcements, key lists) are made
# with the netguard CLI and the TEST-ONLY key pair in fuzz/keys (never use it for anything else); the rest, and the
# near-valid variants, are written by the harness (NetGuard.Fuzz --write-seeds). Announcements carry the time they
# were made, so regenerated seeds differ byte-wise; the fuzz targets verify them at their own issue time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
keys="$root/fuzz/keys"
signed="$(mktemp -d)"
trap 'rm -rf "$signed"' EXIT
cli=(dotnet run --project "$root/tools/NetGuard.Cli" -c Release --)

printf 'tiny firmware image' >"$signed/image-small"
head -c 200 /dev/zero | tr '\0' 'A' >"$signed/image-200"
: >"$signed/image-empty"
"${cli[@]}" sign --key "$keys/root/netguard.key" --image "$signed/image-small" --model SmartSocket --version 1.1.0 --counter 5 --expires 2030-01-01T00:00:00Z --out "$signed/package-small.bin" >/dev/null
"${cli[@]}" sign --key "$keys/root/netguard.key" --image "$signed/image-200" --model SmartSocket --version 2.0.1 --counter 7 --out "$signed/package-200.bin" >/dev/null
"${cli[@]}" sign --key "$keys/root/netguard.key" --image "$signed/image-empty" --model SmartSocket --version 1.0.1 --counter 1 --out "$signed/package-empty.bin" >/dev/null
"${cli[@]}" sign --key "$keys/second/netguard.key" --image "$signed/image-small" --model SmartSocket --version 1.1.0 --counter 5 --out "$signed/package-untrusted-key.bin" >/dev/null
"${cli[@]}" sign --key "$keys/root/netguard.key" --image "$signed/image-small" --model OtherModel --version 1.1.0 --counter 5 --out "$signed/package-other-model.bin" >/dev/null
"${cli[@]}" announce --key "$keys/root/netguard.key" --model SmartSocket --version 1.2.0 --counter 5 >"$signed/announce-valid.txt"
"${cli[@]}" announce --key "$keys/root/netguard.key" --model OtherModel --version 3.0.0 --counter 9 --valid-hours 48 >"$signed/announce-other-model.txt"
"${cli[@]}" announce --key "$keys/second/netguard.key" --model SmartSocket --version 1.2.0 --counter 5 >"$signed/announce-untrusted-key.txt"
"${cli[@]}" rotate --root-key "$keys/root/netguard.key" --keys "$keys/root/netguard.pub" "$keys/second/netguard.pub" --version 2 --out "$signed/keylist-v2.bin" >/dev/null
"${cli[@]}" rotate --root-key "$keys/root/netguard.key" --keys "$keys/second/netguard.pub" "$keys/root/netguard.pub" --revoke 0102030405060708 --version 3 --out "$signed/keylist-new-root.bin" >/dev/null
"${cli[@]}" rotate --root-key "$keys/root/netguard.key" --keys "$keys/root/netguard.pub" --version 1 --out "$signed/keylist-not-newer.bin" >/dev/null

rm -rf "$root/fuzz/seeds"
dotnet run --project "$root/fuzz/NetGuard.Fuzz" -c Release -- --write-seeds "$root/fuzz/seeds" "$signed"
for dir in "$root"/fuzz/seeds/*/; do echo "$(basename "$dir"): $(ls "$dir" | wc -l) seeds"; done
