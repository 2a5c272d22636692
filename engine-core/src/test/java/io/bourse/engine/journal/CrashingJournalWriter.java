package io.bourse.engine.journal;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Child-process main for {@link JournalCrashTest}: journals entries 1..N, starts a large entry N+1 and dies (halt,
 * no shutdown hooks, no close) half way through writing it, as {@code kill -9} mid-append would.
 */
public final class CrashingJournalWriter
{
    static final long SEED = 21;

    private CrashingJournalWriter()
    {
    }

    /** Args: journal directory, number of complete entries. */
    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final int complete = Integer.parseInt(args[1]);
        final SplittableRandom random = new SplittableRandom(SEED);
        final JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.EVERY);
        for (int sequence = 1; sequence <= complete; sequence++)
        {
            TestEntry.random(random, sequence).appendTo(writer);
        }
        final byte[] next = RawJournal.encode(unfinishedEntry(random, complete + 1));
        new RawJournal(dir).appendUnfinished(next, next.length / 2);
        Runtime.getRuntime().halt(0);
    }

    /** Larger than any random entry, so the entries appended after the crash leave some of its bytes behind. */
    static TestEntry unfinishedEntry(final SplittableRandom random, final long engineSequence)
    {
        final byte[] command = new byte[120];
        final byte[] events = new byte[8_000];
        random.nextBytes(command);
        random.nextBytes(events);
        return new TestEntry(engineSequence, TestEntry.START_TIME_NS + engineSequence, command, events, 160);
    }
}
