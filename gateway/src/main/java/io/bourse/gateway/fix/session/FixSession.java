package io.bourse.gateway.fix.session;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bourse.gateway.fix.codec.FixEncoder;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixParseError;
import io.bourse.gateway.fix.codec.FixTags;
import io.bourse.gateway.fix.order.FixOrderEntry;
import io.bourse.gateway.fix.order.FixReportWriter;
import io.bourse.gateway.fix.order.OrderReport;
import io.bourse.gateway.fix.order.PendingRequest;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.RejectReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * One FIX 4.4 acceptor session on one connection: Logon with Username(553)/Password(554), MsgSeqNum enforcement
 * (too low without PossDupFlag logs out, a gap sends ResendRequest), Heartbeat/TestRequest, ResendRequest answered
 * from the {@link OutboundStore} with PossDupFlag or a GapFill, SequenceReset, Reject and Logout; application requests
 * go to {@link FixOrderEntry} and engine outcomes come back as {@link Delivery}s. Everything runs on the connection's
 * event loop except {@link #deliver}, which any thread may call. Nothing it receives can throw out of it.
 */
public final class FixSession
{
    private static final System.Logger LOG = System.getLogger(FixSession.class.getName());
    private static final long TIMER_PERIOD_MS = 500;
    /** SessionRejectReason(373) values. */
    private static final int INVALID_TAG_NUMBER = 0;
    private static final int TAG_WITHOUT_VALUE = 4;
    private static final int VALUE_INCORRECT = 5;
    private static final int COMP_ID_PROBLEM = 9;
    /** BusinessRejectReason(380): unsupported message type. */
    private static final int UNSUPPORTED_MESSAGE_TYPE = 3;

    private enum Phase
    {
        AWAIT_LOGON, AUTHENTICATING, ACTIVE, CLOSED
    }

    private final Channel channel;
    private final FixSessionContext context;
    private final long sourceId;
    private final FixEncoder encoder = new FixEncoder();
    private final FixOrderEntry orderEntry;
    private final FixReportWriter reportWriter;
    private final ArrayDeque<PendingRequest> pendingRequests = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Delivery> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drainInbox;
    private Phase phase = Phase.AWAIT_LOGON;
    private FixSessionState state;
    private long accountId;
    private String clientCompId;
    private long heartbeatNs;
    private long lastReceivedNs;
    private long lastSentNs;
    private boolean testRequestSent;
    /** While a ResendRequest of ours is outstanding, messages above the expected MsgSeqNum are dropped. */
    private long resendRequestedUpTo;
    private boolean flushNeeded;
    private ScheduledFuture<?> timer;
    private long rejectCounter;
    /** Header values of the application message being written, for the outbound store. */
    private long applicationSeqNum;
    private long applicationSendingTimeMs;
    private char applicationMsgType;

    public FixSession(final Channel channel, final FixSessionContext context)
    {
        this.channel = channel;
        this.context = context;
        this.sourceId = context.registry().newSourceId();
        this.orderEntry = new FixOrderEntry(context.exchangeConfig(), context.sink());
        this.reportWriter = new FixReportWriter(context.exchangeConfig());
    }

    public long sourceId()
    {
        return sourceId;
    }

    /** The logged-on account; 0 before logon. */
    public long accountId()
    {
        return accountId;
    }

    public boolean isActive()
    {
        return phase == Phase.ACTIVE;
    }

    /** On connect: close the connection if it does not log on in time. */
    public void onConnected()
    {
        lastReceivedNs = System.nanoTime();
        channel.eventLoop().schedule(() ->
        {
            if (phase == Phase.AWAIT_LOGON || phase == Phase.AUTHENTICATING)
            {
                disconnect("no Logon within " + context.settings().logonTimeoutMs() + " ms");
            }
        }, context.settings().logonTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /** Framing is lost (bad BeginString, BodyLength, CheckSum field, size): log out and disconnect. */
    public void onFramingError(final FixParseError error)
    {
        logoutAndDisconnect("garbled input: " + error);
    }

    /** A well-framed message with a wrong CheckSum: ignored, as FIX prescribes; a later gap triggers a resend. */
    public void onChecksumMismatch()
    {
        LOG.log(System.Logger.Level.WARNING, "{0}: ignored a message with a wrong CheckSum", describe());
    }

    /** One well-framed message; {@code error} is its structural parse result. */
    public void onMessage(final FixMessage message, final FixParseError error)
    {
        if (phase == Phase.CLOSED)
        {
            return;
        }
        lastReceivedNs = System.nanoTime();
        testRequestSent = false;
        if (error != FixParseError.NONE)
        {
            onMalformed(message, error);
            return;
        }
        final char msgType = message.msgTypeChar();
        final long seqNum = message.getLong(FixTags.MSG_SEQ_NUM);
        switch (phase)
        {
            case AWAIT_LOGON ->
            {
                if (msgType != 'A')
                {
                    logoutAndDisconnect("first message must be Logon (A)");
                    return;
                }
                onLogon(message, seqNum);
            }
            case AUTHENTICATING -> LOG.log(System.Logger.Level.WARNING, "{0}: message before Logon completed, ignored", describe());
            case ACTIVE -> onActiveMessage(message, msgType, seqNum);
            default ->
            {
            }
        }
    }

    private void onMalformed(final FixMessage message, final FixParseError error)
    {
        final long seqNum = message.getLong(FixTags.MSG_SEQ_NUM);
        if (phase != Phase.ACTIVE || seqNum == FixMessage.MISSING)
        {
            logoutAndDisconnect("malformed message: " + error);
            return;
        }
        if (seqNum == state.nextTargetSeqNum() && seqNum <= FixSessionState.MAX_SEQ_NUM)
        {
            state.nextTargetSeqNum(seqNum + 1);
        }
        final int reason = error == FixParseError.EMPTY_VALUE ? TAG_WITHOUT_VALUE : INVALID_TAG_NUMBER;
        sendReject(seqNum, message.errorTag(), null, reason, "malformed message: " + error);
    }

    private void onLogon(final FixMessage message, final long seqNum)
    {
        final String senderCompId = message.getString(FixTags.SENDER_COMP_ID);
        final String targetCompId = message.getString(FixTags.TARGET_COMP_ID);
        final long heartBtInt = message.getLong(FixTags.HEART_BT_INT);
        final long username = message.getLong(FixTags.USERNAME);
        final String password = message.getString(FixTags.PASSWORD);
        if (seqNum == FixMessage.MISSING || senderCompId == null || targetCompId == null)
        {
            logoutAndDisconnect("Logon needs MsgSeqNum(34), SenderCompID(49) and TargetCompID(56)");
            return;
        }
        clientCompId = senderCompId;
        if (seqNum < 1 || seqNum > FixSessionState.MAX_SEQ_NUM)
        {
            logoutAndDisconnect("MsgSeqNum(34) must be 1.." + FixSessionState.MAX_SEQ_NUM);
            return;
        }
        if (!targetCompId.equals(context.settings().senderCompId()))
        {
            logoutAndDisconnect("TargetCompID(56) must be " + context.settings().senderCompId());
            return;
        }
        if (heartBtInt == FixMessage.MISSING || heartBtInt < context.settings().minHeartbeatSeconds() ||
            heartBtInt > context.settings().maxHeartbeatSeconds())
        {
            logoutAndDisconnect("HeartBtInt(108) must be " + context.settings().minHeartbeatSeconds() + ".." +
                context.settings().maxHeartbeatSeconds());
            return;
        }
        if (message.has(FixTags.ENCRYPT_METHOD) && message.getLong(FixTags.ENCRYPT_METHOD) != 0)
        {
            logoutAndDisconnect("EncryptMethod(98) must be 0");
            return;
        }
        if (username == FixMessage.MISSING || username <= 0 || password == null)
        {
            logoutAndDisconnect("Logon needs Username(553) = account id and Password(554) = API secret");
            return;
        }
        final boolean reset = message.getFlag(FixTags.RESET_SEQ_NUM_FLAG);
        phase = Phase.AUTHENTICATING;
        try
        {
            context.authExecutor().execute(() ->
            {
                boolean ok;
                try
                {
                    ok = context.authenticator().authenticate(username, password);
                }
                catch (final RuntimeException ex)
                {
                    LOG.log(System.Logger.Level.ERROR, "authenticator failed", ex);
                    ok = false;
                }
                final boolean authenticated = ok;
                channel.eventLoop().execute(() -> completeLogon(authenticated, username, heartBtInt, seqNum, reset));
            });
        }
        catch (final RejectedExecutionException ex)
        {
            logoutAndDisconnect("server shutting down");
        }
    }

    private void completeLogon(
        final boolean authenticated, final long account, final long heartBtInt, final long seqNum, final boolean reset)
    {
        if (phase != Phase.AUTHENTICATING)
        {
            return;
        }
        if (!authenticated)
        {
            logoutAndDisconnect("Logon rejected: unknown account or wrong secret");
            return;
        }
        final FixSessionState claimed;
        try
        {
            claimed = context.states().get(clientCompId, context.settings().senderCompId(), account);
        }
        catch (final RuntimeException ex)
        {
            // the session's file could not be created (CompID too long for a file name, disk full, ...)
            LOG.log(System.Logger.Level.ERROR, describe() + ": cannot create the session state", ex);
            logoutAndDisconnect(ex instanceof IllegalArgumentException ? "SenderCompID(49) too long"
                : "session state unavailable");
            return;
        }
        if (claimed == null)
        {
            logoutAndDisconnect("too many SenderCompIDs for account " + account);
            return;
        }
        if (claimed.accountId() != account)
        {
            logoutAndDisconnect("SenderCompID " + clientCompId + " is bound to another account");
            return;
        }
        if (!claimed.tryClaim())
        {
            logoutAndDisconnect("session " + claimed.key() + " is already logged on");
            return;
        }
        if (claimed.isNew() && !reset && seqNum != 1)
        {
            // Without its numbers (first logon, or its file was lost) a ResendRequest from 1 could replay the
            // counterparty's old orders: only a fresh start is safe.
            claimed.release();
            logoutAndDisconnect("no sequence numbers are known for session " + claimed.key() +
                ": log on with ResetSeqNumFlag(141)=Y or MsgSeqNum(34)=1");
            return;
        }
        state = claimed;
        accountId = account;
        if (reset || state.isNew())
        {
            state.reset();
        }
        else if (seqNum < state.nextTargetSeqNum())
        {
            logoutAndDisconnect("MsgSeqNum too low, expecting " + state.nextTargetSeqNum() + " but received " + seqNum);
            return;
        }
        heartbeatNs = TimeUnit.SECONDS.toNanos(heartBtInt);
        phase = Phase.ACTIVE;
        context.registry().register(this);

        startAdmin("A").put(FixTags.ENCRYPT_METHOD, 0L).put(FixTags.HEART_BT_INT, heartBtInt);
        if (reset)
        {
            encoder.put(FixTags.RESET_SEQ_NUM_FLAG, 'Y');
        }
        write();
        if (seqNum > state.nextTargetSeqNum())
        {
            requestResend(seqNum);
        }
        else
        {
            state.nextTargetSeqNum(seqNum + 1);
        }
        timer = channel.eventLoop().scheduleAtFixedRate(this::onTimer, TIMER_PERIOD_MS, TIMER_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "{0}: logged on, account {1}, heartbeat {2}s, next in {3}, next out {4}",
            describe(), account, heartBtInt, state.nextTargetSeqNum(), state.nextSenderSeqNum());
        flush();
    }

    private void onActiveMessage(final FixMessage message, final char msgType, final long seqNum)
    {
        if (seqNum == FixMessage.MISSING || seqNum < 1 || seqNum > FixSessionState.MAX_SEQ_NUM)
        {
            logoutAndDisconnect("MsgSeqNum(34) missing, not a number or outside 1.." + FixSessionState.MAX_SEQ_NUM);
            return;
        }
        if (!clientCompId.equals(message.getString(FixTags.SENDER_COMP_ID)) ||
            !context.settings().senderCompId().equals(message.getString(FixTags.TARGET_COMP_ID)))
        {
            sendReject(seqNum, FixTags.SENDER_COMP_ID, message.msgType(), COMP_ID_PROBLEM, "CompID problem");
            logoutAndDisconnect("CompID problem");
            return;
        }
        if (msgType == '4' && !message.getFlag(FixTags.GAP_FILL_FLAG))
        {
            onSequenceReset(message, seqNum);
            return;
        }
        final long expected = state.nextTargetSeqNum();
        if (seqNum > expected)
        {
            if (msgType == '5')
            {
                onLogout();
            }
            else
            {
                if (msgType == '2')
                {
                    onResendRequest(message, seqNum);
                }
                if (resendRequestedUpTo == 0)
                {
                    requestResend(seqNum);
                }
            }
            return;
        }
        if (seqNum < expected)
        {
            if (!message.getFlag(FixTags.POSS_DUP_FLAG))
            {
                logoutAndDisconnect("MsgSeqNum too low, expecting " + expected + " but received " + seqNum);
            }
            return;
        }
        state.nextTargetSeqNum(expected + 1);
        if (resendRequestedUpTo != 0 && expected >= resendRequestedUpTo)
        {
            resendRequestedUpTo = 0;
        }
        switch (msgType)
        {
            case '0' ->
            {
            }
            case '1' -> onTestRequest(message);
            case '2' -> onResendRequest(message, seqNum);
            case '3' -> LOG.log(System.Logger.Level.WARNING, "{0}: counterparty rejected our message {1}: {2}", describe(),
                message.getString(FixTags.REF_SEQ_NUM), message.getString(FixTags.TEXT));
            case '4' -> onSequenceReset(message, seqNum);
            case '5' -> onLogout();
            case 'A' -> logoutAndDisconnect("Logon while logged on");
            case 'D', 'F', 'G', 'q' -> onApplicationRequest(message, seqNum);
            default -> sendBusinessReject(seqNum, message.msgType(), UNSUPPORTED_MESSAGE_TYPE, "unsupported MsgType");
        }
    }

    private void onTestRequest(final FixMessage message)
    {
        final String testReqId = message.getString(FixTags.TEST_REQ_ID);
        startAdmin("0").put(FixTags.TEST_REQ_ID, testReqId);
        write();
    }

    private void onSequenceReset(final FixMessage message, final long seqNum)
    {
        final long newSeqNo = message.getLong(FixTags.NEW_SEQ_NO);
        if (newSeqNo == FixMessage.MISSING || newSeqNo <= 0 || newSeqNo > FixSessionState.MAX_SEQ_NUM)
        {
            sendReject(seqNum, FixTags.NEW_SEQ_NO, "4", VALUE_INCORRECT, "NewSeqNo(36) missing or invalid");
            return;
        }
        if (newSeqNo < state.nextTargetSeqNum())
        {
            sendReject(seqNum, FixTags.NEW_SEQ_NO, "4", VALUE_INCORRECT,
                "NewSeqNo " + newSeqNo + " below the expected " + state.nextTargetSeqNum());
            return;
        }
        state.nextTargetSeqNum(newSeqNo);
        if (resendRequestedUpTo != 0 && newSeqNo > resendRequestedUpTo)
        {
            resendRequestedUpTo = 0;
        }
    }

    private void onResendRequest(final FixMessage message, final long seqNum)
    {
        final long begin = message.getLong(FixTags.BEGIN_SEQ_NO);
        long end = message.getLong(FixTags.END_SEQ_NO);
        final long last = state.nextSenderSeqNum() - 1;
        if (begin == FixMessage.MISSING || end == FixMessage.MISSING || begin < 1 || (end != 0 && end < begin))
        {
            sendReject(seqNum, FixTags.BEGIN_SEQ_NO, "2", VALUE_INCORRECT, "BeginSeqNo(7)/EndSeqNo(16) invalid");
            return;
        }
        if (end == 0 || end > last)
        {
            end = last;
        }
        final OutboundStore store = state.store();
        long gapStart = 0;
        for (long seq = begin; seq <= end; seq++)
        {
            if (store.contains(seq))
            {
                if (gapStart != 0)
                {
                    sendGapFill(gapStart, seq);
                    gapStart = 0;
                }
                resend(seq, store);
            }
            else if (gapStart == 0)
            {
                gapStart = seq;
            }
        }
        if (gapStart != 0)
        {
            sendGapFill(gapStart, end + 1);
        }
    }

    private void onLogout()
    {
        if (phase == Phase.ACTIVE)
        {
            startAdmin("5");
            write();
        }
        disconnect("counterparty logged out");
    }

    private void onApplicationRequest(final FixMessage message, final long seqNum)
    {
        final PendingRequest pending = new PendingRequest();
        final int result = orderEntry.onRequest(message, accountId, sourceId, pending);
        switch (result)
        {
            case FixOrderEntry.PUBLISHED -> pendingRequests.add(pending);
            case FixOrderEntry.SESSION_REJECT ->
                sendReject(seqNum, orderEntry.rejectTag(), message.msgType(), orderEntry.sessionRejectReason(), orderEntry.text());
            default -> businessReject(pending, orderEntry.ordRejReason(), orderEntry.text());
        }
    }

    /** The request's own reject message, for refusals before or by the engine. */
    private void businessReject(final PendingRequest pending, final int ordRejReason, final String text)
    {
        switch (pending.msgType)
        {
            case 'D' ->
            {
                startApplication("8");
                reportWriter.orderRejected(encoder, pending, "R" + sourceId + "-" + (++rejectCounter), ordRejReason, text,
                    System.currentTimeMillis());
            }
            case 'F', 'G' ->
            {
                startApplication("9");
                reportWriter.cancelRejected(encoder, pending, ordRejReason == 5 || "UNKNOWN_ORDER".equals(text) ? 1 : 99, text);
            }
            default ->
            {
                startApplication("r");
                reportWriter.massCancelReport(encoder, pending, '0', 0, ordRejReason == 1 ? 1 : 99, text);
            }
        }
        writeApplication();
    }

    /**
     * Hands a delivery to this session's event loop; callable from any thread, never blocks. Deliveries queue up and
     * one task drains them all, so a burst costs one event-loop wake-up and one flush, not one per command.
     */
    public void deliver(final Delivery delivery)
    {
        inbox.add(delivery);
        if (drainScheduled.compareAndSet(false, true))
        {
            try
            {
                channel.eventLoop().execute(drainTask);
            }
            catch (final RejectedExecutionException ex)
            {
                // the event loop is shutting down: the connection is gone
            }
        }
    }

    private void drainInbox()
    {
        // Cleared before polling: a delivery added after the last poll schedules another drain.
        drainScheduled.set(false);
        Delivery delivery;
        while ((delivery = inbox.poll()) != null)
        {
            onDelivery(delivery);
        }
        if (phase != Phase.ACTIVE)
        {
            return;
        }
        flush();
        if (!channel.isWritable())
        {
            disconnect("slow consumer: more than " + context.settings().maxOutboundBytes() + " bytes unsent");
        }
    }

    void onDelivery(final Delivery delivery)
    {
        if (phase != Phase.ACTIVE)
        {
            return;
        }
        final PendingRequest pending = delivery.sourced() ? pendingRequests.poll() : null;
        for (final OrderReport report : delivery.reports())
        {
            switch (report.kind)
            {
                case REJECTED ->
                {
                    if (pending != null)
                    {
                        final RejectReason reason = report.rejectReason;
                        businessReject(pending, FixReportWriter.ordRejReason(reason), reason.name());
                    }
                }
                case MASS_CANCEL_DONE ->
                {
                    if (pending != null)
                    {
                        startApplication("r");
                        reportWriter.massCancelReport(encoder, pending, pending.massCancelRequestType == '1' ? '1' : '7',
                            report.cancelledCount, 0, null);
                        writeApplication();
                    }
                }
                default ->
                {
                    final boolean ownCancel = pending != null && pending.msgType == 'F' &&
                        report.kind == OrderReport.Kind.CANCELLED && report.cancelReason == CancelReason.USER;
                    startApplication("8");
                    reportWriter.executionReport(encoder, report, ownCancel ? pending.clOrdId : null,
                        ownCancel ? report.clOrdId : null);
                    writeApplication();
                }
            }
        }
    }

    private void onTimer()
    {
        if (phase != Phase.ACTIVE)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastReceivedNs > heartbeatNs * 2 + TimeUnit.SECONDS.toNanos(1))
        {
            logoutAndDisconnect("no message for " + TimeUnit.NANOSECONDS.toMillis(now - lastReceivedNs) + " ms");
            return;
        }
        if (!testRequestSent && now - lastReceivedNs > heartbeatNs + heartbeatNs / 5)
        {
            testRequestSent = true;
            startAdmin("1").put(FixTags.TEST_REQ_ID, "T" + now);
            write();
        }
        else if (now - lastSentNs >= heartbeatNs)
        {
            startAdmin("0");
            write();
        }
        flush();
    }

    private void requestResend(final long receivedSeqNum)
    {
        resendRequestedUpTo = receivedSeqNum;
        startAdmin("2").put(FixTags.BEGIN_SEQ_NO, state.nextTargetSeqNum()).put(FixTags.END_SEQ_NO, 0L);
        write();
        LOG.log(System.Logger.Level.INFO, "{0}: gap, expected {1} but received {2}: ResendRequest sent", describe(),
            state.nextTargetSeqNum(), receivedSeqNum);
    }

    private void sendReject(
        final long refSeqNum, final int refTagId, final String refMsgType, final int reason, final String text)
    {
        startAdmin("3").put(FixTags.REF_SEQ_NUM, refSeqNum);
        if (refTagId > 0)
        {
            encoder.put(FixTags.REF_TAG_ID, (long)refTagId);
        }
        encoder.put(FixTags.REF_MSG_TYPE, refMsgType).put(FixTags.SESSION_REJECT_REASON, (long)reason).put(FixTags.TEXT, text);
        write();
    }

    private void sendBusinessReject(final long refSeqNum, final String refMsgType, final int reason, final String text)
    {
        startApplication("j").put(FixTags.REF_SEQ_NUM, refSeqNum).put(FixTags.REF_MSG_TYPE, refMsgType)
            .put(FixTags.BUSINESS_REJECT_REASON, (long)reason).put(FixTags.TEXT, text);
        writeApplication();
    }

    private void sendGapFill(final long fromSeqNum, final long newSeqNum)
    {
        final long now = System.currentTimeMillis();
        encoder.begin("4").put(FixTags.SENDER_COMP_ID, context.settings().senderCompId())
            .put(FixTags.TARGET_COMP_ID, clientCompId).put(FixTags.MSG_SEQ_NUM, fromSeqNum)
            .put(FixTags.POSS_DUP_FLAG, 'Y').putTimestampMs(FixTags.SENDING_TIME, now)
            .putTimestampMs(FixTags.ORIG_SENDING_TIME, now)
            .put(FixTags.GAP_FILL_FLAG, 'Y').put(FixTags.NEW_SEQ_NO, newSeqNum);
        write();
    }

    private void resend(final long seqNum, final OutboundStore store)
    {
        encoder.begin(String.valueOf(store.msgType(seqNum))).put(FixTags.SENDER_COMP_ID, context.settings().senderCompId())
            .put(FixTags.TARGET_COMP_ID, clientCompId).put(FixTags.MSG_SEQ_NUM, seqNum)
            .put(FixTags.POSS_DUP_FLAG, 'Y').putTimestampMs(FixTags.SENDING_TIME, System.currentTimeMillis())
            .putTimestampMs(FixTags.ORIG_SENDING_TIME, store.sendingTimeMs(seqNum))
            .appendRaw(store.fields(seqNum));
        write();
    }

    /** Header of an administrative message (not stored: a resend gap-fills it). */
    private FixEncoder startAdmin(final String msgType)
    {
        final long seqNum = state == null ? 1 : state.takeSenderSeqNum();
        return encoder.begin(msgType).put(FixTags.SENDER_COMP_ID, context.settings().senderCompId())
            .put(FixTags.TARGET_COMP_ID, clientCompId == null ? "UNKNOWN" : clientCompId)
            .put(FixTags.MSG_SEQ_NUM, seqNum).putTimestampMs(FixTags.SENDING_TIME, System.currentTimeMillis());
    }

    /** Header of an application message, kept in the outbound store by {@link #writeApplication()}. */
    private FixEncoder startApplication(final String msgType)
    {
        applicationSeqNum = state.takeSenderSeqNum();
        applicationSendingTimeMs = System.currentTimeMillis();
        applicationMsgType = msgType.charAt(0);
        return encoder.begin(msgType).put(FixTags.SENDER_COMP_ID, context.settings().senderCompId())
            .put(FixTags.TARGET_COMP_ID, clientCompId).put(FixTags.MSG_SEQ_NUM, applicationSeqNum)
            .putTimestampMs(FixTags.SENDING_TIME, applicationSendingTimeMs).markApplication();
    }

    private void writeApplication()
    {
        state.store().store(applicationSeqNum, applicationMsgType, applicationSendingTimeMs, encoder.copyApplicationFields());
        write();
    }

    private void write()
    {
        final ByteBuf out = channel.alloc().ioBuffer(encoder.maxFrameLength());
        encoder.writeTo(out);
        channel.write(out, channel.voidPromise());
        lastSentNs = System.nanoTime();
        flushNeeded = true;
    }

    /** Flushes what this session wrote since the last flush (the handler calls it after each read batch). */
    public void flush()
    {
        if (flushNeeded)
        {
            flushNeeded = false;
            channel.flush();
        }
    }

    private void logoutAndDisconnect(final String reason)
    {
        if (phase == Phase.CLOSED)
        {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: logout: {1}", describe(), reason);
        if (clientCompId != null)
        {
            startAdmin("5").put(FixTags.TEXT, reason);
            final ByteBuf out = channel.alloc().ioBuffer(encoder.maxFrameLength());
            encoder.writeTo(out);
            channel.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            flushNeeded = false;
            closeSession();
        }
        else
        {
            disconnect(reason);
        }
    }

    private void disconnect(final String reason)
    {
        if (phase == Phase.CLOSED)
        {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "{0}: disconnect: {1}", describe(), reason);
        flush();
        closeSession();
        channel.close();
    }

    /** The channel closed (by either side): release the session state for the next connection. */
    public void onDisconnected()
    {
        closeSession();
    }

    private void closeSession()
    {
        if (phase == Phase.CLOSED)
        {
            return;
        }
        final boolean wasActive = phase == Phase.ACTIVE;
        phase = Phase.CLOSED;
        if (timer != null)
        {
            timer.cancel(false);
        }
        if (wasActive)
        {
            context.registry().unregister(this);
        }
        if (state != null)
        {
            state.release();
        }
        pendingRequests.clear();
    }

    private String describe()
    {
        return "FIX " + (clientCompId == null ? channel.remoteAddress() : clientCompId) + " (source " +
            Long.toHexString(sourceId) + ")";
    }
}
