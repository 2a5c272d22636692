package io.bourse.engine.journal;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/**
 * Opens the Chronicle Queue behind a journal directory the same way for writer and readers. Any thread.
 */
final class JournalQueues
{
    /**
     * One file per UTC day, up to 2^38 - 1 (~275 billion) entries a day: 3.2M/s averaged over a whole day, above the
     * pipeline's 2M/s target, with a sparse index (one entry in 256) so a seek scans at most 256 documents. Daily
     * files keep the directory small and are the unit an operator archives.
     */
    static final RollCycle ROLL_CYCLE = LargeRollCycles.XLARGE_DAILY;

    private JournalQueues()
    {
    }

    static SingleChronicleQueue open(final Path dir)
    {
        return open(dir, SystemTimeProvider.INSTANCE);
    }

    /** With the clock Chronicle uses to pick the cycle (day) file; tests pass a settable one to force rolls. */
    static SingleChronicleQueue open(final Path dir, final TimeProvider cycleClock)
    {
        return SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(ROLL_CYCLE)
            // Durability comes from JournalWriter forcing the cycle file (fdatasync), which, unlike Chronicle's own
            // msync on chunk release, reports failure; so Chronicle itself never syncs.
            .syncMode(SyncMode.NONE)
            .timeProvider(cycleClock)
            .build();
    }
}
