package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.sbe.MessageHeaderEncoder;

/** A checksummed entry whose events the sidecar cannot interpret stops it, with everything before the entry applied. */
@Timeout(120)
final class UndecodableEntryTest
{
    @TempDir
    Path dir;

    @Test
    void shouldStopAtAnUndecodableEntryWithEverythingBeforeItApplied() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final JournalGenerator generator = new JournalGenerator(TestSidecars.CONFIG, 7).write(journal, 3_000);
        final long bad = generator.sequence() + 1;
        try (JournalWriter writer = JournalWriter.open(journal, FsyncPolicy.NONE))
        {
            final CommandWriter tick = new CommandWriter();
            tick.tick();
            final UnsafeBuffer event = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH]);
            new MessageHeaderEncoder().wrap(event, 0).blockLength(0).templateId(99).schemaId(MessageHeaderEncoder.SCHEMA_ID)
                .version(MessageHeaderEncoder.SCHEMA_VERSION);
            final long timeNs = JournalGenerator.START_NS + 1_000_000_000_000_000L;
            writer.append(bad, timeNs, tick.buffer(), 0, tick.length(), event, event.capacity(), 1);
            writer.append(bad + 1, timeNs, tick.buffer(), 0, tick.length(), new UnsafeBuffer(new byte[0]), 0, 0);
        }
        try (TestPostgres.TestDatabase database = TestPostgres.createDatabase())
        {
            // A batch larger than the journal: the good entries share the bad one's batch and must still be applied.
            assertThat(TestSidecars.drain(journal, database.url(), 100_000)).isEqualTo(SidecarAgent.Outcome.FAILED);
            assertThat(TestSidecars.queryLong(database, "SELECT engine_seq FROM sidecar_checkpoint")).isEqualTo(bad - 1);
            assertThat(TestSidecars.queryLong(database, "SELECT count(*) FROM trades")).isEqualTo(generator.trades());

            // A restart does not skip it either.
            assertThat(TestSidecars.drain(journal, database.url(), 10)).isEqualTo(SidecarAgent.Outcome.FAILED);
            assertThat(TestSidecars.queryLong(database, "SELECT engine_seq FROM sidecar_checkpoint")).isEqualTo(bad - 1);
        }
    }
}
