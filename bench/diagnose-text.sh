#!/usr/bin/env bash
# Whole-process benchmark of `callkit-doctor diagnose` on large text logs built by repeating real lines
# (the samples' call flow between runs of ordinary system chatter). Prints lines/s, MB/s and peak RSS for
# several sizes, so that growth of memory with input shows. Usage: bench/diagnose-text.sh [LINES...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-250000 1000000 2000000}")
[ $# -eq 0 ] && sizes=(250000 1000000 2000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/CallKitDoctor.Cli -o "$work/cli" -v q -nologo >/dev/null
dotnet build -c Release bench/CallKitDoctor.Benchmarks -o "$work/bench" -v q -nologo >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
printf '%-10s %-10s %-9s %-12s %-9s %-10s\n' lines MB seconds lines/s MB/s peakRSS_MB
for n in "${sizes[@]}"; do
  log="$work/bench-$n.log"
  dotnet "$work/bench/CallKitDoctor.Benchmarks.dll" generate "$log" "$n" 200
  bytes=$(stat -c %s "$log")
  # One warm-up run, then the measured one.
  dotnet "$work/cli/callkit-doctor.dll" diagnose "$log" --format json >/dev/null || true
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$work/cli/callkit-doctor.dll" diagnose "$log" --format json >/dev/null || true
  read -r secs rss_kb <"$work/time"
  awk -v n="$n" -v b="$bytes" -v s="$secs" -v r="$rss_kb" \
    'BEGIN { printf "%-10d %-10.1f %-9.2f %-12.0f %-9.1f %-10.1f\n", n, b/1e6, s, n/s, b/1e6/s, r/1024 }'
done
