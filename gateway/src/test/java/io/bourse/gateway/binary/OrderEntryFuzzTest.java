package io.bourse.gateway.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.bourse.gateway.sbe.Side;
import io.netty.buffer.ByteBuf;

/**
 * Feeds seeded random bytes, random valid messages and mutated valid frames through the whole inbound path of a session
 * (SOFH decoder, message adapter, session, command translation) into a real engine, and checks that no exception
 * escapes anywhere: not in the gateway, not in the engine. {@code -Dbourse.fuzz.inputs=1000000} for a long run;
 * {@code -Dbourse.fuzz.seed=N} to replay a failure (the seed is printed).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class OrderEntryFuzzTest
{
    private static final long INPUTS = Long.getLong("bourse.fuzz.inputs", 50_000);
    private static final long SEED = Long.getLong("bourse.fuzz.seed", System.nanoTime());
    private static final long PRICE = 30_000_000_000L;

    /** Held so the quieter level is not garbage collected with its logger. */
    private static final java.util.logging.Logger GATEWAY_LOG = java.util.logging.Logger.getLogger("io.bourse.gateway");

    private final SessionFixture fixture = new SessionFixture();
    private final Random random = new Random(SEED);

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
                        fixture.logon();
                    }
                }
                final byte[] bytes = nextInput();
                frames++;
                writeInChunks(bytes);
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

    private byte[] nextInput()
    {
        switch (random.nextInt(4))
        {
            case 0:
                final byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
            case 1:
                return validFrames();
            default:
                return mutate(validFrames());
        }
    }

    private byte[] validFrames()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++)
        {
            out.writeBytes(validFrame());
        }
        return out.toByteArray();
    }

    private byte[] validFrame()
    {
        switch (random.nextInt(7))
        {
            case 0:
                return fixture.logonFrame(random.nextBoolean() ? SessionFixture.ACCOUNT : random.nextLong(),
                    random.nextBoolean() ? SessionFixture.SECRET : "x" + random.nextInt(100));
            case 1:
                return fixture.cancelFrame(random.nextInt(50), random.nextBoolean() ? "" : id());
            case 2:
                return fixture.replaceFrame(random.nextInt(50), id(), random.nextBoolean() ? "" : id(), price(), qty());
            case 3:
                return fixture.massCancelFrame(random.nextInt(5));
            case 4:
                return fixture.heartbeatFrame();
            default:
                return fixture.newOrderFrame(id(), random.nextBoolean() ? Side.BUY : Side.SELL, price(), qty());
        }
    }

    private byte[] mutate(final byte[] frames)
    {
        byte[] bytes = frames;
        final int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++)
        {
            final int at = random.nextInt(bytes.length);
            switch (random.nextInt(7))
            {
                case 0:
                    bytes[at] = (byte)random.nextInt(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.nextInt(8));
                    break;
                case 2:
                    bytes = java.util.Arrays.copyOf(bytes, at);
                    break;
                case 3:
                    // Length field of the first frame.
                    bytes[random.nextInt(Math.min(4, bytes.length))] = (byte)random.nextInt(256);
                    break;
                case 4:
                    // Template id or block length of the first message.
                    if (bytes.length > 10)
                    {
                        bytes[6 + random.nextInt(4)] = (byte)random.nextInt(256);
                    }
                    break;
                case 5:
                    // An enum or flag byte somewhere in the body.
                    bytes[at] = (byte)random.nextInt(8);
                    break;
                default:
                    final byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
                    for (int i = bytes.length; i < longer.length; i++)
                    {
                        longer[i] = (byte)random.nextInt(256);
                    }
                    bytes = longer;
                    break;
            }
        }
        return bytes;
    }

    private void writeInChunks(final byte[] bytes)
    {
        if (random.nextInt(4) != 0 || bytes.length < 2)
        {
            fixture.write(bytes);
            return;
        }
        int position = 0;
        while (position < bytes.length && fixture.channel.isActive())
        {
            final int chunk = 1 + random.nextInt(bytes.length - position);
            fixture.write(java.util.Arrays.copyOfRange(bytes, position, position + chunk));
            position += chunk;
        }
    }

    private void drainOutbound()
    {
        ByteBuf out;
        while ((out = fixture.channel.readOutbound()) != null)
        {
            out.release();
        }
    }

    private String id()
    {
        return random.nextInt(10) == 0 ? "" : "c" + random.nextInt(200);
    }

    private long price()
    {
        switch (random.nextInt(4))
        {
            case 0:
                return random.nextLong();
            case 1:
                return PRICE + (random.nextInt(2001) - 1000) * 10_000L;
            case 2:
                return random.nextInt(3) - 1;
            default:
                return PRICE + random.nextInt(1_000_000);
        }
    }

    private long qty()
    {
        switch (random.nextInt(3))
        {
            case 0:
                return random.nextLong();
            case 1:
                return (1 + random.nextInt(100)) * 10_000L;
            default:
                return random.nextInt(3) - 1;
        }
    }
}
