package io.bourse.gateway.binary;

import static io.bourse.gateway.support.TestExchange.BTC_USDT;
import static io.bourse.gateway.support.TestExchange.ONE_BTC;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.bourse.gateway.client.BinaryClient;
import io.bourse.gateway.sbe.OrderType;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.bourse.gateway.support.RecordingClient;
import io.bourse.gateway.support.Report;
import io.bourse.gateway.support.TestExchange;

/**
 * Orders placed before a server restart (resting, partially filled, a pending stop) are filled, triggered, cancelled
 * and amended after it; every report both traders receive must equal, field for field, the one of the same run without
 * the restart. Run once recovering from the journal alone and once from a snapshot taken between fills plus the
 * journal after it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportsAcrossRestartTest
{
    private static final long ALICE = 11;
    private static final long BOB = 12;
    private static final long CAROL = 13;
    private static final long HALF_BTC = ONE_BTC / 2;
    private static final long TENTH_BTC = ONE_BTC / 10;
    /** No such order: a cancel of it is rejected, which marks the end of what a trader receives. */
    private static final long NO_ORDER = 999_999;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "snapshot before the restart: {0}")
    @ValueSource(booleans = {false, true})
    void shouldReportOrdersFromBeforeARestartAsIfThereHadBeenNone(final boolean snapshot) throws Exception
    {
        final Run continuous = run(dir.resolve("continuous"), false, snapshot);
        final Run restarted = run(dir.resolve("restarted"), true, snapshot);

        assertThat(restarted.alice).as("Alice's reports after the restart").containsExactlyElementsOf(continuous.alice);
        assertThat(restarted.bob).as("Bob's reports after the restart").containsExactlyElementsOf(continuous.bob);

        // The comparison alone would pass if both runs were wrong the same way: spot-check the values too.
        final Report sweepFilled = report(restarted.alice, "alice-sweep", "FILL");
        assertThat(sweepFilled.orderQtyMinor()).isEqualTo(2 * ONE_BTC);
        assertThat(sweepFilled.cumQtyMinor()).isEqualTo(2 * ONE_BTC);
        assertThat(sweepFilled.priceMinor()).isEqualTo(usdt(30_100));
        final Report sweepPartial = report(restarted.alice, "alice-sweep", "PARTIAL_FILL");
        assertThat(sweepPartial.cumQtyMinor()).isEqualTo(ONE_BTC + HALF_BTC);
        assertThat(sweepPartial.leavesQtyMinor()).isEqualTo(HALF_BTC);
        final Report askFilled = report(restarted.alice, "alice-ask", "FILL");
        assertThat(askFilled.orderQtyMinor()).isEqualTo(2 * ONE_BTC);
        assertThat(askFilled.cumQtyMinor()).isEqualTo(2 * ONE_BTC);
        final Report cancelled = report(restarted.alice, "alice-cancel-me", "CANCELLED");
        assertThat(cancelled.orderQtyMinor()).isEqualTo(ONE_BTC);
        assertThat(cancelled.priceMinor()).isEqualTo(usdt(29_000));
        final Report replaced = report(restarted.alice, "alice-replaced", "REPLACED");
        assertThat(replaced.origClientOrderId()).isEqualTo("alice-replace-me");
        assertThat(replaced.orderQtyMinor()).isEqualTo(2 * ONE_BTC);
        assertThat(report(restarted.alice, "alice-replaced", "PARTIAL_FILL").cumQtyMinor()).isEqualTo(HALF_BTC);
        final Report triggered = report(restarted.alice, "alice-stop", "TRIGGERED");
        assertThat(triggered.orderQtyMinor()).isEqualTo(ONE_BTC);
        assertThat(triggered.leavesQtyMinor()).isEqualTo(ONE_BTC);
        assertThat(report(restarted.alice, "alice-stop", "FILL").cumQtyMinor()).isEqualTo(ONE_BTC);
    }

    /** What Alice and Bob receive after the (possible) restart, in order. */
    private record Run(List<Object> alice, List<Object> bob)
    {
    }

    private static Run run(final Path dir, final boolean restart, final boolean snapshot) throws Exception
    {
        TestExchange exchange = new TestExchange(dir);
        try
        {
            final String aliceSecret = exchange.fundedAccount(ALICE);
            final String bobSecret = exchange.fundedAccount(BOB);
            final String carolSecret = exchange.fundedAccount(CAROL);
            try (Trader alice = Trader.logon(exchange, ALICE, aliceSecret);
                 Trader bob = Trader.logon(exchange, BOB, bobSecret);
                 Trader carol = Trader.logon(exchange, CAROL, carolSecret))
            {
                bob.limit("bob-a1", Side.SELL, 30_000, HALF_BTC, TimeInForce.GTC).sync();
                bob.limit("bob-a2", Side.SELL, 30_050, HALF_BTC, TimeInForce.GTC).sync();
                // Takes both asks (two prices), rests 1 BTC at 30100.
                alice.limit("alice-sweep", Side.BUY, 30_100, 2 * ONE_BTC, TimeInForce.GTC).sync();
                if (snapshot)
                {
                    exchange.server.takeSnapshot().get(30, TimeUnit.SECONDS);
                }
                alice.limit("alice-ask", Side.SELL, 30_500, 2 * ONE_BTC, TimeInForce.GTC).sync();
                bob.limit("bob-lift", Side.BUY, 30_500, HALF_BTC, TimeInForce.IOC).sync();
                carol.limit("carol-ask", Side.SELL, 30_600, TENTH_BTC, TimeInForce.GTC).sync();
                alice.limit("alice-cancel-me", Side.BUY, 29_000, ONE_BTC, TimeInForce.GTC).sync();
                alice.limit("alice-replace-me", Side.BUY, 28_900, 3 * ONE_BTC, TimeInForce.GTC).sync();
                alice.client.newOrder().clientOrderId("alice-stop").symbolId(BTC_USDT).side(Side.BUY)
                    .orderType(OrderType.STOP_LIMIT).timeInForce(TimeInForce.GTC).priceMinor(usdt(30_700))
                    .stopPriceMinor(usdt(30_600)).qtyMinor(ONE_BTC);
                alice.client.sendNewOrder();
                alice.sync();
            }
            if (restart)
            {
                exchange.close();
                exchange = new TestExchange(dir);
            }
            try (Trader alice = Trader.logon(exchange, ALICE, aliceSecret);
                 Trader bob = Trader.logon(exchange, BOB, bobSecret))
            {
                bob.limit("bob-hit", Side.SELL, 30_100, HALF_BTC, TimeInForce.IOC).sync();
                alice.cancel("alice-cancel-me").sync();
                alice.replace("alice-replace-me", "alice-replaced", 28_950, 2 * ONE_BTC).sync();
                // Fills the rest of Alice's ask and Carol's: the trade at 30600 triggers Alice's stop, which rests.
                bob.limit("bob-trigger", Side.BUY, 30_600, ONE_BTC + HALF_BTC + TENTH_BTC, TimeInForce.IOC).sync();
                bob.limit("bob-fill-stop", Side.SELL, 30_700, ONE_BTC, TimeInForce.IOC).sync();
                bob.limit("bob-finish", Side.SELL, 30_100, HALF_BTC, TimeInForce.IOC).sync();
                bob.limit("bob-replaced", Side.SELL, 28_950, HALF_BTC, TimeInForce.IOC).sync();
                return new Run(alice.sync().received, bob.sync().received);
            }
        }
        finally
        {
            exchange.close();
        }
    }

    private static Report report(final List<Object> received, final String clientOrderId, final String execType)
    {
        return received.stream().filter(Report.class::isInstance).map(Report.class::cast)
            .filter(r -> r.clientOrderId().equals(clientOrderId) && r.execType().equals(execType))
            .findFirst().orElseThrow(() -> new AssertionError("no " + execType + " for " + clientOrderId + " in "
                + received));
    }

    private static long usdt(final long units)
    {
        return units * 1_000_000L;
    }

    /** A logged-on binary client that sends one request at a time and keeps everything it receives, in order. */
    private static final class Trader implements AutoCloseable
    {
        final RecordingClient recording;
        final BinaryClient client;
        final List<Object> received = new ArrayList<>();

        private Trader(final RecordingClient recording)
        {
            this.recording = recording;
            this.client = recording.client;
        }

        static Trader logon(final TestExchange exchange, final long accountId, final String secret) throws Exception
        {
            return new Trader(RecordingClient.connect(exchange.port()).logon(accountId, secret));
        }

        Trader limit(
            final String id, final Side side, final long priceUnits, final long qtyMinor, final TimeInForce tif)
        {
            client.sendLimitOrder(id, BTC_USDT, side, usdt(priceUnits), qtyMinor, tif);
            return this;
        }

        Trader cancel(final String id)
        {
            client.sendCancel(0, id);
            return this;
        }

        Trader replace(final String id, final String newId, final long priceUnits, final long qtyMinor)
        {
            client.sendReplace(0, id, newId, usdt(priceUnits), qtyMinor);
            return this;
        }

        /**
         * Sends a request that is rejected and receives until its answer: by then the requests before it are
         * processed and every report they caused for this trader is received.
         */
        Trader sync() throws InterruptedException
        {
            client.sendCancel(NO_ORDER, null);
            receiveUntil(message -> message instanceof RecordingClient.Other other
                && other.text().startsWith("CancelReject CANCEL_ORDER UNKNOWN_ORDER " + NO_ORDER));
            return this;
        }

        private void receiveUntil(final Predicate<Object> last) throws InterruptedException
        {
            Object message;
            do
            {
                message = recording.next();
                received.add(message);
            }
            while (!last.test(message));
        }

        @Override
        public void close()
        {
            recording.close();
        }
    }
}
