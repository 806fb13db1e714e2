#!/usr/bin/env bash
# Whole-process benchmark of `callkit-doctor show --style ndjson --info --debug > /dev/null` (every entry) over >= TARGET_MB of tracev3, on two sets:
#  (a) real: the iPadOS file 0000000000000f85.tracev3 from the shared test data copied into Persist/ of a temporary
#      logarchive-like folder until the total passes TARGET_MB. Its format strings do not resolve (no uuidtext beside the
#      copies), so messages are the `log` placeholders; every copy starts at the same instant (the merge's worst case).
#  (b) resolved: a folder written by the project (BenchArchiveWriter via `CallKitDoctor.Benchmarks unified-archive`):
#      48 processes, uuidtext per executable, one dsc, a timesync file, files following each other in time; every
#      format string resolves and every message is fully formatted (public/private strings and objects, integers).
#      Written once (500 MB: about 45 CPU s, 3 minutes on a loaded 2-core machine) and cached in
#      ${CALLKIT_DOCTOR_CACHE:-~/.cache/callkit-doctor}/unified-b-v2-TARGET_MB (same bytes every time).
# Reports entries/s, MB/s, CPU seconds (user+sys) and peak RSS for each set and --order (time merge, file by file).
# Usage: bench/show-unified.sh [TARGET_MB] [SETS]   SETS: "a b" (default), "a" or "b". Set (a) needs CALLKIT_DOCTOR_SHARED
# or /work/shared; set (b) needs nothing outside the repository. CLI=/path/to/callkit-doctor times that build instead
# of publishing this checkout (A/B against another commit); RUNS=N repeats each measurement.
set -euo pipefail
target_mb=${1:-500}
sets=${2:-"a b"}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${CALLKIT_DOCTOR_SHARED:-/work/shared}
source_file="$shared/testdata/unified_logging/0000000000000f85.tracev3"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-1}
cache=${CALLKIT_DOCTOR_CACHE:-$HOME/.cache/callkit-doctor}
if [[ -n ${CLI:-} ]]; then
  cli=("$CLI")
else
  dotnet publish "$repo/src/CallKitDoctor.Cli" -c Release -o "$work/bin" --nologo -v q >/dev/null
  cli=("$work/bin/callkit-doctor")
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label dir entries bytes
  local label=$1 dir=$2 entries=$3 bytes=$4
  for order in file time; do
   for ((run = 1; run <= runs; run++)); do
    cat "$dir"/Persist/*.tracev3 > /dev/null  # warm the page cache
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "${cli[@]}" show "$dir" --style ndjson --info --debug --order "$order" > /dev/null || true
    read -r seconds user sys peak_kb < "$work/time.txt"
    awk -v l="$label" -v o="$order" -v s="$seconds" -v u="$user" -v y="$sys" -v kb="$peak_kb" -v n="$entries" -v b="$bytes" 'BEGIN {
      printf "set %-3s --order %-4s  %7.2f s  %10.0f entries/s  %7.1f MB/s  cpu %6.2f s (%.2f us/entry)  peak RSS %6.1f MB\n",
        l, o, s, n / s, b / 1048576 / s, u + y, (u + y) / n * 1e6, kb / 1024 }'
   done
  done
}

if [[ " $sets " == *" a "* ]]; then
  if [[ -f $source_file ]]; then
    size=$(stat -c %s "$source_file")
    copies=$(( (target_mb * 1024 * 1024 + size - 1) / size ))
    mkdir -p "$work/a/Persist"
    for ((i = 1; i <= copies; i++)); do
      cp "$source_file" "$work/a/Persist/$(printf '%016x' "$i").tracev3"
    done
    total_bytes=$(( size * copies ))
    per_file=$("${cli[@]}" show "$source_file" --style ndjson --info --debug | tail -1 | sed -E 's/.*"count":([0-9]+).*/\1/')
    entries=$(( per_file * copies ))
    echo "set a: $copies copies of $(basename "$source_file") ($size bytes, $per_file entries each) = $((total_bytes / 1048576)) MB, $entries entries"
    measure a "$work/a" "$entries" "$total_bytes"
    rm -rf "$work/a"
  else
    echo "show-unified: $source_file not found (set CALLKIT_DOCTOR_SHARED); set a skipped" >&2
  fi
fi

if [[ " $sets " == *" b "* ]]; then
  set_b="$cache/unified-b-v2-$target_mb"
  if [[ ! -f $set_b/summary.txt ]]; then
    rm -rf "$set_b" "$set_b.tmp"
    mkdir -p "$cache"
    dotnet build "$repo/bench/CallKitDoctor.Benchmarks" -c Release --nologo -v q >/dev/null
    /usr/bin/time -f "%e %U %S" -o "$work/write.txt" dotnet run -c Release --no-build --project "$repo/bench/CallKitDoctor.Benchmarks" -- unified-archive "$set_b.tmp" "$target_mb" > "$work/summary.txt"
    mv "$set_b.tmp" "$set_b" && mv "$work/summary.txt" "$set_b/summary.txt"
    read -r seconds user sys < "$work/write.txt"
    echo "set b written in $seconds s (cpu $(awk -v u="$user" -v y="$sys" 'BEGIN { print u + y }') s) to $set_b"
  fi
  read -r files total_bytes entries < "$set_b/summary.txt"
  echo "set b: $files generated tracev3 files = $((total_bytes / 1048576)) MB, $entries entries, every format string resolving ($set_b)"
  measure b "$set_b" "$entries" "$total_bytes"
fi
