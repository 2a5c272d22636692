package io.bourse.gateway.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.typesafe.config.ConfigFactory;

import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.sbe.LogonAcceptedDecoder;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The binary gateway's inbound path fuzzed against a reference model instead of a real engine, so that a million
 * inputs run in well under a minute: seeded random and mutated client bytes ({@link OrderEntryInputs}) go through the
 * real handlers ({@link BinaryServer#addHandlers}: SOFH decoder, message adapter, session, command translation) of a
 * few concurrent connections on embedded channels, logging on as three accounts. After every read: each message the
 * gateway sent and each command it published is the one {@link OrderEntryModel} predicts, field by field (the
 * documented session reject, business reject, disconnect or command); every command carries the account and sourceId
 * of the session that sent it ({@link ValidatingCommandSink}); no exception escapes or reaches a session's handler;
 * logged-on sessions, the registry and the protocol-error count agree with the model; a connection holds no more than
 * a few KiB and gives all of it back when it closes. {@link OrderEntryFuzzTest} drives a real engine end to end.
 * {@code -Dbourse.fuzz.inputs=1000000} for the long run; {@code -Dbourse.fuzz.seed=N} replays a run (printed).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OrderEntryModelFuzzTest
{
    private static final long INPUTS = Long.getLong("bourse.fuzz.inputs", 200_000);
    private static final long SEED = Long.getLong("bourse.fuzz.seed", System.nanoTime());
    private static final int CONNECTIONS = 3;
    private static final long[] ACCOUNT_IDS = {7, 8, 9};
    private static final String[] SECRETS = {"secret-seven", "secret-eight", "secret-nine"};
    /** A connection is replaced after this many inputs, so sessions both live long and start often. */
    private static final int INPUTS_PER_CONNECTION = 5_000;
    /** A partial frame (under 256 bytes) plus one read (under 1 KiB) plus the replies to it, with room to spare. */
    private static final long MAX_HELD_BYTES = 16 * 1024;
    private static final long RING_ACCEPTS = 0;

    /** Held so the level sticks: fuzzed disconnects and cancel-on-disconnect into a stopped ring are logged. */
    private static final java.util.logging.Logger GATEWAY_LOG = java.util.logging.Logger.getLogger("io.bourse.gateway");

    private final GatewaySettings settings = GatewaySettings.fromConfig(ConfigFactory.parseString(
        "bourse.gateway { max-frame-length = 256 }"));
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final SessionRegistry registry = new SessionRegistry();
    private final ValidatingCommandSink sink = new ValidatingCommandSink();
    private final BinaryGatewayContext context = new BinaryGatewayContext(settings, sink,
        OrderEntryModelFuzzTest::authenticate, Runnable::run, registry, metrics);
    private final Random random = new Random(SEED);
    private final OrderEntryInputs inputs =
        new OrderEntryInputs(random, settings.maxFrameLength(), ACCOUNT_IDS, SECRETS);
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final WireText text = new WireText();
    private final LogonAcceptedDecoder logonAccepted = new LogonAcceptedDecoder();
    private final LongHashSet sessionIds = new LongHashSet();
    private final FuzzConnection[] connections = new FuzzConnection[CONNECTIONS];
    private final List<String> outbound = new ArrayList<>();
    private long expectedProtocolErrors;
    private long reads;
    private long connectionsOpened;

    @BeforeAll
    static void quiet()
    {
        GATEWAY_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @AfterAll
    static void loud()
    {
        GATEWAY_LOG.setLevel(null);
    }

    @Test
    void shouldAnswerEveryInputAsDocumentedAndPublishOnlyForTheLoggedOnAccount()
    {
        // Printed first: a hang ends in a timeout that cannot say which run it was.
        System.out.printf("fuzzing %,d binary inputs with -Dbourse.fuzz.seed=%d%n", INPUTS, SEED);
        final long startNs = System.nanoTime();
        long input = 0;
        try
        {
            for (input = 0; input < INPUTS; input++)
            {
                final int index = random.nextInt(CONNECTIONS);
                FuzzConnection connection = connections[index];
                if (connection == null || !connection.channel.isOpen() ||
                    connection.inputs >= INPUTS_PER_CONNECTION)
                {
                    if (connection != null)
                    {
                        close(connection);
                    }
                    connection = open(index);
                }
                final long result = ringResult();
                for (final byte[] bytes : inputs.reads(inputs.next()))
                {
                    if (!connection.channel.isOpen())
                    {
                        break;
                    }
                    read(connection, bytes, result);
                }
                connection.inputs++;
            }
            for (int i = 0; i < CONNECTIONS; i++)
            {
                if (connections[i] != null)
                {
                    close(connections[i]);
                }
            }
            assertThat(registry.size()).as("sessions left in the registry").isZero();
            assertThat(metrics.sessions()).as("sessions gauge").isZero();
        }
        catch (final Throwable ex)
        {
            throw new AssertionError("binary fuzz failed at input " + input + "; replay with -Dbourse.fuzz.seed=" +
                SEED + " (-Dbourse.fuzz.inputs=" + (input + 1) + ")\n" + ex.getMessage(), ex);
        }
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        System.out.printf("fuzzed %,d binary inputs (seed %d) in %,d ms: %,d reads on %,d connections, %,d commands " +
            "checked, %,d protocol errors%n", INPUTS, SEED, elapsedMs, reads, connectionsOpened, sink.published(),
            metrics.protocolErrors());
        outcomes.forEach((kind, count) -> System.out.printf("  %-48s %,d%n", kind, count));
        assertEveryOutcomeSeen();
    }

    /** The client connects in place of connection {@code index} and, usually, logs on at once. */
    private FuzzConnection open(final int index)
    {
        final FuzzConnection connection = new FuzzConnection(context,
            new OrderEntryModel(settings, ACCOUNT_IDS, SECRETS, outcomes));
        connections[index] = connection;
        connectionsOpened++;
        if (random.nextInt(10) != 0)
        {
            read(connection, inputs.logon(), RING_ACCEPTS);
        }
        return connection;
    }

    /** The client drops the connection (if the gateway has not closed it already). */
    private void close(final FuzzConnection connection)
    {
        sink.drive(connection, RING_ACCEPTS);
        connection.model.onClientClose(RING_ACCEPTS);
        connection.channel.finishAndReleaseAll();
        sink.idle();
        verify(connection);
        assertThat(connection.heldBytes()).as("bytes still held after the connection closed").isZero();
    }

    private void read(final FuzzConnection connection, final byte[] bytes, final long result)
    {
        reads++;
        final long protocolErrorsBefore = connection.model.protocolErrors();
        connection.model.onRead(bytes, result);
        expectedProtocolErrors += connection.model.protocolErrors() - protocolErrorsBefore;
        sink.drive(connection, result);
        connection.channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        connection.channel.runPendingTasks();
        sink.idle();
        verify(connection);
    }

    /** What the gateway did during the last read (or close) is what the model predicted. */
    private void verify(final FuzzConnection connection)
    {
        if (sink.failure() != null)
        {
            throw sink.failure();
        }
        connection.channel.checkException();
        check(metrics.unexpectedErrors() == 0, "a session caught an exception (logged above)");
        check(connection.model.commands().isEmpty(), "the gateway did not publish " + connection.model.commands());

        outbound.clear();
        ByteBuf out;
        while ((out = connection.channel.readOutbound()) != null)
        {
            readReplies(connection, ByteBufUtil.getBytes(out));
            out.release();
        }
        final List<String> expected = connection.model.takeOutbound();
        if (!outbound.equals(expected))
        {
            throw new AssertionError("the gateway sent\n  " + String.join("\n  ", outbound) + "\nbut should have " +
                "sent\n  " + String.join("\n  ", expected) + "\n(model after the read: " + connection.model + ")");
        }
        expected.clear();

        check(connection.channel.isOpen() == connection.model.isOpen(),
            "connection open: " + connection.channel.isOpen() + ", expected " + connection.model);
        check(metrics.protocolErrors() == expectedProtocolErrors,
            "protocol errors " + metrics.protocolErrors() + ", expected " + expectedProtocolErrors);
        final int loggedOn = loggedOnConnections();
        check(registry.size() == loggedOn, "sessions in the registry " + registry.size() + ", expected " + loggedOn);
        check(metrics.sessions() == loggedOn, "sessions gauge " + metrics.sessions() + ", expected " + loggedOn);
        check(connection.heldBytes() <= MAX_HELD_BYTES, "the connection holds " + connection.heldBytes() + " bytes");
    }

    private static void check(final boolean condition, final String failure)
    {
        if (!condition)
        {
            throw new AssertionError(failure);
        }
    }

    /** Reads the frames of one outbound buffer into {@link #outbound}, checking SOFH and sequence numbers. */
    private void readReplies(final FuzzConnection connection, final byte[] bytes)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        int position = 0;
        while (position < bytes.length)
        {
            check(bytes.length - position >= Sofh.LENGTH, "outbound bytes end inside a SOFH");
            final long frameLength = Sofh.messageLength(buffer, position);
            check(Sofh.encodingType(buffer, position) == Sofh.SBE_LE_ENCODING &&
                frameLength >= Sofh.MIN_FRAME_LENGTH && frameLength <= bytes.length - position,
                "outbound SOFH of length " + frameLength + " in " + (bytes.length - position) + " bytes");
            final int messageOffset = position + Sofh.LENGTH;
            final int messageLength = (int)frameLength - Sofh.LENGTH;
            final String message = text.outbound(buffer, messageOffset, messageLength);
            outbound.add(message);
            final long seqNo = WireText.seqNo(buffer, messageOffset);
            check(seqNo == ++connection.lastSeqNo, "seqNo " + seqNo + " of " + message + ", expected " +
                connection.lastSeqNo);
            if (message.startsWith("LogonAccepted"))
            {
                logonAccepted.wrap(buffer, messageOffset + MessageHeaderDecoder.ENCODED_LENGTH,
                    LogonAcceptedDecoder.BLOCK_LENGTH, LogonAcceptedDecoder.SCHEMA_VERSION);
                connection.sessionId = logonAccepted.sessionId();
                connection.accountId = logonAccepted.accountId();
                check(sessionIds.add(connection.sessionId), "sessionId " + connection.sessionId + " given twice");
            }
            position += (int)frameLength;
        }
    }

    private int loggedOnConnections()
    {
        int loggedOn = 0;
        for (final FuzzConnection connection : connections)
        {
            if (connection != null && connection.model.isLoggedOn())
            {
                loggedOn++;
            }
        }
        return loggedOn;
    }

    /** What the engine's ring answers during one input: almost always a sequence, sometimes full or stopped. */
    private long ringResult()
    {
        final int pick = random.nextInt(100);
        return pick == 0 ? CommandPublisher.BUSY : pick == 1 ? CommandPublisher.FAILED : RING_ACCEPTS;
    }

    /** Guards the generator: a run that never reaches some outcome checks less than it seems to. */
    private void assertEveryOutcomeSeen()
    {
        if (INPUTS < 100_000)
        {
            return;
        }
        assertThat(outcomes.keySet()).contains(
            "framing error: too short", "framing error: too long", "framing error: not SBE",
            "frame of the maximum length", "logout", "heartbeat",
            "logon accepted", "logon accepted, cancel on disconnect", "logon rejected: credentials",
            "logon rejected: heartbeat interval",
            "PlaceOrder", "PlaceOrder (busy)", "PlaceOrder (engine stopped)", "CancelOrder", "ReplaceOrder",
            "MassCancel", "MassCancel on disconnect",
            "session reject: UNKNOWN_TEMPLATE", "session reject: BAD_BLOCK_LENGTH", "session reject: NOT_LOGGED_ON",
            "session reject: ALREADY_LOGGED_ON", "new order rejected: MISSING_CLIENT_ORDER_ID",
            "new order rejected: INVALID_CLIENT_ORDER_ID", "new order rejected: ENGINE_UNAVAILABLE",
            "cancel rejected: INVALID_CLIENT_ORDER_ID", "cancel rejected: ENGINE_UNAVAILABLE");
    }

    private static boolean authenticate(final long accountId, final String secret)
    {
        for (int i = 0; i < ACCOUNT_IDS.length; i++)
        {
            if (ACCOUNT_IDS[i] == accountId)
            {
                return SECRETS[i].equals(secret);
            }
        }
        return false;
    }
}
