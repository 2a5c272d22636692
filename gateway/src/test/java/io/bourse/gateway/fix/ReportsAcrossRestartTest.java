package io.bourse.gateway.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.bourse.gateway.client.fix.FixClient;
import io.bourse.gateway.fix.codec.FixTags;

/**
 * Orders placed before a server restart (resting, partially filled at two prices, a pending stop) are filled,
 * triggered, cancelled and amended after it; every ExecutionReport and OrderCancelReject both traders receive must
 * equal, tag for tag (ClOrdID, OrderQty, CumQty, LeavesQty, AvgPx, ...; header and timestamps aside), the one of the
 * same run without the restart. Run once recovering from the journal alone and once from a snapshot taken between
 * fills plus the journal after it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportsAcrossRestartTest
{
    private static final String SYMBOL = "BTC-USDT";
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;
    private static final char BUY = '1';
    private static final char SELL = '2';
    private static final char LIMIT = '2';
    private static final char STOP_LIMIT = '4';
    private static final char GTC = '1';
    private static final char IOC = '3';
    /** Header, trailer and wall-clock tags: not part of what is compared. */
    private static final Set<Integer> NOT_COMPARED = Set.of(FixTags.BEGIN_STRING, FixTags.BODY_LENGTH,
        FixTags.CHECK_SUM, FixTags.MSG_SEQ_NUM, FixTags.SENDER_COMP_ID, FixTags.TARGET_COMP_ID, FixTags.SENDING_TIME,
        FixTags.TRANSACT_TIME);

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
        final Map<Integer, String> sweepPartial = report(restarted.alice, "alice-sweep", "F", "1");
        assertDecimals(sweepPartial, "2", "1.5", "0.5", "30050");
        final Map<Integer, String> sweepFilled = report(restarted.alice, "alice-sweep", "F", "2");
        // (0.5 x 30000 + 0.5 x 30050 before the restart, 2 x 0.5 x 30100 after) / 2
        assertDecimals(sweepFilled, "2", "2", "0", "30062.5");
        assertThat(sweepFilled).containsEntry(FixTags.ORD_TYPE, "2").containsEntry(FixTags.PRICE, "30100");
        assertDecimals(report(restarted.alice, "alice-ask", "F", "2"), "2", "2", "0", "30500");
        final Map<Integer, String> cancelled = report(restarted.alice, "alice-cancel", "4", "4");
        assertThat(cancelled).containsEntry(FixTags.ORIG_CL_ORD_ID, "alice-cancel-me");
        assertDecimals(cancelled, "1", "0", "0", "0");
        final Map<Integer, String> replaced = report(restarted.alice, "alice-replaced", "5", "0");
        assertThat(replaced).containsEntry(FixTags.ORIG_CL_ORD_ID, "alice-replace-me");
        assertDecimals(replaced, "2", "0", "2", "0");
        assertDecimals(report(restarted.alice, "alice-replaced", "F", "1"), "2", "0.5", "1.5", "28950");
        final Map<Integer, String> triggered = report(restarted.alice, "alice-stop", "L", "0");
        assertThat(triggered).containsEntry(FixTags.ORD_TYPE, "4").containsEntry(FixTags.STOP_PX, "30600");
        assertDecimals(triggered, "1", "0", "1", "0");
        assertDecimals(report(restarted.alice, "alice-stop", "F", "2"), "1", "1", "0", "30700");
    }

    /** The compared tags of every ExecutionReport and OrderCancelReject Alice and Bob receive after the restart. */
    private record Run(List<Map<Integer, String>> alice, List<Map<Integer, String>> bob)
    {
    }

    private static Run run(final Path dir, final boolean restart, final boolean snapshot) throws Exception
    {
        FixTestExchange exchange = new FixTestExchange(dir).fundedAccounts(ALICE, BOB, CAROL);
        try
        {
            try (Trader alice = Trader.logon(exchange, "ALICE", ALICE);
                 Trader bob = Trader.logon(exchange, "BOB", BOB);
                 Trader carol = Trader.logon(exchange, "CAROL", CAROL))
            {
                bob.limit("bob-a1", SELL, "0.5", "30000", GTC).sync();
                bob.limit("bob-a2", SELL, "0.5", "30050", GTC).sync();
                // Takes both asks (two prices), rests 1 BTC at 30100.
                alice.limit("alice-sweep", BUY, "2", "30100", GTC).sync();
                if (snapshot)
                {
                    exchange.server().takeSnapshot().get(30, TimeUnit.SECONDS);
                }
                alice.limit("alice-ask", SELL, "2", "30500", GTC).sync();
                bob.limit("bob-lift", BUY, "0.5", "30500", IOC).sync();
                carol.limit("carol-ask", SELL, "0.1", "30600", GTC).sync();
                alice.limit("alice-cancel-me", BUY, "1", "29000", GTC).sync();
                alice.limit("alice-replace-me", BUY, "3", "28900", GTC).sync();
                alice.client.newOrder("alice-stop", SYMBOL, BUY, STOP_LIMIT, "1", "30700", "30600", GTC);
                alice.sync();
            }
            if (restart)
            {
                exchange.close();
                exchange = new FixTestExchange(dir);
            }
            try (Trader alice = Trader.logon(exchange, "ALICE", ALICE);
                 Trader bob = Trader.logon(exchange, "BOB", BOB))
            {
                bob.limit("bob-hit", SELL, "0.5", "30100", IOC).sync();
                alice.client.cancel("alice-cancel", "alice-cancel-me", SYMBOL, BUY);
                alice.sync();
                alice.client.replace("alice-replaced", "alice-replace-me", SYMBOL, BUY, "2", "28950");
                alice.sync();
                // Fills the rest of Alice's ask and Carol's: the trade at 30600 triggers Alice's stop, which rests.
                bob.limit("bob-trigger", BUY, "1.6", "30600", IOC).sync();
                bob.limit("bob-fill-stop", SELL, "1", "30700", IOC).sync();
                bob.limit("bob-finish", SELL, "0.5", "30100", IOC).sync();
                bob.limit("bob-replaced", SELL, "0.5", "28950", IOC).sync();
                return new Run(alice.sync().received, bob.sync().received);
            }
        }
        finally
        {
            exchange.close();
        }
    }

    private static Map<Integer, String> report(
        final List<Map<Integer, String>> received, final String clOrdId, final String execType, final String ordStatus)
    {
        return received.stream()
            .filter(m -> "8".equals(m.get(FixTags.MSG_TYPE)) && clOrdId.equals(m.get(FixTags.CL_ORD_ID))
                && execType.equals(m.get(FixTags.EXEC_TYPE)) && ordStatus.equals(m.get(FixTags.ORD_STATUS)))
            .findFirst().orElseThrow(() -> new AssertionError("no ExecType " + execType + " OrdStatus " + ordStatus
                + " for " + clOrdId + " in " + received));
    }

    private static void assertDecimals(
        final Map<Integer, String> report, final String orderQty, final String cumQty, final String leavesQty,
        final String avgPx)
    {
        assertThat(new BigDecimal(report.get(FixTags.ORDER_QTY))).as("OrderQty of %s", report)
            .isEqualByComparingTo(orderQty);
        assertThat(new BigDecimal(report.get(FixTags.CUM_QTY))).as("CumQty of %s", report)
            .isEqualByComparingTo(cumQty);
        assertThat(new BigDecimal(report.get(FixTags.LEAVES_QTY))).as("LeavesQty of %s", report)
            .isEqualByComparingTo(leavesQty);
        assertThat(new BigDecimal(report.get(FixTags.AVG_PX))).as("AvgPx of %s", report).isEqualByComparingTo(avgPx);
    }

    /** A logged-on FIX client that sends one request at a time and keeps the reports it receives, in order. */
    private static final class Trader implements AutoCloseable
    {
        final RecordingFixListener listener = new RecordingFixListener();
        final FixClient client = new FixClient(listener);
        final List<Map<Integer, String>> received = new ArrayList<>();
        private int syncs;

        static Trader logon(final FixTestExchange exchange, final String compId, final long accountId)
            throws Exception
        {
            final Trader trader = new Trader();
            trader.client.connect("127.0.0.1", exchange.port(), compId, "BOURSE", accountId, "secret-" + accountId, 30,
                true).get(10, TimeUnit.SECONDS);
            return trader;
        }

        Trader limit(final String clOrdId, final char side, final String qty, final String price, final char tif)
        {
            client.newOrder(clOrdId, SYMBOL, side, LIMIT, qty, price, tif);
            return this;
        }

        /**
         * Sends a cancel of an order that does not exist and receives until its OrderCancelReject: by then the
         * requests before it are processed and every report they caused for this trader is received.
         */
        Trader sync() throws InterruptedException
        {
            final String clOrdId = "sync-" + ++syncs;
            client.cancel(clOrdId, "no-such-order", SYMBOL, BUY);
            receiveUntil(m -> "9".equals(m.get(FixTags.MSG_TYPE)) && clOrdId.equals(m.get(FixTags.CL_ORD_ID)));
            return this;
        }

        private void receiveUntil(final Predicate<Map<Integer, String>> last) throws InterruptedException
        {
            Map<Integer, String> message;
            do
            {
                message = listener.messages.poll(20, TimeUnit.SECONDS);
                assertThat(message).as("a message from the gateway within 20 s").isNotNull();
                final String msgType = message.get(FixTags.MSG_TYPE);
                if ("8".equals(msgType) || "9".equals(msgType))
                {
                    final Map<Integer, String> compared = new TreeMap<>(message);
                    compared.keySet().removeAll(NOT_COMPARED);
                    received.add(compared);
                }
            }
            while (!last.test(message));
        }

        @Override
        public void close()
        {
            client.close();
        }
    }
}
