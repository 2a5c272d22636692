package io.bourse.benchmarks;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.PipelineContext;
import io.bourse.engine.pipeline.WaitStrategies;
import io.bourse.engine.server.ServerSettings;

/**
 * Open-loop latency from publish to journaled: command {@code k} is due at {@code start + k / rate}; its latency runs
 * from that intended time (not the actual send, so a stalled producer cannot hide queueing: no coordinated omission)
 * to the moment the reply stage sees it, i.e. after the journal stage appended it (and forced it, per fsync policy).
 * The first 20% of commands warm up and are not recorded.
 * Usage: {@code PipelineLatency rate [seconds] [fsync] [wait-strategy] [hgrm-file] [dir]}.
 */
public final class PipelineLatency
{
    private static final long MAX_RECORDED_NS = 10_000_000_000L;
    private static final double WARMUP_SHARE = 0.2;

    private PipelineLatency()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final long rate = Long.parseLong(args[0]);
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        final FsyncPolicy fsync = ServerSettings.fsyncPolicy(args.length > 2 ? args[2] : "none");
        final String wait = args.length > 3 ? args[3] : WaitStrategies.DEFAULT;
        final String hgrm = args.length > 4 ? args[4] : null;
        final Path base = Path.of(args.length > 5 ? args[5] : "benchmarks/target/pipeline-bench");
        Files.createDirectories(base);

        final MixedStream stream = MixedStream.standard();
        final int count = (int)Math.min(stream.body().size(), rate * seconds);
        final int warmup = (int)(count * WARMUP_SHARE);
        final long[] intendedNs = new long[count];
        final Histogram histogram = new Histogram(MAX_RECORDED_NS, 3);
        final Recorder recorder = new Recorder(intendedNs, histogram, warmup);
        final Path dir = Files.createTempDirectory(base, "latency");
        try (PipelineRig rig = new PipelineRig(stream, dir, fsync, wait, PipelineContext.DEFAULT_RING_SIZE,
            (slot, endOfBatch) -> recorder.onReply(slot.engineSequence())))
        {
            rig.publishPrefix();
            recorder.bodyStartsAfter(rig.prefixSize());
            final double intervalNs = 1e9 / rate;
            final long startNs = System.nanoTime() + 1_000_000;
            for (int k = 0; k < count; k++)
            {
                final long due = startNs + (long)(k * intervalNs);
                long now;
                while ((now = System.nanoTime()) < due)
                {
                    // Sleep rather than spin, as a gateway's event loop waits in epoll: on 2 cores a spinning
                    // producer would take a core from the pipeline. Commands that fall due while it sleeps go out
                    // in a burst, each timed from its own intended send time.
                    LockSupport.parkNanos(due - now);
                }
                intendedNs[k] = due;
                rig.publishBody(k);
            }
            final long publishedNs = System.nanoTime() - startNs;
            while (recorder.done() < count)
            {
                Thread.yield();
            }
            System.out.printf("offered %,d/s for %.1f s (%,d commands, achieved %,.0f/s), fsync %s, wait %s%n",
                rate, count / (double)rate, count, count * 1e9 / publishedNs, fsync.name().toLowerCase(), wait);
        }
        finally
        {
            PipelineRig.deleteTree(dir);
        }
        System.out.printf("publish->journaled latency (us): p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f  (n=%,d)%n",
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getMaxValue() / 1e3, histogram.getTotalCount());
        if (hgrm != null)
        {
            try (PrintStream out = new PrintStream(new FileOutputStream(hgrm)))
            {
                histogram.outputPercentileDistribution(out, 1000.0);
            }
        }
    }

    /** Records each body command's latency on the reply thread, allocation-free. */
    private static final class Recorder
    {
        private final long[] intendedNs;
        private final Histogram histogram;
        private final int warmup;
        private volatile long prefixSize = Long.MAX_VALUE;
        private volatile int done;

        Recorder(final long[] intendedNs, final Histogram histogram, final int warmup)
        {
            this.intendedNs = intendedNs;
            this.histogram = histogram;
            this.warmup = warmup;
        }

        void bodyStartsAfter(final long prefixSize)
        {
            this.prefixSize = prefixSize;
        }

        void onReply(final long engineSequence)
        {
            final long nowNs = System.nanoTime();
            if (engineSequence <= prefixSize)
            {
                return;
            }
            final int k = (int)(engineSequence - prefixSize - 1);
            if (k >= warmup)
            {
                histogram.recordValue(Math.min(nowNs - intendedNs[k], MAX_RECORDED_NS));
            }
            done = k + 1;
        }

        int done()
        {
            return done;
        }
    }
}
