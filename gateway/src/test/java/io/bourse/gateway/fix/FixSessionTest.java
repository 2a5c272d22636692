package io.bourse.gateway.fix;

import static io.bourse.gateway.fix.RecordingFixListener.msgType;
import static io.bourse.gateway.fix.RecordingFixListener.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.gateway.client.fix.FixClient;
import io.bourse.gateway.fix.codec.FixEncoder;
import io.bourse.gateway.fix.codec.FixTags;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** The FIX session layer against a real engine, driven by {@link FixClient} and raw bytes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixSessionTest
{
    private static final String SYMBOL = "BTC-USDT";

    @TempDir
    static Path dir;

    private FixTestExchange exchange;

    @BeforeAll
    void start() throws Exception
    {
        // A small outbound bound so the slow-consumer test needs few messages; the other tests stay far below it.
        exchange = new FixTestExchange(dir, FixSettings.defaults().withMaxOutboundBytes(256 * 1024)).fundedAccounts(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @AfterAll
    void stop()
    {
        exchange.close();
    }

    @Test
    void shouldRefuseALogonWithAWrongSecret() throws Exception
    {
        final RecordingFixListener listener = new RecordingFixListener();
        try (FixClient client = new FixClient(listener))
        {
            client.connect("127.0.0.1", exchange.port(), "WRONG", "BOURSE", 1, "guess", 30, true);
            final Map<Integer, String> logout = listener.await(msgType("5"));
            assertThat(logout.get(FixTags.TEXT)).contains("Logon rejected");
            assertThat(listener.awaitDisconnect()).isTrue();
        }
    }

    @Test
    void shouldLogOutWhenMsgSeqNumIsTooLow() throws Exception
    {
        final RecordingFixListener listener = new RecordingFixListener();
        try (FixClient client = logon(listener, "LOW", 3))
        {
            client.newOrder("low-1", SYMBOL, '1', '2', "0.1", "29000", '1');
            listener.await(report("low-1", "0"));
            client.nextSenderSeqNum(2);
            client.newOrder("low-2", SYMBOL, '1', '2', "0.1", "29000", '1');
            assertThat(listener.await(msgType("5")).get(FixTags.TEXT)).contains("MsgSeqNum too low");
            assertThat(listener.awaitDisconnect()).isTrue();
        }
    }

    @Test
    void shouldContinueSequenceNumbersAcrossReconnects() throws Exception
    {
        final RecordingFixListener first = new RecordingFixListener();
        final long nextOut;
        final long nextIn;
        try (FixClient client = logon(first, "PERSIST", 4))
        {
            client.newOrder("persist-1", SYMBOL, '1', '2', "0.1", "29000", '1');
            first.await(report("persist-1", "0"));
            client.logout();
            first.await(msgType("5"));
            assertThat(first.awaitDisconnect()).isTrue();
            nextOut = client.nextSenderSeqNum();
            nextIn = client.nextTargetSeqNum();
        }
        final RecordingFixListener second = new RecordingFixListener();
        try (FixClient client = new FixClient(second))
        {
            client.nextSenderSeqNum(nextOut);
            client.connect("127.0.0.1", exchange.port(), "PERSIST", "BOURSE", 4, "secret-4", 30, false)
                .get(10, TimeUnit.SECONDS);
            assertThat(client.nextTargetSeqNum()).as("the exchange's Logon continues its sequence").isEqualTo(nextIn + 1);
            client.newOrder("persist-2", SYMBOL, '1', '2', "0.1", "29000", '1');
            assertThat(Long.parseLong(second.await(report("persist-2", "0")).get(FixTags.MSG_SEQ_NUM)))
                .isEqualTo(nextIn + 1);
        }
    }

    @Test
    void shouldIgnoreABadChecksumAndRecoverTheGapWithResendRequest() throws Exception
    {
        final RecordingFixListener listener = new RecordingFixListener();
        try (FixClient client = logon(listener, "CHECKSUM", 5))
        {
            final byte[] order = rawOrder(client, "CHECKSUM", "bad-sum");
            order[order.length - 2] = (byte)(order[order.length - 2] == '0' ? '1' : '0');
            client.sendRaw(order);
            client.newOrder("dropped-in-gap", SYMBOL, '1', '2', "0.1", "29000", '1');
            assertThat(listener.await(msgType("2")).get(FixTags.BEGIN_SEQ_NO)).isEqualTo("2");
            client.newOrder("after-gap", SYMBOL, '1', '2', "0.1", "29000", '1');
            listener.await(report("after-gap", "0"));
            assertThat(listener.messages).noneMatch(m -> "bad-sum".equals(m.get(11)) || "dropped-in-gap".equals(m.get(11)));
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void shouldAnswerUnknownMessageTypesAndMissingTagsWithRejects() throws Exception
    {
        final RecordingFixListener listener = new RecordingFixListener();
        try (FixClient client = logon(listener, "REJECTS", 6))
        {
            client.sendRaw(raw(client, "REJECTS", "U9", 58, "what"));
            final Map<Integer, String> businessReject = listener.await(msgType("j"));
            assertThat(businessReject).containsEntry(FixTags.REF_MSG_TYPE, "U9").containsEntry(FixTags.BUSINESS_REJECT_REASON, "3");

            client.sendRaw(raw(client, "REJECTS", "D", FixTags.CL_ORD_ID, "no-side", FixTags.SYMBOL, SYMBOL,
                FixTags.ORD_TYPE, "2", FixTags.ORDER_QTY, "0.1", FixTags.PRICE, "29000"));
            final Map<Integer, String> reject = listener.await(msgType("3"));
            assertThat(reject).containsEntry(FixTags.REF_TAG_ID, "54").containsEntry(FixTags.SESSION_REJECT_REASON, "1");

            client.newOrder("x".repeat(33), SYMBOL, '1', '2', "0.1", "29000", '1');
            assertThat(listener.await(report("x".repeat(33), "8")).get(FixTags.TEXT)).contains("ClOrdID");
            client.newOrder("unknown-symbol", "DOGE-USDT", '1', '2', "0.1", "29000", '1');
            assertThat(listener.await(report("unknown-symbol", "8"))).containsEntry(FixTags.ORD_REJ_REASON, "1");
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void shouldDisconnectOnGarbageWithoutAffectingAnotherSession() throws Exception
    {
        final RecordingFixListener victim = new RecordingFixListener();
        final RecordingFixListener bystander = new RecordingFixListener();
        try (FixClient bad = logon(victim, "GARBAGE", 1); FixClient good = logon(bystander, "BYSTANDER", 2))
        {
            bad.sendRaw("8=FIX.4.4\u00019=abc\u0001garbage".getBytes(StandardCharsets.US_ASCII));
            assertThat(victim.await(msgType("5")).get(FixTags.TEXT)).contains("BAD_BODY_LENGTH");
            assertThat(victim.awaitDisconnect()).isTrue();
            good.newOrder("still-fine", SYMBOL, '2', '2', "0.1", "31000", '1');
            bystander.await(report("still-fine", "0"));
        }
    }

    @Test
    void shouldKeepAnAnsweringSessionAliveAndLogOutASilentOne() throws Exception
    {
        final RecordingFixListener listener = new RecordingFixListener();
        try (FixClient client = new FixClient(listener); RawFixSocket silent = new RawFixSocket("SILENT"))
        {
            // HeartBtInt 1 s; FixClient answers the exchange's TestRequests, the raw socket never reads or writes.
            client.connect("127.0.0.1", exchange.port(), "ANSWERS", "BOURSE", 7, "secret-7", 1, true)
                .get(10, TimeUnit.SECONDS);
            silent.connect(exchange.port(), 64 * 1024).logon(8, 1);
            awaitSessions(8, 1);
            Thread.sleep(4_000);
            assertThat(exchange.gateway().registry().byAccount(7)).as("answering session").hasSize(1);
            awaitSessions(8, 0);
        }
    }

    @Test
    void shouldDisconnectASlowConsumerWithoutAffectingAnotherSession() throws Exception
    {
        final RecordingFixListener bystander = new RecordingFixListener();
        try (RawFixSocket slow = new RawFixSocket("SLOW"); FixClient good = logon(bystander, "FAST", 2))
        {
            slow.connect(exchange.port(), 4096).logon(9, 30);
            awaitSessions(9, 1);
            // Never read: replies fill the socket buffers, then the session's outbound buffer past its bound.
            for (int i = 0; i < 200_000 && exchange.gateway().registry().byAccount(9).length > 0; i++)
            {
                slow.iocOrder("slow-" + i);
            }
            awaitSessions(9, 0);
            good.newOrder("fast-1", SYMBOL, '2', '2', "0.1", "31000", '1');
            bystander.await(report("fast-1", "0"));
        }
        catch (final java.net.SocketException expected)
        {
            // the exchange closed the slow connection while we were still writing
            awaitSessions(9, 0);
        }
    }

    private void awaitSessions(final long account, final int count) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (exchange.gateway().registry().byAccount(account).length != count && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        assertThat(exchange.gateway().registry().byAccount(account)).as("sessions of account %d", account).hasSize(count);
    }

    private FixClient logon(final RecordingFixListener listener, final String compId, final long account) throws Exception
    {
        final FixClient client = new FixClient(listener);
        client.connect("127.0.0.1", exchange.port(), compId, "BOURSE", account, "secret-" + account, 30, true)
            .get(10, TimeUnit.SECONDS);
        return client;
    }

    private static byte[] rawOrder(final FixClient client, final String compId, final String clOrdId)
    {
        return raw(client, compId, "D", FixTags.CL_ORD_ID, clOrdId, FixTags.SYMBOL, SYMBOL, FixTags.SIDE, "1",
            FixTags.ORD_TYPE, "2", FixTags.ORDER_QTY, "0.1", FixTags.PRICE, "29000");
    }

    /** A well-formed message with the client's next MsgSeqNum (which it then skips), fields as tag, value pairs. */
    private static byte[] raw(final FixClient client, final String compId, final String msgType, final Object... fields)
    {
        final long seqNum = client.nextSenderSeqNum();
        client.nextSenderSeqNum(seqNum + 1);
        final FixEncoder encoder = new FixEncoder();
        encoder.begin(msgType).put(FixTags.SENDER_COMP_ID, compId).put(FixTags.TARGET_COMP_ID, "BOURSE")
            .put(FixTags.MSG_SEQ_NUM, seqNum).putTimestampMs(FixTags.SENDING_TIME, System.currentTimeMillis());
        for (int i = 0; i < fields.length; i += 2)
        {
            encoder.put((Integer)fields[i], (String)fields[i + 1]);
        }
        final ByteBuf out = Unpooled.buffer();
        encoder.writeTo(out);
        final byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }
}
