package io.bourse.engine.journal;

import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

/** An entry a test appends and later expects back byte for byte. */
record TestEntry(long engineSequence, long engineTimeNs, byte[] command, byte[] events, int eventCount)
{
    static final long START_TIME_NS = 1_790_000_000_000_000_000L;

    /** A command of 40-200 random bytes and 0-600 bytes of random events: the realistic shape, not valid SBE. */
    static TestEntry random(final SplittableRandom random, final long engineSequence)
    {
        final byte[] command = new byte[40 + random.nextInt(161)];
        final byte[] events = new byte[random.nextInt(601)];
        random.nextBytes(command);
        random.nextBytes(events);
        return new TestEntry(engineSequence, START_TIME_NS + engineSequence * 1_000L, command, events, events.length / 50);
    }

    long appendTo(final JournalWriter writer)
    {
        return writer.append(engineSequence, engineTimeNs, new UnsafeBuffer(command), 0, command.length,
            new UnsafeBuffer(events), events.length, eventCount);
    }

    byte[] commandOf(final JournalEntryView view)
    {
        final byte[] bytes = new byte[view.commandLength()];
        view.commandBuffer().getBytes(view.commandOffset(), bytes);
        return bytes;
    }

    byte[] eventsOf(final JournalEntryView view)
    {
        final byte[] bytes = new byte[view.eventsLength()];
        view.eventsBuffer().getBytes(view.eventsOffset(), bytes);
        return bytes;
    }
}
