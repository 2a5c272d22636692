package io.bourse.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.PipelineContext;
import io.bourse.engine.pipeline.WaitStrategies;
import io.bourse.engine.recovery.Recovery;
import io.bourse.engine.recovery.RecoveryResult;
import io.bourse.engine.server.SnapshotInfo;
import io.bourse.engine.snapshot.SnapshotStore;

/**
 * Replay speed and recovery time: journals a mixed stream of N commands (default 10M) through the pipeline, with a
 * snapshot taken {@value #TAIL} commands before the end, then times, each over several passes: a full replay with
 * every event verified, a full replay without verification, and a recovery from the snapshot plus the tail. Every
 * result must reach the stream's own final state hash.
 * Usage: {@code RecoveryBenchmark [commands] [passes] [dir]}; needs a heap of about 6 GB for 10M commands.
 */
public final class RecoveryBenchmark
{
    static final int TAIL = 100_000;

    private RecoveryBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int commands = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        final int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final Path base = Path.of(args.length > 2 ? args[2] : "benchmarks/target/pipeline-bench");
        Files.createDirectories(base);
        final long generateStart = System.nanoTime();
        final MixedStream stream = new MixedStreamGenerator(MixedStream.SEED).generate(commands);
        System.out.printf("generated %,d commands in %.1f s%n", commands, (System.nanoTime() - generateStart) / 1e9);

        final Path dir = Files.createTempDirectory(base, "recovery");
        try
        {
            writeJournal(stream, dir);
            final Path journal = dir.resolve("journal");
            time("full replay, events verified", passes, stream,
                () -> new Recovery(stream.config(), journal, null).recover());
            time("full replay, not verified", passes, stream,
                () -> new Recovery(stream.config(), journal, null).verifyEvents(false).recover());
            final SnapshotStore snapshots = new SnapshotStore(dir.resolve("snapshots"), 3);
            time("snapshot + tail of " + TAIL + ", verified", passes, stream,
                () -> new Recovery(stream.config(), journal, snapshots).recover());
        }
        finally
        {
            PipelineRig.deleteTree(dir);
        }
    }

    private static void writeJournal(final MixedStream stream, final Path dir) throws Exception
    {
        final AtomicLong replied = new AtomicLong();
        final int body = stream.body().size();
        try (PipelineRig rig = new PipelineRig(stream, dir, FsyncPolicy.NONE, WaitStrategies.DEFAULT,
            PipelineContext.DEFAULT_RING_SIZE, (slot, endOfBatch) -> replied.lazySet(slot.engineSequence())))
        {
            final long startNs = System.nanoTime();
            rig.publishPrefix();
            SnapshotInfo snapshot = null;
            for (int i = 0; i < body; i++)
            {
                if (i == body - TAIL)
                {
                    snapshot = rig.server().takeSnapshot().get(5, TimeUnit.MINUTES);
                }
                rig.publishBody(i);
            }
            PipelineThroughput.awaitSequence(replied, rig.prefixSize() + body);
            final long elapsedNs = System.nanoTime() - startNs;
            System.out.printf("journaled %,d commands through the pipeline in %.1f s (%.2f M/s); snapshot at %d%n",
                rig.prefixSize() + body, elapsedNs / 1e9, (rig.prefixSize() + body) * 1e3 / elapsedNs,
                snapshot == null ? 0 : snapshot.engineSequence());
        }
    }

    private static void time(final String what, final int passes, final MixedStream stream, final RecoveryRun run)
    {
        final double[] seconds = new double[passes];
        final double[] rates = new double[passes];
        for (int pass = 0; pass < passes; pass++)
        {
            final RecoveryResult result = run.recover();
            if (result.stateHash() != stream.finalStateHash())
            {
                throw new IllegalStateException(what + ": state hash " + Long.toHexString(result.stateHash())
                    + " differs from the stream's " + Long.toHexString(stream.finalStateHash()));
            }
            seconds[pass] = result.elapsedNs() / 1e9;
            rates[pass] = result.entriesPerSecond();
            System.out.printf("  %s pass %d: %.2f s, %,d entries, %.2f M entries/s%n", what, pass, seconds[pass],
                result.entriesReplayed(), rates[pass] / 1e6);
        }
        Arrays.sort(seconds);
        Arrays.sort(rates);
        System.out.printf("%s: median %.2f s (range %.2f-%.2f), %.2f M entries/s (range %.2f-%.2f)%n", what,
            seconds[passes / 2], seconds[0], seconds[passes - 1], rates[passes / 2] / 1e6, rates[0] / 1e6,
            rates[passes - 1] / 1e6);
    }

    @FunctionalInterface
    private interface RecoveryRun
    {
        RecoveryResult recover();
    }
}
