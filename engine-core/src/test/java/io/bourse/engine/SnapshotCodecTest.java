package io.bourse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.differential.RandomCommandGenerator;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.event.MessageFormatter;

class SnapshotCodecTest
{
    private static final ExchangeConfig CONFIG = TestConfigs.standard();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 77, 2024})
    void shouldRestoreAnEngineThatBehavesExactlyLikeTheOriginal(final long seed)
    {
        final RandomCommandGenerator generator = new RandomCommandGenerator(seed, CONFIG);
        final SplittableRandom random = new SplittableRandom(seed);
        final ExchangeEngine original = new ExchangeEngine(CONFIG);
        ExchangeEngine restored = null;
        final EventLog originalEvents = new EventLog();
        final EventLog restoredEvents = new EventLog();
        int nextSnapshotAt = 500 + random.nextInt(3_000);
        int snapshots = 0;

        for (int i = 0; i < 40_000; i++)
        {
            if (i == nextSnapshotAt)
            {
                restored = roundTrip(original, "seed " + seed + " command " + i);
                snapshots++;
                nextSnapshotAt = i + 500 + random.nextInt(5_000);
            }
            generator.next();
            originalEvents.reset();
            original.process(generator.buffer(), 0, generator.length(), generator.nowNs(), originalEvents);
            if (restored != null)
            {
                restoredEvents.reset();
                restored.process(generator.buffer(), 0, generator.length(), generator.nowNs(), restoredEvents);
                if (!sameBytes(originalEvents, restoredEvents))
                {
                    final MessageFormatter formatter = new MessageFormatter();
                    fail("seed " + seed + " command " + i + ": restored engine diverged on "
                        + formatter.format(generator.buffer(), 0)
                        + "\noriginal:\n" + formatter.formatEvents(originalEvents.buffer(), originalEvents.length())
                        + "restored:\n" + formatter.formatEvents(restoredEvents.buffer(), restoredEvents.length()));
                }
            }
            generator.onEvents(originalEvents.buffer(), originalEvents.length());
        }
        assertThat(snapshots).isGreaterThanOrEqualTo(5);
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
    }

    @Test
    void shouldRejectACorruptTruncatedOrMismatchedSnapshot()
    {
        final ExchangeEngine engine = engineAfter(7, 5_000);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final int length = SnapshotCodec.write(engine, buffer, 0);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);

        final byte[] flipped = bytes.clone();
        flipped[length / 2] ^= 0x10;
        assertThatThrownBy(() -> SnapshotCodec.read(CONFIG, new UnsafeBuffer(flipped), 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");

        assertThatThrownBy(() -> SnapshotCodec.read(CONFIG, new UnsafeBuffer(bytes), 0, length - 9))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SnapshotCodec.read(CONFIG, new UnsafeBuffer(bytes), 0, 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");

        assertThatThrownBy(() -> SnapshotCodec.read(TestConfigs.simple(), new UnsafeBuffer(bytes), 0, length))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("assets");
    }

    /** Snapshot, restore, check the hash and that the restored engine writes the identical snapshot. */
    private static ExchangeEngine roundTrip(final ExchangeEngine original, final String where)
    {
        final ExpandableArrayBuffer first = new ExpandableArrayBuffer();
        final int length = SnapshotCodec.write(original, first, 0);
        final ExchangeEngine restored = SnapshotCodec.read(CONFIG, first, 0, length);
        assertThat(restored.stateHash()).as(where).isEqualTo(original.stateHash());
        final ExpandableArrayBuffer second = new ExpandableArrayBuffer();
        final int secondLength = SnapshotCodec.write(restored, second, 0);
        assertThat(secondLength).as(where).isEqualTo(length);
        final byte[] firstBytes = new byte[length];
        final byte[] secondBytes = new byte[length];
        first.getBytes(0, firstBytes);
        second.getBytes(0, secondBytes);
        assertThat(secondBytes).as(where + ": snapshot of the restored engine").isEqualTo(firstBytes);
        return restored;
    }

    private static ExchangeEngine engineAfter(final long seed, final int commands)
    {
        final RandomCommandGenerator generator = new RandomCommandGenerator(seed, CONFIG);
        final ExchangeEngine engine = new ExchangeEngine(CONFIG);
        final EventLog events = new EventLog();
        for (int i = 0; i < commands; i++)
        {
            generator.next();
            events.reset();
            engine.process(generator.buffer(), 0, generator.length(), generator.nowNs(), events);
            generator.onEvents(events.buffer(), events.length());
        }
        return engine;
    }

    private static boolean sameBytes(final EventLog a, final EventLog b)
    {
        if (a.length() != b.length())
        {
            return false;
        }
        for (int i = 0; i < a.length(); i++)
        {
            if (a.buffer().getByte(i) != b.buffer().getByte(i))
            {
                return false;
            }
        }
        return true;
    }
}
