package io.bourse.gateway.fix;

import static io.bourse.gateway.fix.QuickFixMessages.SYMBOL;
import static io.bourse.gateway.fix.QuickFixMessages.limit;
import static io.bourse.gateway.fix.QuickFixMessages.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.MessageStore;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.Side;

/**
 * QuickFIX/J 3.0.0 with a file store and no reset options (how most firms run it) across a restart of the whole
 * exchange: it logs on, trades and logs out; a new engine and gateway start on the same journal and session directory;
 * QuickFIX/J logs on again without ResetSeqNumFlag, is accepted with both sequences continuing, has the messages it
 * pretends to have missed before the restart gap-filled, and trades again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QuickFixRestartInteropTest
{
    private static final long WAIT_MS = 10_000;
    /** How many of the exchange's last messages the buyer forgets between the two runs. */
    private static final int FORGOTTEN = 2;

    @TempDir
    Path dir;

    private final SessionID buyer = new SessionID("FIX.4.4", "QFJR-BUYER", "BOURSE");
    private final SessionID seller = new SessionID("FIX.4.4", "QFJR-SELLER", "BOURSE");

    @Test
    void shouldContinueSequenceNumbersAcrossAnExchangeRestartWithoutReset() throws Exception
    {
        final int buyerNextOut;
        final int buyerNextIn;
        final int sellerNextIn;
        try (FixTestExchange exchange = startExchange().fundedAccounts(1, 2))
        {
            final RecordingApplication application = new RecordingApplication();
            final SocketInitiator initiator = startInitiator(exchange, application);
            try
            {
                trade(application, "run1", "30000");
            }
            finally
            {
                initiator.stop();
            }
        }
        try (Closeable buyerStore = (Closeable)fileStore(buyer); Closeable sellerStore = (Closeable)fileStore(seller))
        {
            buyerNextOut = ((MessageStore)buyerStore).getNextSenderMsgSeqNum();
            buyerNextIn = ((MessageStore)buyerStore).getNextTargetMsgSeqNum();
            sellerNextIn = ((MessageStore)sellerStore).getNextTargetMsgSeqNum();
        }
        assertThat(buyerNextOut).as("the buyer's numbers are past the first run").isGreaterThan(3);

        // The buyer lost the exchange's last messages: it will ask for them again.
        try (Closeable store = (Closeable)fileStore(buyer))
        {
            ((MessageStore)store).setNextTargetMsgSeqNum(buyerNextIn - FORGOTTEN);
        }

        try (FixTestExchange exchange = startExchange())
        {
            final RecordingApplication application = new RecordingApplication();
            final SocketInitiator initiator = startInitiator(exchange, application);
            try
            {
                assertThat(application.logonSeqNum).as("the exchange's Logon continues its numbers")
                    .containsEntry(buyer, buyerNextIn).containsEntry(seller, sellerNextIn);
                final Message gapFill = application.await(application.admin, buyer,
                    m -> "4".equals(m.getHeader().getString(35)) && m.isSetField(123) && m.getBoolean(123));
                assertThat(gapFill.getHeader().getInt(34)).isEqualTo(buyerNextIn - FORGOTTEN);
                assertThat(gapFill.getInt(36)).as("NewSeqNo").isGreaterThanOrEqualTo(buyerNextIn);
                trade(application, "run2", "30001");
                assertThat(application.logoutTexts).as("no session was logged out").isEmpty();
                for (final SessionID session : new SessionID[] {buyer, seller})
                {
                    assertThat(application.admin.get(session)).as("the exchange asked %s for no resend", session)
                        .noneMatch(m -> "2".equals(header(m, 35)));
                    assertThat(application.all).as("no order of the first run was sent again")
                        .noneMatch(m -> is(m, 11, "run1-buy") || is(m, 11, "run1-sell"));
                }
                assertThat(Session.lookupSession(buyer).getStore().getNextSenderMsgSeqNum())
                    .as("the buyer's numbers continue").isGreaterThan(buyerNextOut);
            }
            finally
            {
                initiator.stop();
            }
        }
    }

    private FixTestExchange startExchange() throws Exception
    {
        return new FixTestExchange(dir, FixSettings.defaults().withSessionDir(dir.resolve("fix-sessions").toString()));
    }

    private SessionSettings settings(final int port)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", port);
        // A session that never resets by schedule; no ResetOnLogon/ResetOnLogout/ResetOnDisconnect either.
        settings.setString("NonStopSession", "Y");
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setString("FileStorePath", dir.resolve("quickfixj").toString());
        for (final SessionID session : new SessionID[] {buyer, seller})
        {
            settings.setString(session, "BeginString", "FIX.4.4");
            settings.setString(session, "SenderCompID", session.getSenderCompID());
            settings.setString(session, "TargetCompID", "BOURSE");
        }
        return settings;
    }

    private SocketInitiator startInitiator(final FixTestExchange exchange, final RecordingApplication application)
        throws Exception
    {
        application.credentials.put(buyer, 1L);
        application.credentials.put(seller, 2L);
        final SessionSettings settings = settings(exchange.port());
        final SocketInitiator initiator = new SocketInitiator(application, new FileStoreFactory(settings), settings,
            new SLF4JLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
        assertThat(application.loggedOn.await(WAIT_MS, TimeUnit.MILLISECONDS))
            .as("both sessions logged on; logouts: %s", application.logoutTexts).isTrue();
        return initiator;
    }

    private MessageStore fileStore(final SessionID session) throws Exception
    {
        return new FileStoreFactory(settings(0)).create(session);
    }

    /** The buyer rests the best bid, the seller takes part of it: both see their fills. */
    private void trade(final RecordingApplication application, final String prefix, final String price) throws Exception
    {
        send(buyer, limit(prefix + "-buy", Side.BUY, "0.5", price));
        application.await(application.app, buyer, er -> is(er, 11, prefix + "-buy") && is(er, 150, "0"));
        send(seller, limit(prefix + "-sell", Side.SELL, "0.2", price));
        application.await(application.app, seller, er -> is(er, 11, prefix + "-sell") && is(er, 150, "F"));
        application.await(application.app, buyer, er -> is(er, 11, prefix + "-buy") && is(er, 150, "F"));
    }

    private static boolean is(final Message message, final int tag, final String value)
    {
        try
        {
            return message.isSetField(tag) && message.getString(tag).equals(value);
        }
        catch (final FieldNotFound ex)
        {
            return false;
        }
    }

    private static String header(final Message message, final int tag)
    {
        try
        {
            return message.getHeader().getString(tag);
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    @FunctionalInterface
    private interface Check
    {
        boolean test(Message message) throws FieldNotFound;
    }

    /** Records what each session receives. */
    private static final class RecordingApplication extends QuickFixLogonApplication
    {
        final Map<SessionID, LinkedBlockingQueue<Message>> app = new ConcurrentHashMap<>();
        final Map<SessionID, LinkedBlockingQueue<Message>> admin = new ConcurrentHashMap<>();
        final Map<SessionID, Integer> logonSeqNum = new ConcurrentHashMap<>();
        final LinkedBlockingQueue<String> logoutTexts = new LinkedBlockingQueue<>();
        /** Every application message received, never removed. */
        final LinkedBlockingQueue<Message> all = new LinkedBlockingQueue<>();

        RecordingApplication()
        {
            super(2);
        }

        Message await(final Map<SessionID, LinkedBlockingQueue<Message>> received, final SessionID session,
            final Check check) throws Exception
        {
            final LinkedBlockingQueue<Message> messages = received.computeIfAbsent(session, s -> new LinkedBlockingQueue<>());
            final long deadline = System.currentTimeMillis() + WAIT_MS;
            while (System.currentTimeMillis() < deadline)
            {
                for (final Message message : messages)
                {
                    if (check.test(message))
                    {
                        messages.remove(message);
                        return message;
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no matching message; received " + messages + "; logouts " + logoutTexts);
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            admin.computeIfAbsent(sessionId, s -> new LinkedBlockingQueue<>()).add(message);
            final String msgType = message.getHeader().getString(35);
            if (MsgType.LOGON.equals(msgType))
            {
                logonSeqNum.put(sessionId, message.getHeader().getInt(34));
            }
            else if (MsgType.LOGOUT.equals(msgType) && message.isSetField(58))
            {
                logoutTexts.add(sessionId + ": " + message.getString(58));
            }
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId)
        {
            app.computeIfAbsent(sessionId, s -> new LinkedBlockingQueue<>()).add(message);
            all.add(message);
        }
    }
}
