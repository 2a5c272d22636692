package io.bourse.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;

/**
 * Replays the mixed stream on fresh engines in a plain loop, printing commands/s per pass by wall-clock time and by
 * the thread's CPU time (which leaves out time the thread was descheduled on a busy machine): a cross-check of the
 * JMH numbers and a target for profilers (JFR, async-profiler). With {@code --latency-by-kind} the last pass times
 * every command ({@code System.nanoTime()} around each, so about 20 ns of timer cost is included) and prints
 * percentiles per kind of command. Usage: {@code MixedStreamReplay [passes] [--latency-by-kind]}.
 */
public final class MixedStreamReplay
{
    /** Longer latencies are recorded as this (10 ms). */
    private static final long MAX_RECORDED_NS = 10_000_000L;

    private MixedStreamReplay()
    {
    }

    public static void main(final String[] args)
    {
        final int passes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        final boolean byKind = args.length > 1 && "--latency-by-kind".equals(args[1]);
        final MixedStream stream = MixedStream.standard();
        final EventLog events = new EventLog();
        final UnsafeBuffer buffer = stream.body().buffer();
        final int[] offsets = stream.body().offsets();
        final int commands = stream.body().size();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < passes; pass++)
        {
            final ExchangeEngine engine = stream.newEngine(events);
            final long startCpuNs = threads.getCurrentThreadCpuTime();
            final long startNs = System.nanoTime();
            for (int i = 0; i < commands; i++)
            {
                events.reset();
                engine.process(buffer, offsets[i], offsets[i + 1] - offsets[i], MixedStream.bodyTimeNs(i), events);
            }
            final long elapsedNs = System.nanoTime() - startNs;
            final long cpuNs = threads.getCurrentThreadCpuTime() - startCpuNs;
            System.out.printf("pass %d: wall %.2f M commands/s (%.0f ns/command), thread CPU %.2f M commands/s (%.0f ns/command)%n",
                pass, commands * 1e3 / elapsedNs, (double)elapsedNs / commands, commands * 1e3 / cpuNs, (double)cpuNs / commands);
        }
        if (byKind)
        {
            timeEachCommand(stream, events, buffer, offsets, commands);
        }
    }

    private static void timeEachCommand(
        final MixedStream stream, final EventLog events, final UnsafeBuffer buffer, final int[] offsets, final int commands)
    {
        final CommandKind[] kinds = CommandKind.values();
        final Histogram all = new Histogram(MAX_RECORDED_NS, 3);
        final Histogram[] byKind = new Histogram[kinds.length];
        for (int k = 0; k < kinds.length; k++)
        {
            byKind[k] = new Histogram(MAX_RECORDED_NS, 3);
        }
        final ExchangeEngine engine = stream.newEngine(events);
        for (int i = 0; i < commands; i++)
        {
            final long startNs = System.nanoTime();
            events.reset();
            engine.process(buffer, offsets[i], offsets[i + 1] - offsets[i], MixedStream.bodyTimeNs(i), events);
            final long latencyNs = Math.min(MAX_RECORDED_NS, System.nanoTime() - startNs);
            all.recordValue(latencyNs);
            byKind[stream.kind(i).ordinal()].recordValue(latencyNs);
        }
        System.out.printf("%nper-command latency, ns (one pass, timer included)%n%-28s %7s %6s %6s %6s %7s%n",
            "kind", "share", "p50", "p90", "p99", "p99.9");
        print("all", all, commands);
        for (int k = 0; k < kinds.length; k++)
        {
            print(kinds[k].label, byKind[k], commands);
        }
    }

    private static void print(final String label, final Histogram histogram, final int commands)
    {
        System.out.printf("%-28s %6.2f%% %6d %6d %6d %7d%n", label, 100.0 * histogram.getTotalCount() / commands,
            histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
            histogram.getValueAtPercentile(99.9));
    }
}
