package io.bourse.gateway.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.gateway.fix.codec.FixEncoder;
import io.bourse.gateway.fix.codec.FixFramer;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixParseError;
import io.bourse.gateway.fix.codec.FixTime;
import io.bourse.gateway.fix.order.OrderRequest;
import io.bourse.gateway.fix.order.OrderSink;
import io.bourse.gateway.fix.session.FixSession;
import io.bourse.gateway.fix.session.FixSessionContext;
import io.bourse.gateway.fix.session.FixSessionRegistry;
import io.bourse.gateway.fix.session.FixSessionStates;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * Seeded fuzzing of the FIX decoder and the session layer: random bytes and mutated valid messages (fields dropped,
 * duplicated, renumbered or given random values; bytes flipped, inserted, truncated; random TCP splits). Nothing may
 * escape as an exception, and every command a session publishes must encode. {@code -Dbourse.fix.fuzz.inputs=1000000}
 * for the on-demand run; the seed is printed on failure ({@code -Dbourse.fix.fuzz.seed=...} to replay).
 */
class FixFuzzTest
{
    private static final int INPUTS = Integer.getInteger("bourse.fix.fuzz.inputs", 50_000);
    private static final long SEED = Long.getLong("bourse.fix.fuzz.seed", System.nanoTime());
    private static final int MAX_MESSAGE_BYTES = 8192;
    private static final String[] SYMBOLS = {"BTC-USDT", "ETH-USDT", "ETH-BTC", "XXX", ""};
    private static final int[] TAGS = {7, 11, 16, 18, 34, 35, 36, 37, 38, 40, 41, 43, 44, 49, 52, 54, 55, 56, 58, 59, 99,
        108, 112, 122, 123, 126, 141, 530, 553, 554, 7928};

    /** Held so the level sticks: every fuzzed session logs its logout reason, which would drown the output. */
    private static final java.util.logging.Logger GATEWAY_LOG = java.util.logging.Logger.getLogger("io.bourse.gateway.fix");

    @org.junit.jupiter.api.BeforeAll
    static void quiet()
    {
        GATEWAY_LOG.setLevel(java.util.logging.Level.OFF);
    }

    @org.junit.jupiter.api.AfterAll
    static void loud()
    {
        GATEWAY_LOG.setLevel(null);
    }

    @Test
    void shouldNeverThrowFromTheDecoderOnRandomOrMutatedBytes()
    {
        final Random random = new Random(SEED);
        final FixFramer framer = new FixFramer(MAX_MESSAGE_BYTES);
        final FixMessage message = new FixMessage();
        final long[] outcomes = new long[FixParseError.values().length + 1];
        try
        {
            for (int i = 0; i < INPUTS; i++)
            {
                final byte[] bytes = random.nextInt(4) == 0 ? randomBytes(random) : mutateBytes(random, validMessage(random, i));
                final ByteBuf in = Unpooled.wrappedBuffer(bytes);
                final int result = framer.frame(in);
                if (result > 0)
                {
                    final FixParseError error = message.parse(in, framer.bodyStart(), framer.bodyEnd());
                    outcomes[error.ordinal()]++;
                    readEveryField(message);
                }
                else if (result == FixFramer.ERROR)
                {
                    outcomes[framer.error().ordinal()]++;
                }
                else
                {
                    outcomes[outcomes.length - 1]++;
                }
            }
        }
        catch (final RuntimeException ex)
        {
            throw new AssertionError("decoder threw; replay with -Dbourse.fix.fuzz.seed=" + SEED, ex);
        }
        assertThat(outcomes[FixParseError.NONE.ordinal()]).as("some inputs parse").isPositive();
        assertThat(outcomes[FixParseError.CHECKSUM_MISMATCH.ordinal()]).as("some fail the checksum").isPositive();
    }

    @Test
    void shouldNeverThrowFromTheSessionOnMutatedMessageStreams()
    {
        final Random random = new Random(SEED);
        final AtomicLong published = new AtomicLong();
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[CommandWriter.MAX_COMMAND_LENGTH]);
        final List<Throwable> fillerErrors = new ArrayList<>();
        final OrderSink sink = (request, sourceId) ->
        {
            try
            {
                OrderRequest.FILLER.fill(slot, request);
                published.incrementAndGet();
            }
            catch (final RuntimeException ex)
            {
                fillerErrors.add(ex);
            }
            return random.nextInt(20) == 0 ? -1 : 1;
        };
        final FixSettings settings = FixSettings.defaults();
        final FixSessionContext context = new FixSessionContext(settings, ConfigLoader.loadDefault(),
            new FixSessionRegistry(), new FixSessionStates(1024), (account, secret) -> !"wrong".equals(secret),
            Runnable::run, sink);
        int inputs = 0;
        int sessions = 0;
        try
        {
            while (inputs < INPUTS)
            {
                sessions++;
                final EmbeddedChannel channel = new EmbeddedChannel();
                final FixConnectionHandler handler =
                    new FixConnectionHandler(new FixSession(channel, context), MAX_MESSAGE_BYTES);
                channel.pipeline().addLast(handler);
                // A few CompIDs, reused: session state lives as long as the server, by design.
                final String compId = "FUZZ" + (sessions % 8);
                long seqNum = 1;
                feed(channel, random, logon(random, compId, seqNum++));
                final int length = 1 + random.nextInt(60);
                for (int m = 0; m < length && channel.isActive(); m++, inputs++)
                {
                    final int roll = random.nextInt(100);
                    final long seq = roll < 85 ? seqNum++ : roll < 92 ? seqNum + random.nextInt(5) : Math.max(1, seqNum - 2);
                    byte[] bytes = encode(random, compId, seq, randomFields(random));
                    if (random.nextInt(10) == 0)
                    {
                        bytes = mutateBytes(random, bytes);
                    }
                    feed(channel, random, bytes);
                    channel.releaseOutbound();
                }
                assertThat(handler.exceptions()).as("exceptions in session %d", sessions).isZero();
                channel.finishAndReleaseAll();
            }
        }
        catch (final RuntimeException ex)
        {
            throw new AssertionError("session threw; replay with -Dbourse.fix.fuzz.seed=" + SEED, ex);
        }
        assertThat(fillerErrors).as("commands that failed to encode (seed %d)", SEED).isEmpty();
        assertThat(published.get()).as("some mutated orders were still valid").isPositive();
    }

    private static void feed(final EmbeddedChannel channel, final Random random, final byte[] bytes)
    {
        int offset = 0;
        while (offset < bytes.length && channel.isActive())
        {
            final int chunk = random.nextInt(3) == 0 ? bytes.length - offset : 1 + random.nextInt(bytes.length - offset);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, offset, chunk));
            channel.runPendingTasks();
            offset += chunk;
        }
        channel.checkException();
    }

    private static byte[] logon(final Random random, final String compId, final long seqNum)
    {
        final List<String[]> fields = new ArrayList<>();
        fields.add(new String[]{"98", "0"});
        fields.add(new String[]{"108", random.nextInt(10) == 0 ? "0" : "30"});
        fields.add(new String[]{"553", random.nextInt(10) == 0 ? "x" : String.valueOf(1 + random.nextInt(3))});
        fields.add(new String[]{"554", random.nextInt(10) == 0 ? "wrong" : "secret"});
        fields.add(new String[]{"141", "Y"});
        return encode(random, compId, seqNum, "A", fields);
    }

    private static byte[] encode(final Random random, final String compId, final long seqNum, final List<String[]> fields)
    {
        return encode(random, compId, seqNum, fields.remove(0)[1], fields);
    }

    private static byte[] encode(
        final Random random, final String compId, final long seqNum, final String msgType, final List<String[]> fields)
    {
        final FixEncoder encoder = new FixEncoder();
        encoder.begin(msgType);
        if (random.nextInt(30) != 0)
        {
            encoder.put(49, compId);
        }
        if (random.nextInt(30) != 0)
        {
            encoder.put(56, random.nextInt(50) == 0 ? "OTHER" : "BOURSE");
        }
        if (random.nextInt(30) != 0)
        {
            encoder.put(34, seqNum);
        }
        encoder.putTimestampMs(52, System.currentTimeMillis());
        for (final String[] field : fields)
        {
            encoder.put(Integer.parseInt(field[0]), field[1]);
        }
        final ByteBuf out = Unpooled.buffer();
        encoder.writeTo(out);
        final byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /** A valid-looking application or admin message as a field list (first entry: MsgType), then mutated. */
    private static List<String[]> randomFields(final Random random)
    {
        final List<String[]> fields = new ArrayList<>();
        final String[] types = {"D", "D", "D", "F", "G", "q", "0", "1", "2", "4", "5", "3", "Z", "AB"};
        final String type = types[random.nextInt(types.length)];
        fields.add(new String[]{"35", type});
        final String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
        switch (type)
        {
            case "D" ->
            {
                add(fields, 11, "c" + random.nextInt(1000));
                add(fields, 55, symbol);
                add(fields, 54, random.nextBoolean() ? "1" : "2");
                add(fields, 40, String.valueOf(1 + random.nextInt(4)));
                add(fields, 38, decimal(random));
                add(fields, 44, decimal(random));
                add(fields, 99, decimal(random));
                add(fields, 59, String.valueOf("013467".charAt(random.nextInt(6))));
                if (random.nextBoolean())
                {
                    add(fields, 126, FixTime.formatMillis(System.currentTimeMillis() + random.nextInt(100_000) - 50_000));
                }
                if (random.nextInt(4) == 0)
                {
                    add(fields, 18, "6");
                }
                if (random.nextInt(4) == 0)
                {
                    add(fields, 7928, String.valueOf(random.nextInt(6)));
                }
            }
            case "F", "G" ->
            {
                add(fields, 11, "c" + random.nextInt(1000));
                add(fields, 41, "c" + random.nextInt(1000));
                if (random.nextBoolean())
                {
                    add(fields, 37, String.valueOf(random.nextInt(100)));
                }
                add(fields, 55, symbol);
                add(fields, 54, "1");
                add(fields, 38, decimal(random));
                add(fields, 44, decimal(random));
            }
            case "q" ->
            {
                add(fields, 11, "m" + random.nextInt(1000));
                add(fields, 530, String.valueOf(random.nextInt(9)));
                add(fields, 55, symbol);
            }
            case "2" ->
            {
                add(fields, 7, String.valueOf(random.nextInt(10)));
                add(fields, 16, String.valueOf(random.nextInt(10)));
            }
            case "4" ->
            {
                add(fields, 123, random.nextBoolean() ? "Y" : "N");
                add(fields, 36, String.valueOf(random.nextInt(100)));
            }
            case "1" -> add(fields, 112, "t" + random.nextInt(100));
            default ->
            {
            }
        }
        final int mutations = random.nextInt(4);
        for (int i = 0; i < mutations && fields.size() > 1; i++)
        {
            final int index = 1 + random.nextInt(fields.size() - 1);
            switch (random.nextInt(5))
            {
                case 0 -> fields.remove(index);
                case 1 -> fields.get(index)[1] = randomValue(random);
                case 2 -> fields.add(1 + random.nextInt(fields.size() - 1), fields.get(index).clone());
                case 3 -> fields.get(index)[0] = String.valueOf(TAGS[random.nextInt(TAGS.length)]);
                default -> fields.get(index)[0] = String.valueOf(1 + random.nextInt(9999));
            }
        }
        return fields;
    }

    private static void add(final List<String[]> fields, final int tag, final String value)
    {
        fields.add(new String[]{String.valueOf(tag), value});
    }

    private static String decimal(final Random random)
    {
        return switch (random.nextInt(6))
        {
            case 0 -> String.valueOf(random.nextInt(100));
            case 1 -> "0.0001";
            case 2 -> (29_000 + random.nextInt(2000)) + "." + random.nextInt(100);
            case 3 -> "-" + random.nextInt(10);
            case 4 -> "0." + "0".repeat(random.nextInt(20)) + "1";
            default -> String.valueOf(random.nextLong());
        };
    }

    private static String randomValue(final Random random)
    {
        final int length = 1 + random.nextInt(40);
        final StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.append((char)(0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    private static byte[] validMessage(final Random random, final int i)
    {
        return encode(random, "C" + (i % 7), 1 + random.nextInt(100), randomFields(random));
    }

    private static byte[] randomBytes(final Random random)
    {
        final byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        if (bytes.length > 12 && random.nextBoolean())
        {
            System.arraycopy("8=FIX.4.4\u00019=".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 12);
        }
        return bytes;
    }

    private static byte[] mutateBytes(final Random random, final byte[] original)
    {
        byte[] bytes = original.clone();
        final int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && bytes.length > 0; i++)
        {
            final int at = random.nextInt(bytes.length);
            switch (random.nextInt(6))
            {
                case 0 -> bytes[at] = (byte)random.nextInt(256);
                case 1 -> bytes[at] = 1;
                case 2 -> bytes[at] = (byte)('0' + random.nextInt(10));
                case 3 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 4 ->
                {
                    final byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte)random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes[at] = '=';
            }
        }
        return bytes;
    }

    private static void readEveryField(final FixMessage message)
    {
        message.msgTypeChar();
        message.msgType();
        for (int i = 0; i < message.fieldCount(); i++)
        {
            final int tag = message.tagAt(i);
            message.getLong(tag);
            message.getChar(tag);
            message.getString(tag);
            message.getScaled(tag, i % 19);
            message.getTimestampNs(tag);
            message.valueContains(tag, '6');
        }
    }
}
