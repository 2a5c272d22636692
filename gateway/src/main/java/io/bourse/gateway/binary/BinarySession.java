package io.bourse.gateway.binary;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.SourceIds;
import io.bourse.gateway.sbe.CancelOrderDecoder;
import io.bourse.gateway.sbe.CancelRejectEncoder;
import io.bourse.gateway.sbe.ExecType;
import io.bourse.gateway.sbe.ExecutionReportEncoder;
import io.bourse.gateway.sbe.LogonDecoder;
import io.bourse.gateway.sbe.LogonRejectReason;
import io.bourse.gateway.sbe.LogoutReason;
import io.bourse.gateway.sbe.MassCancelDecoder;
import io.bourse.gateway.sbe.NewOrderDecoder;
import io.bourse.gateway.sbe.RejectReason;
import io.bourse.gateway.sbe.ReplaceOrderDecoder;
import io.bourse.gateway.sbe.RequestType;
import io.bourse.gateway.sbe.Side;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * One binary order-entry connection: logon, then order entry for the logged-on account only, heartbeats both ways, and
 * a clean end (logout, heartbeat timeout, protocol error, slow consumer). Inbound messages arrive decoded from
 * {@link SofhFrameDecoder}; replies to the session's own requests that need no engine (busy, gateway rejects) are
 * written here, execution reports come from {@link ExecutionReportRouter} on the reply thread. Event-loop thread only,
 * except the fields marked for the reply thread.
 */
final class BinarySession extends ChannelInboundHandlerAdapter implements FrameListener, OrderEntryHandler
{
    static final String IDLE_HANDLER = "idle";
    private static final System.Logger LOG = System.getLogger(BinarySession.class.getName());
    private static final int CONNECTED = 0;
    private static final int LOGON_PENDING = 1;
    private static final int LOGGED_ON = 2;
    private static final int CLOSING = 3;
    private static final int CANCEL_ON_DISCONNECT_RETRIES = 50;
    private static final long CANCEL_ON_DISCONNECT_RETRY_MS = 10;

    private final BinaryGatewayContext context;
    private final OrderEntryAdapter adapter = new OrderEntryAdapter(this);
    private final CommandTranslator translator = new CommandTranslator();
    private final OutboundEncoder encoder = new OutboundEncoder();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> logonTimeout;
    private int state = CONNECTED;
    private volatile long accountId;
    private volatile long sessionId = SourceIds.NO_SOURCE;
    private boolean cancelOnDisconnect;
    /** In the registry: from an accepted logon until the channel closes, whichever way the session ended. */
    private boolean registered;

    /** Reply thread only: replies gathered for this session during the current batch. */
    ByteBuf pendingOut;

    BinarySession(final BinaryGatewayContext context)
    {
        this.context = context;
    }

    long accountId()
    {
        return accountId;
    }

    /** The sourceId of this session's commands; {@link SourceIds#NO_SOURCE} until logged on. */
    long sessionId()
    {
        return sessionId;
    }

    Channel channel()
    {
        return ctx.channel();
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        if (ctx.channel().isActive())
        {
            startLogonTimer();
        }
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        startLogonTimer();
        ctx.fireChannelActive();
    }

    private void startLogonTimer()
    {
        if (logonTimeout == null)
        {
            logonTimeout = ctx.executor().schedule(
                this::onLogonTimeout, context.settings().logonTimeoutMs(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        // A session that ended with LoggedOut (or any other close of ours) is already CLOSING: go by registration.
        state = CLOSING;
        cancelLogonTimer();
        if (registered)
        {
            registered = false;
            context.registry().remove(this);
            context.metrics().onSessionCount(-1);
            if (cancelOnDisconnect)
            {
                cancelOnDisconnect(CANCEL_ON_DISCONNECT_RETRIES);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof IdleStateEvent)
        {
            final IdleStateEvent idle = (IdleStateEvent)event;
            if (idle.state() == io.netty.handler.timeout.IdleState.READER_IDLE && state == LOGGED_ON)
            {
                context.metrics().onHeartbeatTimeout();
                LOG.log(System.Logger.Level.INFO, "session {0} (account {1}): heartbeat timeout", sessionId, accountId);
                logout(LogoutReason.HEARTBEAT_TIMEOUT);
            }
            else if (idle.state() == io.netty.handler.timeout.IdleState.WRITER_IDLE && state == LOGGED_ON)
            {
                encoder.heartbeat();
                send();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (!ctx.channel().isWritable() && state != CLOSING)
        {
            onSlowConsumer();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // A reset by the peer is routine; anything else is a gateway bug. The connection ends either way.
        if (cause instanceof java.io.IOException)
        {
            LOG.log(System.Logger.Level.DEBUG, "session {0}: closing after {1}", sessionId, cause.toString());
        }
        else
        {
            context.metrics().onUnexpectedError();
            LOG.log(System.Logger.Level.ERROR, "session " + sessionId + ": unexpected error; closing", cause);
        }
        state = CLOSING;
        ctx.close();
    }

    /** The gateway is stopping: say so, then close. Any thread. */
    void shutdown()
    {
        if (!ctx.executor().inEventLoop())
        {
            ctx.executor().execute(this::shutdown);
            return;
        }
        logout(LogoutReason.SHUTDOWN);
    }

    /** The session's unsent bytes passed the bound: drop it rather than buffer without limit. Any thread. */
    void onSlowConsumer()
    {
        if (!ctx.executor().inEventLoop())
        {
            ctx.executor().execute(this::onSlowConsumer);
            return;
        }
        if (state == CLOSING)
        {
            return;
        }
        state = CLOSING;
        context.metrics().onSlowConsumerDisconnect();
        LOG.log(System.Logger.Level.WARNING, "session {0} (account {1}): slow consumer, outbound buffer above {2} " +
            "bytes; disconnecting", sessionId, accountId, context.settings().maxOutboundBytes());
        ctx.close();
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (state != CLOSING)
        {
            adapter.onMessage(buffer, offset, length);
        }
    }

    @Override
    public void onFramingError(final int checkResult, final long messageLength, final int encodingType)
    {
        context.metrics().onProtocolError();
        LOG.log(System.Logger.Level.INFO, "session {0}: {1} (length {2}, encoding 0x{3}); disconnecting",
            sessionId, Sofh.describe(checkResult), messageLength, Integer.toHexString(encodingType));
        logout(LogoutReason.PROTOCOL_ERROR);
    }

    @Override
    public void onLogon(final LogonDecoder logon)
    {
        if (state != CONNECTED)
        {
            sessionReject(LogonDecoder.TEMPLATE_ID, RejectReason.ALREADY_LOGGED_ON);
            return;
        }
        final long requestedAccountId = logon.accountId();
        final int requestedIntervalMs = logon.heartbeatIntervalMs();
        final int intervalMs = requestedIntervalMs == 0 ? context.settings().heartbeatIntervalMs() : requestedIntervalMs;
        if (intervalMs < context.settings().minHeartbeatIntervalMs() ||
            intervalMs > context.settings().maxHeartbeatIntervalMs())
        {
            rejectLogon(LogonRejectReason.INVALID_HEARTBEAT_INTERVAL);
            return;
        }
        final String secret = secret(logon.buffer(), logon.offset() + LogonDecoder.secretEncodingOffset());
        final boolean wantsCancelOnDisconnect = logon.cancelOnDisconnectRaw() == 1;
        state = LOGON_PENDING;
        try
        {
            context.authExecutor().execute(() ->
            {
                final boolean ok = secret != null && context.authenticator().authenticate(requestedAccountId, secret);
                ctx.executor().execute(() -> onAuthenticated(ok, requestedAccountId, intervalMs, wantsCancelOnDisconnect));
            });
        }
        catch (final RejectedExecutionException ex)
        {
            rejectLogon(LogonRejectReason.UNAVAILABLE);
        }
    }

    private void onAuthenticated(
        final boolean ok, final long accountId, final int heartbeatIntervalMs, final boolean wantsCancelOnDisconnect)
    {
        context.metrics().onLogon(ok);
        if (state != LOGON_PENDING || !ctx.channel().isActive())
        {
            return;
        }
        if (!ok)
        {
            LOG.log(System.Logger.Level.INFO, "logon of account {0} from {1} rejected", accountId,
                ctx.channel().remoteAddress());
            rejectLogon(LogonRejectReason.BAD_CREDENTIALS);
            return;
        }
        cancelLogonTimer();
        this.accountId = accountId;
        this.sessionId = SourceIds.next();
        this.cancelOnDisconnect = wantsCancelOnDisconnect || context.settings().cancelOnDisconnect();
        state = LOGGED_ON;
        ctx.pipeline().replace(IDLE_HANDLER, IDLE_HANDLER, new IdleStateHandler(
            (long)heartbeatIntervalMs * context.settings().missedHeartbeats(), heartbeatIntervalMs, 0,
            TimeUnit.MILLISECONDS));
        context.registry().add(this);
        registered = true;
        context.metrics().onSessionCount(1);
        encoder.logonAccepted().accountId(accountId).sessionId(sessionId).heartbeatIntervalMs(heartbeatIntervalMs);
        send();
    }

    @Override
    public void onLogout()
    {
        logout(LogoutReason.CLIENT_REQUEST);
    }

    @Override
    public void onHeartbeat()
    {
        // Receiving it is the point: the idle handler saw the read.
    }

    @Override
    public void onNewOrder(final NewOrderDecoder newOrder)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(NewOrderDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final int idCheck = ClientOrderIds.check(
            newOrder.buffer(), newOrder.offset() + NewOrderDecoder.clientOrderIdEncodingOffset());
        if (idCheck != ClientOrderIds.VALID)
        {
            rejectNewOrder(newOrder, idCheck == ClientOrderIds.EMPTY ?
                RejectReason.MISSING_CLIENT_ORDER_ID : RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }
        final long result = context.commandSink().tryPublish(
            CommandTranslator.FILLER, translator.newOrder(accountId, newOrder), sessionId);
        if (result == CommandPublisher.BUSY)
        {
            busy(RequestType.NEW_ORDER, 0, newOrder.buffer(),
                newOrder.offset() + NewOrderDecoder.clientOrderIdEncodingOffset());
        }
        else if (result < 0)
        {
            rejectNewOrder(newOrder, RejectReason.ENGINE_UNAVAILABLE);
        }
    }

    @Override
    public void onCancelOrder(final CancelOrderDecoder cancelOrder)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(CancelOrderDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final int idOffset = cancelOrder.offset() + CancelOrderDecoder.origClientOrderIdEncodingOffset();
        if (ClientOrderIds.check(cancelOrder.buffer(), idOffset) == ClientOrderIds.INVALID)
        {
            cancelReject(RequestType.CANCEL_ORDER, cancelOrder.orderId(), cancelOrder.buffer(), idOffset,
                RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }
        final long result = context.commandSink().tryPublish(
            CommandTranslator.FILLER, translator.cancelOrder(accountId, cancelOrder), sessionId);
        if (result == CommandPublisher.BUSY)
        {
            busy(RequestType.CANCEL_ORDER, cancelOrder.orderId(), cancelOrder.buffer(), idOffset);
        }
        else if (result < 0)
        {
            cancelReject(RequestType.CANCEL_ORDER, cancelOrder.orderId(), cancelOrder.buffer(), idOffset,
                RejectReason.ENGINE_UNAVAILABLE);
        }
    }

    @Override
    public void onReplaceOrder(final ReplaceOrderDecoder replaceOrder)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(ReplaceOrderDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final DirectBuffer buffer = replaceOrder.buffer();
        final int newIdOffset = replaceOrder.offset() + ReplaceOrderDecoder.clientOrderIdEncodingOffset();
        final int origIdOffset = replaceOrder.offset() + ReplaceOrderDecoder.origClientOrderIdEncodingOffset();
        if (ClientOrderIds.check(buffer, newIdOffset) == ClientOrderIds.INVALID ||
            ClientOrderIds.check(buffer, origIdOffset) == ClientOrderIds.INVALID)
        {
            cancelReject(RequestType.REPLACE_ORDER, replaceOrder.orderId(), buffer, newIdOffset,
                RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }
        final long result = context.commandSink().tryPublish(
            CommandTranslator.FILLER, translator.replaceOrder(accountId, replaceOrder), sessionId);
        if (result == CommandPublisher.BUSY)
        {
            busy(RequestType.REPLACE_ORDER, replaceOrder.orderId(), buffer, newIdOffset);
        }
        else if (result < 0)
        {
            cancelReject(RequestType.REPLACE_ORDER, replaceOrder.orderId(), buffer, newIdOffset,
                RejectReason.ENGINE_UNAVAILABLE);
        }
    }

    @Override
    public void onMassCancel(final MassCancelDecoder massCancel)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(MassCancelDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final long result = context.commandSink().tryPublish(
            CommandTranslator.FILLER, translator.massCancel(accountId, massCancel.symbolId()), sessionId);
        if (result == CommandPublisher.BUSY)
        {
            busy(RequestType.MASS_CANCEL, 0, null, 0);
        }
        else if (result < 0)
        {
            cancelReject(RequestType.MASS_CANCEL, 0, null, 0, RejectReason.ENGINE_UNAVAILABLE);
        }
    }

    @Override
    public void onMalformed(final int templateId, final short reason)
    {
        context.metrics().onProtocolError();
        sessionReject(templateId, RejectReason.get(reason));
    }

    private void cancelLogonTimer()
    {
        if (logonTimeout != null)
        {
            logonTimeout.cancel(false);
        }
    }

    private void onLogonTimeout()
    {
        if (state == CONNECTED || state == LOGON_PENDING)
        {
            logout(LogoutReason.LOGON_TIMEOUT);
        }
    }

    private void cancelOnDisconnect(final int retriesLeft)
    {
        final long result = context.commandSink().tryPublish(
            CommandTranslator.FILLER, translator.massCancel(accountId, 0), sessionId);
        if (result == CommandPublisher.BUSY && retriesLeft > 0)
        {
            ctx.executor().schedule(
                () -> cancelOnDisconnect(retriesLeft - 1), CANCEL_ON_DISCONNECT_RETRY_MS, TimeUnit.MILLISECONDS);
        }
        else if (result < 0)
        {
            LOG.log(System.Logger.Level.WARNING, "cancel-on-disconnect of account {0} not published (ring {1})",
                accountId, result == CommandPublisher.BUSY ? "full" : "closed");
        }
    }

    private void logout(final LogoutReason reason)
    {
        if (state == CLOSING)
        {
            return;
        }
        state = CLOSING;
        encoder.loggedOut().reason(reason);
        sendAndClose();
    }

    private void rejectLogon(final LogonRejectReason reason)
    {
        state = CLOSING;
        encoder.logonRejected().reason(reason);
        sendAndClose();
    }

    private void sessionReject(final int templateId, final RejectReason reason)
    {
        context.metrics().onReject(reason.value());
        encoder.sessionReject().refTemplateId(templateId & 0xFFFF).reason(reason);
        send();
    }

    private void rejectNewOrder(final NewOrderDecoder newOrder, final RejectReason reason)
    {
        context.metrics().onReject(reason.value());
        final ExecutionReportEncoder report = encoder.executionReport()
            .execType(ExecType.REJECTED)
            .symbolId(newOrder.symbolId())
            .side(side(newOrder.sideRaw()))
            .priceMinor(newOrder.priceMinor())
            .orderQtyMinor(newOrder.qtyMinor())
            .rejectReason(reason);
        report.buffer().putBytes(report.offset() + ExecutionReportEncoder.clientOrderIdEncodingOffset(),
            newOrder.buffer(), newOrder.offset() + NewOrderDecoder.clientOrderIdEncodingOffset(), AsciiField.ID_LENGTH);
        send();
    }

    private void cancelReject(
        final RequestType type, final long orderId, final DirectBuffer idBuffer, final int idOffset,
        final RejectReason reason)
    {
        context.metrics().onReject(reason.value());
        final CancelRejectEncoder reject = encoder.cancelReject().requestType(type).orderId(orderId).rejectReason(reason);
        if (idBuffer != null)
        {
            reject.buffer().putBytes(reject.offset() + CancelRejectEncoder.clientOrderIdEncodingOffset(),
                idBuffer, idOffset, AsciiField.ID_LENGTH);
        }
        send();
    }

    private void busy(final RequestType type, final long orderId, final DirectBuffer idBuffer, final int idOffset)
    {
        context.metrics().onBusy();
        final io.bourse.gateway.sbe.BusyEncoder busy = encoder.busy().requestType(type).orderId(orderId);
        if (idBuffer != null)
        {
            busy.buffer().putBytes(busy.offset() + io.bourse.gateway.sbe.BusyEncoder.clientOrderIdEncodingOffset(),
                idBuffer, idOffset, AsciiField.ID_LENGTH);
        }
        send();
    }

    private void send()
    {
        final ByteBuf out = ctx.alloc().buffer(encoder.length());
        encoder.appendTo(out);
        ctx.channel().writeAndFlush(out, ctx.channel().voidPromise());
    }

    private void sendAndClose()
    {
        final ByteBuf out = ctx.alloc().buffer(encoder.length());
        encoder.appendTo(out);
        ctx.channel().writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    }

    static Side side(final short raw)
    {
        return raw == Side.BUY.value() ? Side.BUY : raw == Side.SELL.value() ? Side.SELL : Side.NULL_VAL;
    }

    /** The secret field as a String, or null if it is empty or not printable ASCII followed by zero padding. */
    private static String secret(final DirectBuffer buffer, final int offset)
    {
        final int length = LogonDecoder.secretLength();
        int end = 0;
        while (end < length && buffer.getByte(offset + end) != 0)
        {
            final byte b = buffer.getByte(offset + end);
            if (b < 0x20 || b > 0x7E)
            {
                return null;
            }
            end++;
        }
        for (int i = end; i < length; i++)
        {
            if (buffer.getByte(offset + i) != 0)
            {
                return null;
            }
        }
        if (end == 0)
        {
            return null;
        }
        final byte[] bytes = new byte[end];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
