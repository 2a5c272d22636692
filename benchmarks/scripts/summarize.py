#!/usr/bin/env python3
"""Summarizes JMH JSON results (-rf json) as median and range over forks.

Usage: summarize.py result.json [more.json ...]

AverageTime: the mean of each fork; median and min..max over forks (and over all iterations).
SingleShotTime (mixed stream throughput): each iteration is one pass over the stream; shows ns/command and
commands/s = 1e9 / ns, median and min..max over all iterations, and the median of each fork.
SampleTime: p50 / p99 / p99.9 of each fork from its histogram; median and min..max over forks.
"""
import json
import statistics
import sys


def percentile(histogram, fraction):
    """Value at `fraction` of the samples in [[value, count], ...] pairs (JMH rawDataHistogram entries)."""
    pairs = sorted(histogram)
    total = sum(count for _, count in pairs)
    target = fraction * total
    seen = 0
    for value, count in pairs:
        seen += count
        if seen >= target:
            return value
    return pairs[-1][0]


def fmt(values, digits=1):
    return f"{statistics.median(values):,.{digits}f} ({min(values):,.{digits}f} .. {max(values):,.{digits}f})"


def main(paths):
    for path in paths:
        with open(path) as source:
            results = json.load(source)
        for result in results:
            name = result["benchmark"].replace("io.bourse.benchmarks.", "")
            params = result.get("params")
            if params:
                name += " " + ",".join(f"{k}={v}" for k, v in params.items())
            metric = result["primaryMetric"]
            unit = metric["scoreUnit"]
            mode = result["mode"]
            forks = result["forks"]
            if mode == "avgt":
                fork_means = [statistics.mean(fork) for fork in metric["rawData"]]
                every = [value for fork in metric["rawData"] for value in fork]
                print(f"{name:55s} {unit:6s} median of {forks} fork means {fmt(fork_means)}; "
                      f"all {len(every)} iterations {fmt(every)}")
            elif mode == "ss":
                every = [value for fork in metric["rawData"] for value in fork]
                fork_medians = [statistics.median(fork) for fork in metric["rawData"]]
                rates = [1e3 / value for value in every]
                print(f"{name:55s} ns/command {fmt(every)}; M commands/s {fmt(rates, 2)}; "
                      f"fork medians {', '.join(f'{v:.1f}' for v in fork_medians)} ns")
            elif mode == "sample":
                rows = []
                for fork in metric["rawDataHistogram"]:
                    merged = {}
                    for iteration in fork:
                        for value, count in iteration:
                            merged[value] = merged.get(value, 0) + count
                    histogram = list(merged.items())
                    rows.append([percentile(histogram, p) for p in (0.5, 0.99, 0.999)])
                columns = list(zip(*rows))
                samples = sum(count for fork in metric["rawDataHistogram"] for it in fork for _, count in it)
                print(f"{name:55s} {unit:6s} p50 {fmt(columns[0], 0)}; p99 {fmt(columns[1], 0)}; "
                      f"p99.9 {fmt(columns[2], 0)} over {forks} forks, {samples:,} samples")
            else:
                print(f"{name:55s} {mode} {metric['score']:.3f} {unit}")
            for secondary, data in result.get("secondaryMetrics", {}).items():
                if secondary.endswith("alloc.rate.norm"):
                    print(f"{'':55s} {secondary}: {data['score']:.3f} {data['scoreUnit']}")


if __name__ == "__main__":
    main(sys.argv[1:])
