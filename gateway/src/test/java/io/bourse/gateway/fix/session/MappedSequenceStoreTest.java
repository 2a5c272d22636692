package io.bourse.gateway.fix.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The session directory: round trip, file names, a process killed mid-update, and every kind of damaged file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MappedSequenceStoreTest
{
    private static final String CLIENT = "FIRM1";
    private static final String OURS = "BOURSE";
    private static final long ACCOUNT = 42;

    @TempDir
    Path dir;

    @Test
    void shouldKeepBothNumbersAndTheAccountAcrossAReopen()
    {
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).isEmpty();
            final SequenceRecord record = store.create(ACCOUNT, CLIENT, OURS);
            record.nextInbound(17);
            record.nextOutbound(23);
        }
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).hasSize(1);
            final SequenceRecord record = store.records().get(0);
            assertThat(record.accountId()).isEqualTo(ACCOUNT);
            assertThat(record.clientCompId()).isEqualTo(CLIENT);
            assertThat(record.ourCompId()).isEqualTo(OURS);
            assertThat(record.nextInbound()).isEqualTo(17);
            assertThat(record.nextOutbound()).isEqualTo(23);
        }
        assertThat(dir.resolve("FIRM1_BOURSE.seq")).exists();
    }

    @Test
    void shouldCreateARecordWithoutSequenceNumbersThatASessionStateSeesAsNew()
    {
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            final FixSessionState state = new FixSessionState("key", store.create(ACCOUNT, CLIENT, OURS), 16);
            assertThat(state.isNew()).isTrue();
            state.reset();
            assertThat(state.isNew()).isFalse();
            assertThat(state.takeSenderSeqNum()).isEqualTo(1);
            state.nextTargetSeqNum(2);
        }
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            final SequenceRecord record = store.records().get(0);
            assertThat(record.nextOutbound()).as("recorded before the message is sent").isEqualTo(2);
            assertThat(record.nextInbound()).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepEveryRecordOfADirectory()
    {
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            for (int i = 1; i <= 20; i++)
            {
                final SequenceRecord record = store.create(i, "FIRM" + i, OURS);
                record.nextInbound(i * 10L + 1);
                record.nextOutbound(i * 10L);
            }
        }
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).hasSize(20).allSatisfy(record ->
            {
                assertThat(record.clientCompId()).isEqualTo("FIRM" + record.accountId());
                assertThat(record.nextInbound()).isEqualTo(record.accountId() * 10 + 1);
                assertThat(record.nextOutbound()).isEqualTo(record.accountId() * 10);
            });
        }
    }

    @Test
    void shouldNameFilesInjectivelyAfterTheCompIds()
    {
        assertThat(MappedSequenceStore.fileName("QFJ-BUYER", "BOURSE")).isEqualTo("QFJ-BUYER_BOURSE.seq");
        assertThat(MappedSequenceStore.fileName("A_B", "C")).isEqualTo("A%5FB_C.seq");
        assertThat(MappedSequenceStore.fileName("A", "B_C")).isEqualTo("A_B%5FC.seq");
        assertThat(MappedSequenceStore.fileName("../x", "BOURSE")).isEqualTo("%2E%2E%2Fx_BOURSE.seq");
        assertThat(MappedSequenceStore.fileName("é", "BOURSE")).isEqualTo("%C3%A9_BOURSE.seq");
    }

    @Test
    void shouldRefuseACompIdTooLongForAFileName()
    {
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThatThrownBy(() -> store.create(ACCOUNT, "/".repeat(100), OURS))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.records()).isEmpty();
        }
    }

    @Test
    void shouldReadAResetCutShortBetweenItsTwoStoresAsANewSession()
    {
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            store.create(ACCOUNT, CLIENT, OURS).nextInbound(1);
        }
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).hasSize(1);
            assertThat(new FixSessionState("key", store.records().get(0), 16).isNew()).isTrue();
        }
    }

    @Test
    void shouldDeleteAFileWhoseCreationWasCutShort() throws IOException
    {
        Files.write(dir.resolve("FIRM1_BOURSE.seq.tmp"), new byte[] {1, 2, 3});
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).isEmpty();
        }
        assertThat(dir.resolve("FIRM1_BOURSE.seq.tmp")).doesNotExist();
    }

    @Test
    void shouldKeepMemoryRecordsOnlyForTheirLifetime()
    {
        try (MemorySequenceStore store = new MemorySequenceStore())
        {
            final SequenceRecord record = store.create(ACCOUNT, CLIENT, OURS);
            assertThat(record.nextInbound()).isEqualTo(SequenceRecord.NULL_SEQ_NUM);
            record.nextInbound(5);
            assertThat(record.nextInbound()).isEqualTo(5);
            assertThat(store.records()).isEmpty();
        }
    }

    @Test
    void shouldCheckEverySlotValueAndRejectAnAllZeroSlot()
    {
        assertThat(SequenceRecord.isValidSlot(0)).isFalse();
        assertThat(SequenceRecord.isValidSlot(-1)).isFalse();
        for (final long seqNum : new long[] {0, 1, 2, 3, 1000, 1L << 31, SequenceRecord.MAX_SEQ_NUM})
        {
            final long slot = SequenceRecord.slot(seqNum);
            assertThat(SequenceRecord.isValidSlot(slot)).as("slot of %d", seqNum).isTrue();
            for (int bit = 0; bit < 64; bit++)
            {
                assertThat(SequenceRecord.isValidSlot(slot ^ (1L << bit))).as("slot of %d, bit %d flipped", seqNum, bit)
                    .isFalse();
            }
        }
        assertThatThrownBy(() -> SequenceRecord.slot(SequenceRecord.MAX_SEQ_NUM + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequenceRecord.slot(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> damagedFiles()
    {
        return Stream.of(
            damage("magic", file -> flipBit(file, SequenceRecord.MAGIC_OFFSET)),
            damage("version", file -> putInt(file, SequenceRecord.VERSION_OFFSET, SequenceRecord.VERSION + 1)),
            damage("account id", file -> flipBit(file, SequenceRecord.ACCOUNT_ID_OFFSET + 3)),
            damage("CompID length", file -> flipBit(file, SequenceRecord.CLIENT_LENGTH_OFFSET)),
            damage("checksum", file -> flipBit(file, SequenceRecord.CHECKSUM_OFFSET + 1)),
            damage("CompID byte", file -> flipBit(file, SequenceRecord.HEADER_LENGTH + 1)),
            damage("inbound slot", file -> flipBit(file, SequenceRecord.INBOUND_OFFSET + 2)),
            damage("outbound slot check bits", file -> flipBit(file, SequenceRecord.OUTBOUND_OFFSET + 7)),
            damage("inbound slot zeroed", file -> putLong(file, SequenceRecord.INBOUND_OFFSET, 0)),
            damage("outbound number set without inbound", file ->
                putLong(file, SequenceRecord.INBOUND_OFFSET, SequenceRecord.slot(SequenceRecord.NULL_SEQ_NUM))),
            damage("cut short", file -> truncate(file, SequenceRecord.HEADER_LENGTH - 8)),
            damage("cut inside the CompIDs", file -> truncate(file, SequenceRecord.HEADER_LENGTH + 2)),
            damage("a byte appended", file -> append(file, (byte)0)),
            damage("empty", file -> truncate(file, 0)),
            damage("all zeroes", file -> write(file, new byte[SequenceRecord.length(CLIENT, OURS)])),
            damage("another session's file", file -> rename(file, file.resolveSibling("FIRM2_BOURSE.seq"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void shouldSetADamagedFileAsideAndStartItsSessionAsNew(final String what, final Consumer<Path> damage) throws IOException
    {
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            final SequenceRecord record = store.create(ACCOUNT, CLIENT, OURS);
            record.nextInbound(12_345);
            record.nextOutbound(67_890);
        }
        damage.accept(dir.resolve("FIRM1_BOURSE.seq"));
        final List<Path> seqFiles;
        try (Stream<Path> files = Files.list(dir))
        {
            seqFiles = files.filter(f -> f.toString().endsWith(MappedSequenceStore.SUFFIX)).toList();
        }
        assertThat(seqFiles).hasSize(1);
        final Path damaged = seqFiles.get(0);

        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).as("records after damage to the %s", what).isEmpty();
            assertThat(damaged).doesNotExist();
            assertThat(damaged.resolveSibling(damaged.getFileName() + MappedSequenceStore.CORRUPT_SUFFIX)).exists();
            final SequenceRecord fresh = store.create(ACCOUNT, CLIENT, OURS);
            assertThat(fresh.nextInbound()).isEqualTo(SequenceRecord.NULL_SEQ_NUM);
            assertThat(fresh.nextOutbound()).isEqualTo(SequenceRecord.NULL_SEQ_NUM);
        }
        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).as("the new file is valid").hasSize(1);
        }
    }

    /**
     * A child JVM advances both numbers as fast as it can (outbound first, then inbound, as a session does) and is
     * killed with SIGKILL mid-stream: the file must load, hold at least the last value the child reported, and the two
     * numbers may differ only by the one store the kill interrupted.
     */
    @Test
    void shouldLoadAConsistentRecordAfterTheProcessIsKilledMidUpdate() throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx64m", "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
            dir.toString()));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                if (line.startsWith("at "))
                {
                    reported = Long.parseLong(line.substring(3));
                    if (reported >= 2_000_000)
                    {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(reported).as("the child ran").isGreaterThanOrEqualTo(2_000_000);

        try (MappedSequenceStore store = MappedSequenceStore.open(dir))
        {
            assertThat(store.records()).hasSize(1);
            final SequenceRecord record = store.records().get(0);
            assertThat(record.nextOutbound()).isGreaterThanOrEqualTo(reported);
            assertThat(record.nextOutbound() - record.nextInbound()).isBetween(0L, 1L);
        }
    }

    /** The child of the crash test: counts up both numbers of one session until killed. */
    public static final class Writer
    {
        public static void main(final String[] args)
        {
            final MappedSequenceStore store = MappedSequenceStore.open(Path.of(args[0]));
            final FixSessionState state = new FixSessionState("crash", store.create(ACCOUNT, "CRASH", OURS), 16);
            state.reset();
            long seqNum = 1;
            while (true)
            {
                seqNum = state.takeSenderSeqNum() + 1;
                state.nextTargetSeqNum(seqNum);
                if ((seqNum & 0xFFFF) == 0)
                {
                    System.out.println("at " + seqNum);
                }
            }
        }
    }

    private static Arguments damage(final String what, final Consumer<Path> damage)
    {
        return Arguments.of(what, damage);
    }

    private static void flipBit(final Path file, final int offset)
    {
        final byte[] bytes = read(file);
        bytes[offset] ^= 0x01;
        write(file, bytes);
    }

    private static void putInt(final Path file, final int offset, final int value)
    {
        final byte[] bytes = read(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        write(file, bytes);
    }

    private static void putLong(final Path file, final int offset, final long value)
    {
        final byte[] bytes = read(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(offset, value);
        write(file, bytes);
    }

    private static void truncate(final Path file, final int length)
    {
        final byte[] bytes = read(file);
        write(file, java.util.Arrays.copyOf(bytes, length));
    }

    private static void append(final Path file, final byte value)
    {
        final byte[] bytes = read(file);
        final byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = value;
        write(file, longer);
    }

    private static void rename(final Path file, final Path to)
    {
        try
        {
            Files.move(file, to);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] read(final Path file)
    {
        try
        {
            return Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void write(final Path file, final byte[] bytes)
    {
        try
        {
            Files.write(file, bytes);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
