package io.bourse.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.PipelineContext;
import io.bourse.engine.pipeline.WaitStrategies;
import io.bourse.engine.server.ServerSettings;

/**
 * Pipeline throughput with journaling on: one producer publishes the mixed stream's 3M body commands as fast as the
 * ring takes them; the clock stops when the last one is journaled and handed to the reply stage. Each pass uses a
 * fresh journal. Usage: {@code PipelineThroughput [passes] [fsync none|batch|every] [wait-strategy] [dir] [ring-size]}.
 */
public final class PipelineThroughput
{
    private PipelineThroughput()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final FsyncPolicy fsync = ServerSettings.fsyncPolicy(args.length > 1 ? args[1] : "none");
        final String wait = args.length > 2 ? args[2] : WaitStrategies.DEFAULT;
        final Path base = Path.of(args.length > 3 ? args[3] : "benchmarks/target/pipeline-bench");
        final int ringSize = args.length > 4 ? Integer.parseInt(args[4]) : PipelineContext.DEFAULT_RING_SIZE;
        Files.createDirectories(base);
        final MixedStream stream = MixedStream.standard();
        final int body = stream.body().size();
        final double[] rates = new double[passes];
        for (int pass = 0; pass < passes; pass++)
        {
            final AtomicLong replied = new AtomicLong();
            final Path dir = Files.createTempDirectory(base, "pass");
            try (PipelineRig rig = new PipelineRig(stream, dir, fsync, wait, ringSize,
                (slot, endOfBatch) -> replied.lazySet(slot.engineSequence())))
            {
                rig.publishPrefix();
                awaitSequence(replied, rig.prefixSize());
                final long startNs = System.nanoTime();
                for (int i = 0; i < body; i++)
                {
                    rig.publishBody(i);
                }
                awaitSequence(replied, rig.prefixSize() + body);
                final long elapsedNs = System.nanoTime() - startNs;
                rates[pass] = body * 1e9 / elapsedNs;
                System.out.printf("pass %d: %,d commands journaled in %.2f s = %.2f M commands/s (fsync %s, wait %s, ring %d)%n",
                    pass, body, elapsedNs / 1e9, rates[pass] / 1e6, fsync.name().toLowerCase(), wait, ringSize);
            }
            finally
            {
                PipelineRig.deleteTree(dir);
            }
        }
        Arrays.sort(rates);
        System.out.printf("pipeline throughput: median %.2f M commands/s (range %.2f-%.2f) over %d passes%n",
            rates[passes / 2] / 1e6, rates[0] / 1e6, rates[passes - 1] / 1e6, passes);
    }

    static void awaitSequence(final AtomicLong replied, final long sequence)
    {
        while (replied.get() < sequence)
        {
            Thread.yield();
        }
    }
}
