#!/usr/bin/env bash
# Drain-rate benchmark of the sidecar (io.bourse.persistence.DrainBenchmark, test scope): writes a trade-heavy journal
# once (kept in persistence/target/), then drains it into a fresh PostgreSQL database per run and prints entries/s,
# ledger rows/s and trades/s with median and range. Needs PostgreSQL on 127.0.0.1:5432 (else an embedded one).
#   persistence/scripts/drain-benchmark.sh [commands=1000000] [runs=3] [batchSize=5000]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl persistence -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/persistence/target/benchmark.classpath" -Dmdep.includeScope=test
cd persistence
exec java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
    -Dchronicle.analytics.disable=true -Dchronicle.announcer.disable=true -Xms2g -Xmx2g \
    -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
    "${BENCHMARK_CLASS:-io.bourse.persistence.DrainBenchmark}" "$@"
