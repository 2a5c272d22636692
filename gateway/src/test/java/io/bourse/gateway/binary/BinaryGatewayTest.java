package io.bourse.gateway.binary;

import static io.bourse.gateway.support.TestExchange.BTC_USDT;
import static io.bourse.gateway.support.TestExchange.ONE_BTC;
import static io.bourse.gateway.support.TestExchange.PRICE_30000;
import static io.bourse.gateway.support.TestExchange.TICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.gateway.sbe.OrderType;
import io.bourse.gateway.sbe.RejectReason;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.bourse.gateway.support.RecordingClient;
import io.bourse.gateway.support.Report;
import io.bourse.gateway.support.TestExchange;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinaryGatewayTest
{
    private static final long ALICE = 11;
    private static final long BOB = 12;
    private static final long HALF_BTC = ONE_BTC / 2;

    @TempDir
    Path dir;

    private TestExchange exchange;
    private String aliceSecret;
    private String bobSecret;

    @BeforeEach
    void start() throws Exception
    {
        exchange = new TestExchange(dir);
        aliceSecret = exchange.fundedAccount(ALICE);
        bobSecret = exchange.fundedAccount(BOB);
    }

    @AfterEach
    void stop()
    {
        exchange.close();
    }

    @Test
    void shouldAcceptIssuedSecretAndRejectWrongOne() throws Exception
    {
        try (RecordingClient good = RecordingClient.connect(exchange.port());
             RecordingClient bad = RecordingClient.connect(exchange.port()))
        {
            good.logon(ALICE, aliceSecret);
            assertThat(good.client.accountId()).isEqualTo(ALICE);

            assertThatThrownBy(() -> bad.client.logon(ALICE, bobSecret, 0, false).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
            assertThat(bad.nextOther()).isEqualTo("LogonRejected BAD_CREDENTIALS");
            assertThat(bad.nextOther()).isEqualTo("Disconnected");
            assertThat(exchange.metrics.logonsRejected()).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectOrdersBeforeLogon() throws Exception
    {
        try (RecordingClient client = RecordingClient.connect(exchange.port()))
        {
            client.client.sendLimitOrder("x1", BTC_USDT, Side.BUY, PRICE_30000, ONE_BTC, TimeInForce.GTC);
            assertThat(client.nextOther()).isEqualTo("SessionReject 4 NOT_LOGGED_ON");
        }
    }

    @Test
    void shouldReportNewPartialFillAndFillToBothSides() throws Exception
    {
        try (RecordingClient alice = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret);
             RecordingClient bob = RecordingClient.connect(exchange.port()).logon(BOB, bobSecret))
        {
            alice.client.sendLimitOrder("s1", BTC_USDT, Side.SELL, PRICE_30000, 2 * ONE_BTC, TimeInForce.GTC);
            final Report aliceNew = alice.nextReport();
            assertThat(aliceNew.execType()).isEqualTo("NEW");
            assertThat(aliceNew.clientOrderId()).isEqualTo("s1");
            assertThat(aliceNew.orderId()).isPositive();
            assertThat(aliceNew.side()).isEqualTo(Side.SELL.value());
            assertThat(aliceNew.priceMinor()).isEqualTo(PRICE_30000);
            assertThat(aliceNew.orderQtyMinor()).isEqualTo(2 * ONE_BTC);
            assertThat(aliceNew.leavesQtyMinor()).isEqualTo(2 * ONE_BTC);
            assertThat(aliceNew.cumQtyMinor()).isZero();

            bob.client.sendLimitOrder("b1", BTC_USDT, Side.BUY, PRICE_30000, HALF_BTC, TimeInForce.IOC);
            assertThat(bob.nextReport().execType()).isEqualTo("NEW");
            final Report bobFill = bob.nextReport();
            assertThat(bobFill.execType()).isEqualTo("FILL");
            assertThat(bobFill.clientOrderId()).isEqualTo("b1");
            assertThat(bobFill.lastPriceMinor()).isEqualTo(PRICE_30000);
            assertThat(bobFill.lastQtyMinor()).isEqualTo(HALF_BTC);
            assertThat(bobFill.leavesQtyMinor()).isZero();
            assertThat(bobFill.cumQtyMinor()).isEqualTo(HALF_BTC);
            assertThat(bobFill.liquidity()).isEqualTo("TAKER");
            // 15000 USDT at 20 bps taker fee = 30 USDT.
            assertThat(bobFill.feeMinor()).isEqualTo(30_000_000L);
            assertThat(bobFill.tradeId()).isPositive();

            final Report alicePartial = alice.nextReport();
            assertThat(alicePartial.execType()).isEqualTo("PARTIAL_FILL");
            assertThat(alicePartial.orderId()).isEqualTo(aliceNew.orderId());
            assertThat(alicePartial.clientOrderId()).isEqualTo("s1");
            assertThat(alicePartial.lastQtyMinor()).isEqualTo(HALF_BTC);
            assertThat(alicePartial.leavesQtyMinor()).isEqualTo(ONE_BTC + HALF_BTC);
            assertThat(alicePartial.cumQtyMinor()).isEqualTo(HALF_BTC);
            assertThat(alicePartial.liquidity()).isEqualTo("MAKER");
            assertThat(alicePartial.feeMinor()).isEqualTo(15_000_000L);
            assertThat(alicePartial.tradeId()).isEqualTo(bobFill.tradeId());

            bob.client.sendLimitOrder("b2", BTC_USDT, Side.BUY, PRICE_30000, ONE_BTC + HALF_BTC, TimeInForce.GTC);
            assertThat(bob.nextReport().execType()).isEqualTo("NEW");
            assertThat(bob.nextReport().execType()).isEqualTo("FILL");
            final Report aliceFill = alice.nextReport();
            assertThat(aliceFill.execType()).isEqualTo("FILL");
            assertThat(aliceFill.leavesQtyMinor()).isZero();
            assertThat(aliceFill.cumQtyMinor()).isEqualTo(2 * ONE_BTC);
            assertThat(alice.client.seqNoGaps()).isZero();
            assertThat(bob.client.seqNoGaps()).isZero();
        }
    }

    @Test
    void shouldCancelReplaceAndMassCancel() throws Exception
    {
        try (RecordingClient alice = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret))
        {
            alice.client.sendLimitOrder("c1", BTC_USDT, Side.BUY, PRICE_30000 - 100 * TICK, ONE_BTC, TimeInForce.GTC);
            final long orderId = alice.nextReport().orderId();

            alice.client.sendReplace(0, "c1", "c1b", PRICE_30000 - 100 * TICK, HALF_BTC);
            final Report replaced = alice.nextReport();
            assertThat(replaced.execType()).isEqualTo("REPLACED");
            assertThat(replaced.orderId()).isEqualTo(orderId);
            assertThat(replaced.clientOrderId()).isEqualTo("c1b");
            assertThat(replaced.origClientOrderId()).isEqualTo("c1");
            assertThat(replaced.orderQtyMinor()).isEqualTo(HALF_BTC);
            assertThat(replaced.leavesQtyMinor()).isEqualTo(HALF_BTC);

            alice.client.sendCancel(0, "c1b");
            final Report cancelled = alice.nextReport();
            assertThat(cancelled.execType()).isEqualTo("CANCELLED");
            assertThat(cancelled.orderId()).isEqualTo(orderId);
            assertThat(cancelled.clientOrderId()).isEqualTo("c1b");
            assertThat(cancelled.leavesQtyMinor()).isZero();
            assertThat(cancelled.cancelReason()).isEqualTo((short)1);

            alice.client.sendCancel(orderId, null);
            assertThat(alice.nextOther()).isEqualTo("CancelReject CANCEL_ORDER UNKNOWN_ORDER " + orderId + " ");

            for (int i = 0; i < 3; i++)
            {
                alice.client.sendLimitOrder("m" + i, BTC_USDT, Side.SELL, PRICE_30000 + (i + 1) * TICK, ONE_BTC,
                    TimeInForce.GTC);
                assertThat(alice.nextReport().execType()).isEqualTo("NEW");
            }
            alice.client.sendMassCancel(BTC_USDT);
            for (int i = 0; i < 3; i++)
            {
                final Report massCancelled = alice.nextReport();
                assertThat(massCancelled.execType()).isEqualTo("CANCELLED");
                assertThat(massCancelled.clientOrderId()).isEqualTo("m" + i);
                assertThat(massCancelled.cancelReason()).isEqualTo((short)5);
            }
            assertThat(alice.nextOther()).isEqualTo("MassCancelReport 1 3");
        }
    }

    @Test
    void shouldKeepAccountsApart() throws Exception
    {
        try (RecordingClient alice = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret);
             RecordingClient bob = RecordingClient.connect(exchange.port()).logon(BOB, bobSecret))
        {
            alice.client.sendLimitOrder("a1", BTC_USDT, Side.SELL, PRICE_30000 + TICK, ONE_BTC, TimeInForce.GTC);
            final long aliceOrderId = alice.nextReport().orderId();

            bob.client.sendCancel(aliceOrderId, null);
            assertThat(bob.nextOther()).startsWith("CancelReject CANCEL_ORDER UNKNOWN_ORDER");
            bob.client.sendCancel(0, "a1");
            assertThat(bob.nextOther()).startsWith("CancelReject CANCEL_ORDER UNKNOWN_ORDER");
            bob.client.sendReplace(aliceOrderId, null, null, PRICE_30000 + TICK, HALF_BTC);
            assertThat(bob.nextOther()).startsWith("CancelReject REPLACE_ORDER UNKNOWN_ORDER");
            bob.client.sendMassCancel(0);
            assertThat(bob.nextOther()).isEqualTo("MassCancelReport 0 0");
            alice.expectNothing(300);

            // Bob's own order with the same client order id is his, not Alice's.
            bob.client.sendLimitOrder("a1", BTC_USDT, Side.BUY, PRICE_30000 - TICK, ONE_BTC, TimeInForce.GTC);
            assertThat(bob.nextReport().execType()).isEqualTo("NEW");
            alice.expectNothing(200);
        }
    }

    @Test
    void shouldRejectInvalidOrdersWithReasonCodes() throws Exception
    {
        try (RecordingClient alice = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret))
        {
            alice.client.sendLimitOrder("r1", BTC_USDT, Side.BUY, PRICE_30000 + 1, ONE_BTC, TimeInForce.GTC);
            final Report offTick = alice.nextReport();
            assertThat(offTick.execType()).isEqualTo("REJECTED");
            assertThat(offTick.rejectReason()).isEqualTo(RejectReason.BAD_TICK.value());
            assertThat(offTick.clientOrderId()).isEqualTo("r1");
            assertThat(offTick.priceMinor()).isEqualTo(PRICE_30000 + 1);
            assertThat(offTick.engineSequence()).isPositive();

            alice.client.sendLimitOrder("r2", BTC_USDT, Side.BUY, PRICE_30000, 0, TimeInForce.GTC);
            assertThat(alice.nextReport().rejectReason()).isEqualTo(RejectReason.INVALID_QUANTITY.value());
            alice.client.sendLimitOrder("r3", BTC_USDT, Side.BUY, PRICE_30000, -ONE_BTC, TimeInForce.GTC);
            assertThat(alice.nextReport().rejectReason()).isEqualTo(RejectReason.INVALID_QUANTITY.value());

            alice.client.sendLimitOrder("", BTC_USDT, Side.BUY, PRICE_30000, ONE_BTC, TimeInForce.GTC);
            final Report missingId = alice.nextReport();
            assertThat(missingId.rejectReason()).isEqualTo(RejectReason.MISSING_CLIENT_ORDER_ID.value());
            assertThat(missingId.engineSequence()).isZero();

            alice.client.newOrder().clientOrderId("r4").symbolId(99).side(Side.BUY).orderType(OrderType.LIMIT)
                .timeInForce(TimeInForce.GTC).priceMinor(PRICE_30000).qtyMinor(ONE_BTC);
            alice.client.sendNewOrder();
            assertThat(alice.nextReport().rejectReason()).isEqualTo(RejectReason.UNKNOWN_SYMBOL.value());
        }
    }

    @Test
    void shouldDisconnectOnBadFramingWithoutAffectingOthers() throws Exception
    {
        try (RecordingClient alice = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret);
             RecordingClient bob = RecordingClient.connect(exchange.port()).logon(BOB, bobSecret))
        {
            // An unknown template in a well-formed frame: rejected, the session goes on.
            final ByteBuffer unknown = ByteBuffer.allocate(14);
            unknown.putInt(14).putShort((short)0x5BE0);
            unknown.order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short)0).putShort((short)77)
                .putShort((short)7302).putShort((short)1);
            bob.client.sendRaw(unknown.array());
            assertThat(bob.nextOther()).isEqualTo("SessionReject 77 UNKNOWN_TEMPLATE");

            // Wrong encoding type: the stream cannot be trusted any more.
            bob.client.sendRaw(new byte[] {0, 0, 0, 14, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0});
            assertThat(bob.nextOther()).isEqualTo("LoggedOut PROTOCOL_ERROR");
            assertThat(bob.nextOther()).isEqualTo("Disconnected");

            alice.client.sendLimitOrder("ok", BTC_USDT, Side.BUY, PRICE_30000 - TICK, ONE_BTC, TimeInForce.GTC);
            assertThat(alice.nextReport().execType()).isEqualTo("NEW");
        }
    }

    @Test
    void shouldReportTriggeredStopsAndExpiredOrders() throws Exception
    {
        try (RecordingClient alice = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret);
             RecordingClient bob = RecordingClient.connect(exchange.port()).logon(BOB, bobSecret))
        {
            alice.client.sendLimitOrder("ask", BTC_USDT, Side.SELL, PRICE_30000 + TICK, ONE_BTC, TimeInForce.GTC);
            assertThat(alice.nextReport().execType()).isEqualTo("NEW");

            bob.client.newOrder().clientOrderId("stop").symbolId(BTC_USDT).side(Side.BUY).orderType(OrderType.STOP)
                .timeInForce(TimeInForce.GTC).stopPriceMinor(PRICE_30000 + TICK).qtyMinor(HALF_BTC);
            bob.client.sendNewOrder();
            final Report stopNew = bob.nextReport();
            assertThat(stopNew.execType()).isEqualTo("NEW");

            bob.client.sendLimitOrder("lift", BTC_USDT, Side.BUY, PRICE_30000 + TICK, HALF_BTC, TimeInForce.IOC);
            assertThat(bob.nextReport().execType()).isEqualTo("NEW");
            assertThat(bob.nextReport().execType()).isEqualTo("FILL");
            final Report triggered = bob.nextReport();
            assertThat(triggered.execType()).isEqualTo("TRIGGERED");
            assertThat(triggered.orderId()).isEqualTo(stopNew.orderId());
            assertThat(triggered.clientOrderId()).isEqualTo("stop");
            assertThat(triggered.lastPriceMinor()).isEqualTo(PRICE_30000 + TICK);
            final Report stopFill = bob.nextReport();
            assertThat(stopFill.execType()).isEqualTo("FILL");
            assertThat(stopFill.clientOrderId()).isEqualTo("stop");
            assertThat(stopFill.cumQtyMinor()).isEqualTo(HALF_BTC);

            final long expireNs = System.currentTimeMillis() * 1_000_000L + 300_000_000L;
            alice.client.newOrder().clientOrderId("gtd").symbolId(BTC_USDT).side(Side.SELL)
                .orderType(OrderType.LIMIT).timeInForce(TimeInForce.GTD).priceMinor(PRICE_30000 + 50 * TICK)
                .qtyMinor(HALF_BTC).expireTimeNs(expireNs);
            alice.client.sendNewOrder();
            assertThat(alice.nextReport().execType()).isIn("PARTIAL_FILL", "FILL", "NEW");
            Thread.sleep(500);
            // Expiry happens by engine time at the start of the next command, whatever it is.
            bob.client.sendMassCancel(2);
            Report expired;
            do
            {
                expired = alice.nextReport();
            }
            while (!"gtd".equals(expired.clientOrderId()) || "NEW".equals(expired.execType()));
            assertThat(expired.execType()).isEqualTo("EXPIRED");
            assertThat(expired.cancelReason()).isEqualTo((short)4);
        }
    }

    @Test
    void shouldCancelOpenOrdersWhenSessionAskedForCancelOnDisconnectEnds() throws Exception
    {
        try (RecordingClient watcher = RecordingClient.connect(exchange.port()).logon(ALICE, aliceSecret))
        {
            final RecordingClient leaving = RecordingClient.connect(exchange.port());
            leaving.client.logon(ALICE, aliceSecret, 0, true).get(20, TimeUnit.SECONDS);
            leaving.client.sendLimitOrder("cod", BTC_USDT, Side.BUY, PRICE_30000 - TICK, ONE_BTC, TimeInForce.GTC);
            assertThat(leaving.nextReport().execType()).isEqualTo("NEW");
            assertThat(watcher.nextReport().execType()).isEqualTo("NEW");
            leaving.close();

            final Report cancelled = watcher.nextReport();
            assertThat(cancelled.execType()).isEqualTo("CANCELLED");
            assertThat(cancelled.clientOrderId()).isEqualTo("cod");
            assertThat(cancelled.cancelReason()).isEqualTo((short)5);
        }
    }

    @Test
    void shouldEndSessionThatStopsHeartbeating() throws Exception
    {
        final RecordingClient silent = new RecordingClient();
        final io.netty.channel.EventLoopGroup group = io.bourse.gateway.NettyTransport.newGroup(1, "test-client");
        try
        {
            silent.client = io.bourse.gateway.client.BinaryClient.connect(
                group, "127.0.0.1", exchange.port(), silent, false, 0);
            silent.client.logon(ALICE, aliceSecret, 100, false).get(20, TimeUnit.SECONDS);
            assertThat(silent.nextOther()).isEqualTo("LoggedOut HEARTBEAT_TIMEOUT");
            assertThat(silent.nextOther()).isEqualTo("Disconnected");
            assertThat(exchange.metrics.heartbeatTimeouts()).isEqualTo(1);
        }
        finally
        {
            silent.client.close();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
