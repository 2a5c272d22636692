package io.bourse.gateway.fix;

import static io.bourse.gateway.fix.QuickFixMessages.SYMBOL;
import static io.bourse.gateway.fix.QuickFixMessages.limit;
import static io.bourse.gateway.fix.QuickFixMessages.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.SLF4JLogFactory;
import quickfix.field.ClOrdID;
import quickfix.field.MassCancelRequestType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderMassCancelRequest;

/**
 * QuickFIX/J 3.0.0 as the initiator (a real FIX engine, with its FIX 4.4 data dictionary validating everything we
 * send) against the Bourse FIX acceptor and engine in-process: logon, place, partial fill against a second session,
 * amend, cancel, mass cancel, rejects, and sequence gaps in both directions.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickFixInteropTest
{
    /** 32 characters: the longest ClOrdID Bourse accepts, which must come back unchanged. */
    private static final String LONG_CL_ORD_ID = "qfj-order-0123456789-abcdefghijk";
    private static final long WAIT_MS = 10_000;

    @TempDir
    static Path dir;

    private FixTestExchange exchange;
    private SocketInitiator initiator;
    private final RecordingApplication application = new RecordingApplication();
    private final SessionID buyer = new SessionID("FIX.4.4", "QFJ-BUYER", "BOURSE");
    private final SessionID seller = new SessionID("FIX.4.4", "QFJ-SELLER", "BOURSE");

    @BeforeAll
    void start() throws Exception
    {
        exchange = new FixTestExchange(dir).fundedAccounts(1, 2);
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", exchange.port());
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("ResetOnLogon", "Y");
        settings.setString(buyer, "BeginString", "FIX.4.4");
        settings.setString(buyer, "SenderCompID", buyer.getSenderCompID());
        settings.setString(buyer, "TargetCompID", "BOURSE");
        settings.setString(seller, "BeginString", "FIX.4.4");
        settings.setString(seller, "SenderCompID", seller.getSenderCompID());
        settings.setString(seller, "TargetCompID", "BOURSE");
        application.credentials.put(buyer, 1L);
        application.credentials.put(seller, 2L);
        initiator = new SocketInitiator(application, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
            new DefaultMessageFactory());
        initiator.start();
        assertThat(application.loggedOn.await(WAIT_MS, TimeUnit.MILLISECONDS)).as("both sessions logged on").isTrue();
    }

    @AfterAll
    void stop()
    {
        if (initiator != null)
        {
            initiator.stop(true);
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void shouldPlacePartiallyFillAmendCancelAndMassCancel() throws Exception
    {
        send(buyer, limit(LONG_CL_ORD_ID, Side.BUY, "0.5", "30000.00"));
        final Message buyNew = await(buyer, er -> is(er, 11, LONG_CL_ORD_ID) && is(er, 150, "0"));
        expect(buyNew, Map.of(39, "0", 54, "1", 55, SYMBOL, 38, "0.5", 44, "30000", 151, "0.5", 14, "0", 6, "0"));
        final String orderId = buyNew.getString(37);

        send(seller, limit("sell-1", Side.SELL, "0.2", "29990"));
        final Message sellNew = await(seller, er -> is(er, 11, "sell-1") && is(er, 150, "0"));
        assertThat(sellNew.getString(37)).isNotEqualTo(orderId);
        final Message sellFill = await(seller, er -> is(er, 11, "sell-1") && is(er, 150, "F"));
        expect(sellFill, Map.of(39, "2", 32, "0.2", 31, "30000", 14, "0.2", 151, "0", 6, "30000"));

        final Message buyFill = await(buyer, er -> is(er, 11, LONG_CL_ORD_ID) && is(er, 150, "F"));
        expect(buyFill, Map.of(37, orderId, 39, "1", 32, "0.2", 31, "30000", 14, "0.2", 151, "0.3", 6, "30000",
            38, "0.5"));

        final OrderCancelReplaceRequest amend = new OrderCancelReplaceRequest(new OrigClOrdID(LONG_CL_ORD_ID),
            new ClOrdID("amend-1"), new Side(Side.BUY), new TransactTime(LocalDateTime.now()), new OrdType(OrdType.LIMIT));
        amend.set(new Symbol(SYMBOL));
        amend.setString(OrderQty.FIELD, "0.4");
        amend.setString(Price.FIELD, "29999.5");
        send(buyer, amend);
        final Message replaced = await(buyer, er -> is(er, 150, "5"));
        expect(replaced, Map.of(37, orderId, 11, "amend-1", 41, LONG_CL_ORD_ID, 39, "1", 38, "0.4", 44, "29999.5",
            14, "0.2", 151, "0.2", 6, "30000"));

        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("amend-1"), new ClOrdID("cancel-1"),
            new Side(Side.BUY), new TransactTime(LocalDateTime.now()));
        cancel.set(new Symbol(SYMBOL));
        send(buyer, cancel);
        final Message cancelled = await(buyer, er -> is(er, 150, "4") && is(er, 11, "cancel-1"));
        expect(cancelled, Map.of(37, orderId, 41, "amend-1", 39, "4", 14, "0.2", 151, "0", 6, "30000"));

        // Other tests leave orders in BTC-USDT: mass-cancel one symbol.
        final NewOrderSingle rest1 = limit("rest-1", Side.BUY, "0.1", "1990");
        rest1.set(new Symbol("ETH-USDT"));
        send(buyer, rest1);
        final NewOrderSingle rest2 = limit("rest-2", Side.BUY, "0.1", "1990.01");
        rest2.set(new Symbol("ETH-USDT"));
        send(buyer, rest2);
        await(buyer, er -> is(er, 11, "rest-2") && is(er, 150, "0"));
        final OrderMassCancelRequest massCancel = new OrderMassCancelRequest(new ClOrdID("mass-1"),
            new MassCancelRequestType(MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY),
            new TransactTime(LocalDateTime.now()));
        massCancel.set(new Symbol("ETH-USDT"));
        send(buyer, massCancel);
        final Message report = await(buyer, m -> m.getHeader().getString(35).equals("r"));
        expect(report, Map.of(11, "mass-1", 530, "1", 531, "1", 533, "2", 55, "ETH-USDT"));
        expect(await(buyer, er -> is(er, 11, "rest-1") && is(er, 150, "4")), Map.of(39, "4", 58, "MASS_CANCEL"));
        expect(await(buyer, er -> is(er, 11, "rest-2") && is(er, 150, "4")), Map.of(39, "4", 151, "0"));
    }

    @Test
    void shouldRejectOffTickPricesAndUnknownOrders() throws Exception
    {
        send(buyer, limit("tick-1", Side.BUY, "0.1", "30000.005"));
        expect(await(buyer, er -> is(er, 11, "tick-1")), Map.of(150, "8", 39, "8", 58, "BAD_TICK"));
        send(buyer, limit("tick-2", Side.BUY, "0.1", "30000.0000001"));
        final Message finer = await(buyer, er -> is(er, 11, "tick-2"));
        expect(finer, Map.of(150, "8", 39, "8"));
        assertThat(finer.getString(58)).startsWith("BAD_TICK");
        send(buyer, limit("lot-1", Side.BUY, "0.00001", "30000"));
        expect(await(buyer, er -> is(er, 11, "lot-1")), Map.of(150, "8", 103, "13", 58, "BAD_LOT"));
        send(buyer, limit("neg-1", Side.BUY, "-1", "30000"));
        expect(await(buyer, er -> is(er, 11, "neg-1")), Map.of(150, "8", 58, "INVALID_QUANTITY"));

        final OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID("nope"), new ClOrdID("cancel-x"),
            new Side(Side.BUY), new TransactTime(LocalDateTime.now()));
        cancel.set(new Symbol(SYMBOL));
        send(buyer, cancel);
        final Message reject = await(buyer, m -> m.getHeader().getString(35).equals("9"));
        expect(reject, Map.of(11, "cancel-x", 41, "nope", 434, "1", 102, "1", 58, "UNKNOWN_ORDER"));

        // another account's order is unknown to this session
        send(seller, limit("sell-mine", Side.SELL, "0.1", "31000"));
        await(seller, er -> is(er, 11, "sell-mine") && is(er, 150, "0"));
        final OrderCancelRequest foreign = new OrderCancelRequest(new OrigClOrdID("sell-mine"), new ClOrdID("steal"),
            new Side(Side.SELL), new TransactTime(LocalDateTime.now()));
        foreign.set(new Symbol(SYMBOL));
        send(buyer, foreign);
        expect(await(buyer, m -> m.getHeader().getString(35).equals("9") && is(m, 11, "steal")), Map.of(102, "1"));
    }

    @Test
    void shouldRecoverFromAnInboundGapWithResendRequest() throws Exception
    {
        final Session session = Session.lookupSession(buyer);
        // Skip five sequence numbers: Bourse sees a gap, sends ResendRequest, QuickFIX/J gap-fills and re-sends the
        // order with PossDupFlag, which Bourse then accepts once.
        session.setNextSenderMsgSeqNum(session.getStore().getNextSenderMsgSeqNum() + 5);
        send(buyer, limit("after-gap", Side.BUY, "0.1", "29000"));
        expect(await(buyer, er -> is(er, 11, "after-gap") && is(er, 150, "0")), Map.of(39, "0"));
        send(buyer, limit("after-gap-2", Side.BUY, "0.1", "29000"));
        await(buyer, er -> is(er, 11, "after-gap-2") && is(er, 150, "0"));
        assertThat(application.count(buyer, er -> "after-gap".equals(er.getString(11)) && "0".equals(er.getString(150))))
            .isEqualTo(1);
    }

    @Test
    void shouldResendExecutionReportsWithPossDupWhenTheInitiatorMissedThem() throws Exception
    {
        send(buyer, limit("resend-1", Side.BUY, "0.1", "29000"));
        await(buyer, er -> is(er, 11, "resend-1") && is(er, 150, "0"));
        final Session session = Session.lookupSession(buyer);
        // Pretend the last execution report never arrived: QuickFIX/J asks for it again on the next message.
        session.setNextTargetMsgSeqNum(session.getStore().getNextTargetMsgSeqNum() - 1);
        send(buyer, limit("resend-2", Side.BUY, "0.1", "29000"));
        final Message again = await(buyer, er -> is(er, 11, "resend-1") && is(er, 150, "0") &&
            er.getHeader().isSetField(43) && er.getHeader().getString(43).equals("Y"));
        assertThat(again.getHeader().isSetField(122)).as("OrigSendingTime").isTrue();
        await(buyer, er -> is(er, 11, "resend-2") && is(er, 150, "0"));
    }

    private static boolean is(final Message message, final int tag, final String value) throws FieldNotFound
    {
        return message.isSetField(tag) && message.getString(tag).equals(value);
    }

    private static void expect(final Message message, final Map<Integer, String> fields) throws FieldNotFound
    {
        for (final Map.Entry<Integer, String> field : fields.entrySet())
        {
            assertThat(message.isSetField(field.getKey())).as("tag %d in %s", field.getKey(), message).isTrue();
            assertThat(message.getString(field.getKey())).as("tag %d in %s", field.getKey(), message)
                .isEqualTo(field.getValue());
        }
    }

    private Message await(final SessionID session, final Check check) throws Exception
    {
        final long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline)
        {
            for (final Message message : application.received(session))
            {
                if (check.test(message))
                {
                    application.received(session).remove(message);
                    return message;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching message; received " + application.received(session));
    }

    @FunctionalInterface
    private interface Check
    {
        boolean test(Message message) throws FieldNotFound;
    }

    private static final class RecordingApplication extends QuickFixLogonApplication
    {
        final Map<SessionID, LinkedBlockingQueue<Message>> messages = new ConcurrentHashMap<>();
        final Map<SessionID, LinkedBlockingQueue<Message>> all = new ConcurrentHashMap<>();

        RecordingApplication()
        {
            super(2);
        }

        LinkedBlockingQueue<Message> received(final SessionID session)
        {
            return messages.computeIfAbsent(session, s -> new LinkedBlockingQueue<>());
        }

        long count(final SessionID session, final Check predicate)
        {
            return all.computeIfAbsent(session, s -> new LinkedBlockingQueue<>()).stream().filter(m ->
            {
                try
                {
                    return predicate.test(m);
                }
                catch (final FieldNotFound ex)
                {
                    return false;
                }
            }).count();
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId)
        {
            received(sessionId).add(message);
            all.computeIfAbsent(sessionId, s -> new LinkedBlockingQueue<>()).add(message);
        }
    }
}
