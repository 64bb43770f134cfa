#!/usr/bin/env bash
# perftest execution script: hashes SIZE bytes of generated data again and again for DURATION
# seconds and writes results.csv (throughput, latency percentiles) and multicol.csv (per second).
#   usage: run.sh DURATION SIZE        (perftest passes the declared arguments in this order)
set -euo pipefail

duration=${1:?usage: run.sh DURATION SIZE}
size=${2:?usage: run.sh DURATION SIZE}
out=${PERFTEST_RESULTS_DIR:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

head -c "$size" /dev/urandom > "$work/data"
bytes=$(stat -c %s "$work/data")
echo "hashing $bytes bytes per operation for ${duration}s (iteration ${PERFTEST_ITERATION:-1})"

now_ns() { date +%s%N; }
start=$(now_ns)
end=$((start + duration * 1000000000))
: > "$work/latencies"
: > "$work/completions"
ops=0
while :; do
  t0=$(now_ns)
  [ "$t0" -ge "$end" ] && break
  sha256sum "$work/data" > /dev/null
  t1=$(now_ns)
  echo $(( (t1 - t0) / 1000 )) >> "$work/latencies"          # microseconds
  echo $(( (t1 - start) / 1000000000 )) >> "$work/completions" # second of completion
  ops=$((ops + 1))
done
elapsed_ns=$(( $(now_ns) - start ))
echo "$ops operations in $((elapsed_ns / 1000000)) ms"

sort -n "$work/latencies" > "$work/sorted"
awk -v ops="$ops" -v bytes="$bytes" -v ns="$elapsed_ns" '
  { v[NR] = $1; sum += $1 }
  function pct(p,   i) { i = int(p * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; return v[i] / 1000 }
  END {
    secs = ns / 1e9
    print "metric,value,unit"
    printf "throughput,%.3f,MB/s\n", ops * bytes / 1e6 / secs
    printf "operations,%d,count\n", ops
    printf "ops_per_sec,%.3f,ops/s\n", ops / secs
    if (NR > 0) {
      printf "latency_mean,%.3f,ms\n", sum / NR / 1000
      printf "latency_p50,%.3f,ms\n", pct(0.50)
      printf "latency_p95,%.3f,ms\n", pct(0.95)
      printf "latency_p99,%.3f,ms\n", pct(0.99)
      printf "latency_max,%.3f,ms\n", v[NR] / 1000
    }
  }' "$work/sorted" > "$out/results.csv"

awk -v bytes="$bytes" -v d="$duration" '
  { n[$1]++ }
  END {
    print "second,ops (ops/s),throughput (MB/s)"
    for (s = 0; s < d; s++) printf "%d,%d,%.3f\n", s + 1, n[s], n[s] * bytes / 1e6
  }' "$work/completions" > "$out/multicol.csv"

cat "$out/results.csv"
