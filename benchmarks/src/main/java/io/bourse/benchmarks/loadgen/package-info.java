/**
 * {@code bourse loadgen}: the open-loop latency load generator for the binary order-entry protocol, against a running
 * server or one it starts in-process. Benchmark code only.
 */
package io.bourse.benchmarks.loadgen;
