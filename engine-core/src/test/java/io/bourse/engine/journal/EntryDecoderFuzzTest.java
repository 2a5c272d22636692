package io.bourse.engine.journal;

import static io.bourse.engine.journal.JournalAssertions.assertEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.openhft.chronicle.bytes.Bytes;

/** Seeded mutations of valid entries: every one must be rejected as corrupt, never decoded, never another error. */
class EntryDecoderFuzzTest
{
    private static final long SEED = 20_260_302L;
    private static final int CASES = 50_000;

    private final EntryDecoder decoder = new EntryDecoder();
    private final JournalEntryView view = new JournalEntryView();

    @Test
    void shouldDecodeAnUnmutatedEntry()
    {
        final TestEntry entry = TestEntry.random(new SplittableRandom(SEED), 42);

        decoder.decode(Bytes.wrapForRead(RawJournal.encode(entry)), 7, 42, view);

        assertEntry(view, entry);
        assertThat(view.chronicleIndex()).isEqualTo(7);
    }

    @Test
    void shouldRejectEveryMutationOfAValidEntry()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++)
        {
            final byte[] valid = RawJournal.encode(TestEntry.random(random, 1 + random.nextInt(1_000)));
            final byte[] mutated = mutate(random, valid);
            if (Arrays.equals(mutated, valid))
            {
                continue;
            }
            final Throwable thrown = catchThrowable(() ->
                decoder.decode(Bytes.wrapForRead(mutated), 1, JournalEntryView.NO_SEQUENCE, view));
            assertThat(thrown).as("seed %d case %d", SEED, i).isInstanceOf(JournalCorruptException.class);
        }
    }

    private static byte[] mutate(final SplittableRandom random, final byte[] valid)
    {
        switch (random.nextInt(4))
        {
            case 0:
            {
                final byte[] flipped = valid.clone();
                flipped[random.nextInt(flipped.length)] ^= (byte)(1 << random.nextInt(8));
                return flipped;
            }
            case 1:
            {
                final byte[] scribbled = valid.clone();
                for (int n = 1 + random.nextInt(8); n > 0; n--)
                {
                    scribbled[random.nextInt(scribbled.length)] = (byte)random.nextInt(256);
                }
                return scribbled;
            }
            case 2:
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            default:
                return Arrays.copyOf(valid, valid.length + 1 + random.nextInt(64));
        }
    }
}
