#!/bin/sh
# Runs every benchmark (forks, warmup and measurement as annotated) and writes one JMH JSON file per benchmark
# class plus the load average around each into the directory given (default benchmarks/target/results/<timestamp>).
# Extra arguments go to JMH, e.g.  run-all.sh /tmp/gc-run -prof gc
set -e
cd "$(dirname "$0")/../.."
OUT=${1:-benchmarks/target/results/$(date +%Y%m%d-%H%M%S)}
[ $# -gt 0 ] && shift
mkdir -p "$OUT"
JAR=benchmarks/target/benchmarks.jar
for BENCH in PlaceCancelBenchmark AmendBenchmark SweepBenchmark MixedStreamThroughputBenchmark MixedStreamLatencyBenchmark \
    TimerBaselineBenchmark
do
    echo "$BENCH start $(cat /proc/loadavg)" >> "$OUT/load.txt"
    java -jar "$JAR" "$BENCH" -rf json -rff "$OUT/$BENCH.json" "$@" > "$OUT/$BENCH.log" 2>&1
    echo "$BENCH end   $(cat /proc/loadavg)" >> "$OUT/load.txt"
done
python3 benchmarks/scripts/summarize.py "$OUT"/*.json
