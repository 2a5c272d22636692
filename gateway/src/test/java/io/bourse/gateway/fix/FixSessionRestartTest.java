package io.bourse.gateway.fix;

import static io.bourse.gateway.fix.RecordingFixListener.msgType;
import static io.bourse.gateway.fix.RecordingFixListener.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.gateway.client.fix.FixClient;
import io.bourse.gateway.fix.codec.FixTags;
import io.bourse.gateway.fix.session.FixSessionState;
import io.bourse.gateway.fix.session.MappedSequenceStore;

/**
 * FIX sessions across restarts of the exchange (a new engine and gateway on the same journal and session directory):
 * sequence numbers and the account binding continue, a session without numbers may only start afresh.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FixSessionRestartTest
{
    private static final String SYMBOL = "BTC-USDT";

    @TempDir
    Path dir;

    @Test
    void shouldContinueBothSequenceNumbersAfterARestart() throws Exception
    {
        final Numbers numbers;
        try (FixTestExchange exchange = start().fundedAccounts(1))
        {
            numbers = tradeAndLogOut(exchange, "FIRM1", 1, "before-1", true, null);
        }
        try (FixTestExchange exchange = start())
        {
            final Numbers after = tradeAndLogOut(exchange, "FIRM1", 1, "after-1", false, numbers);
            assertThat(after.firstReportSeqNum).as("our numbers continue").isEqualTo(numbers.nextIn + 1);
        }
    }

    @Test
    void shouldKeepTheSenderCompIdBoundToItsAccountAfterARestart() throws Exception
    {
        try (FixTestExchange exchange = start().fundedAccounts(1, 2))
        {
            tradeAndLogOut(exchange, "BOUND", 1, "bound-1", true, null);
        }
        try (FixTestExchange exchange = start())
        {
            final RecordingFixListener listener = new RecordingFixListener();
            try (FixClient client = new FixClient(listener))
            {
                client.connect("127.0.0.1", exchange.port(), "BOUND", "BOURSE", 2, "secret-2", 30, true);
                assertThat(listener.await(msgType("5")).get(FixTags.TEXT)).contains("bound to another account");
            }
        }
    }

    @Test
    void shouldRefuseALogonWithoutResetForASessionWithoutNumbers() throws Exception
    {
        try (FixTestExchange exchange = start().fundedAccounts(3))
        {
            final RecordingFixListener refused = new RecordingFixListener();
            try (FixClient client = new FixClient(refused))
            {
                client.nextSenderSeqNum(7);
                client.connect("127.0.0.1", exchange.port(), "NEWCOMER", "BOURSE", 3, "secret-3", 30, false);
                assertThat(refused.await(msgType("5")).get(FixTags.TEXT))
                    .contains("no sequence numbers are known").contains("ResetSeqNumFlag(141)=Y");
                assertThat(refused.awaitDisconnect()).isTrue();
            }
            // MsgSeqNum 1 without the flag is a fresh start too
            final Numbers fresh = tradeAndLogOut(exchange, "NEWCOMER", 3, "fresh-1", false, new Numbers(1, 1, 0));
            assertThat(fresh.firstReportSeqNum).isEqualTo(2);
        }
    }

    @Test
    void shouldRequireAFreshStartAfterItsSessionFileWasDamagedAndKeepTheResetNumbers() throws Exception
    {
        final Numbers numbers;
        try (FixTestExchange exchange = start().fundedAccounts(4))
        {
            numbers = tradeAndLogOut(exchange, "DAMAGED", 4, "damaged-1", true, null);
        }
        final Path file = dir.resolve("fix-sessions").resolve(MappedSequenceStore.fileName("DAMAGED", "BOURSE"));
        final byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 1;
        Files.write(file, bytes);

        final Numbers reset;
        try (FixTestExchange exchange = start())
        {
            assertThat(file.resolveSibling(file.getFileName() + MappedSequenceStore.CORRUPT_SUFFIX)).exists();
            final RecordingFixListener refused = new RecordingFixListener();
            try (FixClient client = new FixClient(refused))
            {
                client.nextSenderSeqNum(numbers.nextOut);
                client.connect("127.0.0.1", exchange.port(), "DAMAGED", "BOURSE", 4, "secret-4", 30, false);
                assertThat(refused.await(msgType("5")).get(FixTags.TEXT)).contains("ResetSeqNumFlag(141)=Y");
            }
            reset = tradeAndLogOut(exchange, "DAMAGED", 4, "damaged-2", true, null);
            assertThat(reset.firstReportSeqNum).isEqualTo(2);
        }
        try (FixTestExchange exchange = start())
        {
            final Numbers after = tradeAndLogOut(exchange, "DAMAGED", 4, "damaged-3", false, reset);
            assertThat(after.firstReportSeqNum).as("the reset numbers were persisted").isEqualTo(reset.nextIn + 1);
        }
    }

    @Test
    void shouldLogOutAMsgSeqNumTooLargeToPersist() throws Exception
    {
        try (FixTestExchange exchange = start().fundedAccounts(5))
        {
            final RecordingFixListener listener = new RecordingFixListener();
            try (FixClient client = new FixClient(listener))
            {
                client.connect("127.0.0.1", exchange.port(), "HUGE", "BOURSE", 5, "secret-5", 30, true)
                    .get(10, TimeUnit.SECONDS);
                client.nextSenderSeqNum(FixSessionState.MAX_SEQ_NUM + 1);
                client.newOrder("huge-1", SYMBOL, '1', '2', "0.1", "29000", '1');
                assertThat(listener.await(msgType("5")).get(FixTags.TEXT)).contains("outside 1..");
                assertThat(listener.awaitDisconnect()).isTrue();
            }
        }
    }

    private FixTestExchange start() throws Exception
    {
        return new FixTestExchange(dir, FixSettings.defaults().withSessionDir(dir.resolve("fix-sessions").toString()));
    }

    /**
     * Logs on (with ResetSeqNumFlag, or continuing from {@code from}), places an order, logs out; returns the client's
     * next numbers and the MsgSeqNum of the order's first report.
     */
    private static Numbers tradeAndLogOut(
        final FixTestExchange exchange,
        final String compId,
        final long account,
        final String clOrdId,
        final boolean reset,
        final Numbers from) throws Exception
    {
        final RecordingFixListener listener = new RecordingFixListener();
        try (FixClient client = new FixClient(listener))
        {
            if (from != null)
            {
                client.nextSenderSeqNum(from.nextOut);
            }
            client.connect("127.0.0.1", exchange.port(), compId, "BOURSE", account, "secret-" + account, 30, reset)
                .get(10, TimeUnit.SECONDS);
            client.newOrder(clOrdId, SYMBOL, '1', '2', "0.1", "29000", '1');
            final long reportSeqNum = Long.parseLong(listener.await(report(clOrdId, "0")).get(FixTags.MSG_SEQ_NUM));
            client.logout();
            listener.await(msgType("5"));
            assertThat(listener.awaitDisconnect()).isTrue();
            return new Numbers(client.nextSenderSeqNum(), client.nextTargetSeqNum(), reportSeqNum);
        }
    }

    private record Numbers(long nextOut, long nextIn, long firstReportSeqNum)
    {
    }
}
