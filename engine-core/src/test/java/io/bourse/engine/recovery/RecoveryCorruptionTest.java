package io.bourse.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.differential.RandomCommandGenerator;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.journal.JournalFiles;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.engine.server.ReplayCommand;
import io.bourse.engine.server.ServerSettings;
import io.bourse.engine.server.SyncServer;
import io.bourse.sbe.MessageHeaderDecoder;
import picocli.CommandLine;

/**
 * A damaged or inconsistent journal stops recovery with the sequence at fault, through both the recovery API and the
 * {@code bourse replay} command: a flipped bit, a document cut short, and a journal whose recorded events differ from
 * what re-execution produces.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecoveryCorruptionTest
{
    private static final long SEED = 77L;
    private static final int BEFORE_MARKER = 1_500;
    private static final int AFTER_MARKER = 500;
    private static final String MARKER_REF = "MARKER-REF-7f3a9c";

    /** The packaged default, which `bourse replay` also loads when given no --config. */
    private final ExchangeConfig config = ConfigLoader.loadDefault();

    @TempDir
    Path dir;

    @Test
    void shouldReplayAnIntactJournalAndPrintItsSequenceAndHash() throws Exception
    {
        final ServerSettings settings = writeJournalWithMarker();
        final long hash = new Recovery(config, settings.journalDir(), null).recover().stateHash();

        final Replay replay = replay(settings.journalDir(), "--verify");
        assertThat(replay.exitCode).isZero();
        assertThat(replay.out)
            .contains("final sequence:   " + (markerSequence() + AFTER_MARKER))
            .contains(String.format("state hash:       %016x", hash))
            .contains("every event matched");
    }

    @Test
    void shouldReportABitFlippedInAJournaledCommand() throws Exception
    {
        final ServerSettings settings = writeJournalWithMarker();
        final Path file = JournalFiles.onlyCycleFile(settings.journalDir());
        JournalFiles.flipBit(file, JournalFiles.find(file, MARKER_REF.getBytes(StandardCharsets.US_ASCII)) + 4, 2);

        assertThatThrownBy(() -> new Recovery(config, settings.journalDir(), null).recover())
            .isInstanceOf(RecoveryException.class)
            .hasMessageContaining("corrupt")
            .satisfies(ex -> assertThat(((RecoveryException)ex).engineSequence()).isEqualTo(markerSequence()));
        final Replay replay = replay(settings.journalDir(), "--verify");
        assertThat(replay.exitCode).isEqualTo(ReplayCommand.EXIT_DIVERGED);
        assertThat(replay.err).contains("replay FAILED at sequence " + markerSequence());
    }

    @Test
    void shouldReportAJournalCutShortMidDocument() throws Exception
    {
        final ServerSettings settings = writeJournalWithMarker();
        final Path file = JournalFiles.onlyCycleFile(settings.journalDir());
        JournalFiles.truncate(file, JournalFiles.find(file, MARKER_REF.getBytes(StandardCharsets.US_ASCII)) + 3);

        assertThatThrownBy(() -> new Recovery(config, settings.journalDir(), null).recover())
            .isInstanceOf(RecoveryException.class)
            .satisfies(ex -> assertThat(((RecoveryException)ex).engineSequence()).isEqualTo(markerSequence()));
        assertThat(replay(settings.journalDir()).exitCode).isEqualTo(ReplayCommand.EXIT_DIVERGED);
    }

    @Test
    void shouldReportTheFirstEventThatReExecutionDoesNotReproduce()
    {
        // A journal that is intact (checksums good) but records, for one command, events the engine does not produce.
        final Path journalDir = dir.resolve("journal");
        final long tampered = 700;
        final ExchangeEngine engine = new ExchangeEngine(config);
        final RandomCommandGenerator generator = new RandomCommandGenerator(SEED, config);
        final EventLog events = new EventLog();
        try (JournalWriter writer = JournalWriter.open(journalDir, FsyncPolicy.NONE))
        {
            for (long sequence = 1; sequence <= 1_000; sequence++)
            {
                do
                {
                    generator.next();
                }
                while (generator.length() == 0);
                events.reset();
                engine.process(generator.buffer(), 0, generator.length(), generator.nowNs(), events);
                generator.onEvents(events.buffer(), events.length());
                final UnsafeBuffer recorded = new UnsafeBuffer(new byte[events.length()]);
                recorded.putBytes(0, events.buffer(), 0, events.length());
                if (sequence == tampered)
                {
                    // Change the last byte of the first event's body.
                    final int firstEventEnd = MessageHeaderDecoder.ENCODED_LENGTH
                        + new MessageHeaderDecoder().wrap(recorded, 0).blockLength();
                    recorded.putByte(firstEventEnd - 1, (byte)(recorded.getByte(firstEventEnd - 1) ^ 0x01));
                }
                writer.append(sequence, generator.nowNs(), generator.buffer(), 0, generator.length(), recorded,
                    events.length(), events.count());
            }
        }

        assertThatThrownBy(() -> new Recovery(config, journalDir, null).recover())
            .isInstanceOf(RecoveryException.class)
            .hasMessageContaining("divergence at sequence " + tampered)
            .hasMessageContaining("event #1 differs: journaled ")
            .satisfies(ex -> assertThat(((RecoveryException)ex).engineSequence()).isEqualTo(tampered));
        // Without verification the same journal replays: the check is what catches it.
        assertThat(new Recovery(config, journalDir, null).verifyEvents(false).recover().lastSequence()).isEqualTo(1_000);
        assertThat(replay(journalDir, "--verify").err).contains("divergence at sequence " + tampered);
    }

    private static long markerSequence()
    {
        return BEFORE_MARKER + 1;
    }

    /** A journal of random commands with one deposit carrying {@link #MARKER_REF} at {@link #markerSequence()}. */
    private ServerSettings writeJournalWithMarker()
    {
        final ServerSettings settings = SyncServer.settings(dir);
        try (SyncServer server = SyncServer.start(settings, config))
        {
            final RandomCommandGenerator generator = new RandomCommandGenerator(SEED, config);
            final SyncServer.Reply beforeMarker = server.drive(generator, BEFORE_MARKER);
            final CommandWriter writer = new CommandWriter();
            writer.deposit().accountId(1).assetId(TestConfigs.USDT).amountMinor(1).externalRef(MARKER_REF)
                .reason("marker");
            final SyncServer.Reply marker = server.send(writer.buffer(), writer.length(), beforeMarker.timeNs() + 1);
            assertThat(marker.sequence()).isEqualTo(markerSequence());
            server.drive(generator, AFTER_MARKER);
        }
        return settings;
    }

    private Replay replay(final Path journalDir, final String... extra)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final int exitCode;
        try
        {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            final String[] args = new String[2 + extra.length];
            args[0] = "--journal";
            args[1] = journalDir.toString();
            System.arraycopy(extra, 0, args, 2, extra.length);
            exitCode = new CommandLine(new ReplayCommand()).execute(args);
        }
        finally
        {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Replay(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Replay(int exitCode, String out, String err)
    {
    }
}
