package io.bourse.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Reads a journal back and compares it with what was appended. */
final class JournalAssertions
{
    private JournalAssertions()
    {
    }

    /** Polls {@code expected.size()} entries (failing if one is missing) and checks each field and byte. */
    static void assertReads(final JournalReader reader, final List<TestEntry> expected)
    {
        for (final TestEntry want : expected)
        {
            assertThat(reader.poll()).as("entry %d present", want.engineSequence()).isTrue();
            assertEntry(reader.entry(), want);
        }
    }

    static void assertEntry(final JournalEntryView view, final TestEntry want)
    {
        assertThat(view.engineSequence()).isEqualTo(want.engineSequence());
        assertThat(view.engineTimeNs()).as("time of %d", want.engineSequence()).isEqualTo(want.engineTimeNs());
        assertThat(view.eventCount()).as("event count of %d", want.engineSequence()).isEqualTo(want.eventCount());
        assertThat(want.commandOf(view)).as("command of %d", want.engineSequence()).isEqualTo(want.command());
        assertThat(want.eventsOf(view)).as("events of %d", want.engineSequence()).isEqualTo(want.events());
    }
}
