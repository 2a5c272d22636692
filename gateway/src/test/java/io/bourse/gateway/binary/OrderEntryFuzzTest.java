package io.bourse.gateway.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.netty.buffer.ByteBuf;

/**
 * Feeds seeded random bytes, random valid messages and mutated valid frames ({@link OrderEntryInputs}) through the whole
 * inbound path of a session (SOFH decoder, message adapter, session, command translation) into a real engine, and
 * checks that no exception escapes anywhere: not in the gateway, not in the engine. What the gateway answers and
 * publishes is checked input by input, against a model, by {@link OrderEntryModelFuzzTest}.
 * {@code -Dbourse.fuzz.engine.inputs=1000000} for a long run; {@code -Dbourse.fuzz.seed=N} to replay a failure (the seed
 * is printed).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class OrderEntryFuzzTest
{
    private static final long INPUTS = Long.getLong("bourse.fuzz.engine.inputs", 50_000);
    private static final long SEED = Long.getLong("bourse.fuzz.seed", System.nanoTime());

    /** Held so the quieter level is not garbage collected with its logger. */
    private static final java.util.logging.Logger GATEWAY_LOG = java.util.logging.Logger.getLogger("io.bourse.gateway");

    private final SessionFixture fixture = new SessionFixture();
    private final Random random = new Random(SEED);
    private final OrderEntryInputs inputs = new OrderEntryInputs(random, fixture.settings.maxFrameLength(),
        new long[] {SessionFixture.ACCOUNT}, new String[] {SessionFixture.SECRET});

    @Test
    void shouldSurviveRandomAndMutatedInputWithoutEscapedExceptions()
    {
        GATEWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        long input = 0;
        try
        {
            int frames = 0;
            for (input = 0; input < INPUTS; input++)
            {
                if (!fixture.channel.isActive() || frames > 20_000)
                {
                    fixture.channel.finishAndReleaseAll();
                    fixture.newChannel();
                    frames = 0;
                    if (random.nextInt(10) != 0)
                    {
                        fixture.write(inputs.logon());
                    }
                }
                frames++;
                for (final byte[] read : inputs.reads(inputs.next()))
                {
                    fixture.write(read);
                }
                drainOutbound();
                fixture.channel.checkException();
                assertThat(fixture.metrics.unexpectedErrors()).isZero();
                assertThat(fixture.engineErrors).isEmpty();
            }
        }
        catch (final Throwable ex)
        {
            throw new AssertionError("fuzz failed at input " + input + " with -Dbourse.fuzz.seed=" + SEED, ex);
        }
        System.out.printf("fuzzed %,d inputs (seed %d): %,d commands reached the engine, %,d protocol errors%n",
            INPUTS, SEED, fixture.commandsProcessed, fixture.metrics.protocolErrors());
        assertThat(fixture.commandsProcessed).isPositive();
    }

    private void drainOutbound()
    {
        ByteBuf out;
        while ((out = fixture.channel.readOutbound()) != null)
        {
            out.release();
        }
    }
}
