#!/usr/bin/env bash
# Whole-process benchmark of `callkit-doctor show --style ndjson > /dev/null` over >= 500 MB of tracev3:
# the real iPadOS file 0000000000000f85.tracev3 from the shared test data, copied into a temporary logarchive-like
# folder until the total passes TARGET_MB. Its format strings do not resolve (no uuidtext beside the copies), so
# messages are the `log` placeholders. Reports entries/s, MB/s and peak RSS for each --order (time merge, file by file).
# Usage: bench/show-unified.sh [TARGET_MB]   (needs CALLKIT_DOCTOR_SHARED or /work/shared)
set -euo pipefail
target_mb=${1:-500}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${CALLKIT_DOCTOR_SHARED:-/work/shared}
source_file="$shared/testdata/unified_logging/0000000000000f85.tracev3"
if [[ ! -f $source_file ]]; then
  echo "show-unified: $source_file not found (set CALLKIT_DOCTOR_SHARED); nothing to measure" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish "$repo/src/CallKitDoctor.Cli" -c Release -o "$work/bin" --nologo -v q >/dev/null
cli=("$work/bin/callkit-doctor")

size=$(stat -c %s "$source_file")
copies=$(( (target_mb * 1024 * 1024 + size - 1) / size ))
mkdir -p "$work/archive/Persist"
for ((i = 1; i <= copies; i++)); do
  cp "$source_file" "$work/archive/Persist/$(printf '%016x' "$i").tracev3"
done
total_bytes=$(( size * copies ))
per_file=$("${cli[@]}" show "$source_file" --style ndjson | tail -1 | sed -E 's/.*"count":([0-9]+).*/\1/')
entries=$(( per_file * copies ))
echo "input: $copies copies of $(basename "$source_file") ($size bytes, $per_file entries each) = $((total_bytes / 1048576)) MB, $entries entries"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%dT%H:%MZ)"

for order in file time; do
  cat "$work"/archive/Persist/*.tracev3 > /dev/null  # warm the page cache
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "${cli[@]}" show "$work/archive" --style ndjson --order "$order" > /dev/null || true
  read -r seconds peak_kb < "$work/time.txt"
  awk -v o="$order" -v s="$seconds" -v kb="$peak_kb" -v n="$entries" -v b="$total_bytes" 'BEGIN {
    printf "--order %-4s  %7.2f s  %10.0f entries/s  %7.1f MB/s  peak RSS %6.1f MB\n", o, s, n / s, b / 1048576 / s, kb / 1024 }'
done
