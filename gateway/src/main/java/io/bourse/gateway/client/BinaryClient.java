package io.bourse.gateway.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.gateway.NettyTransport;
import io.bourse.gateway.binary.FrameListener;
import io.bourse.gateway.binary.Sofh;
import io.bourse.gateway.binary.SofhFrameDecoder;
import io.bourse.gateway.sbe.BooleanType;
import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.CancelOrderEncoder;
import io.bourse.gateway.sbe.CancelRejectDecoder;
import io.bourse.gateway.sbe.ExecutionReportDecoder;
import io.bourse.gateway.sbe.HeartbeatEncoder;
import io.bourse.gateway.sbe.LoggedOutDecoder;
import io.bourse.gateway.sbe.LogonAcceptedDecoder;
import io.bourse.gateway.sbe.LogonEncoder;
import io.bourse.gateway.sbe.LogonRejectedDecoder;
import io.bourse.gateway.sbe.LogoutEncoder;
import io.bourse.gateway.sbe.MassCancelEncoder;
import io.bourse.gateway.sbe.MassCancelReportDecoder;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.bourse.gateway.sbe.MessageHeaderEncoder;
import io.bourse.gateway.sbe.NewOrderEncoder;
import io.bourse.gateway.sbe.OrderType;
import io.bourse.gateway.sbe.ReplaceOrderEncoder;
import io.bourse.gateway.sbe.SessionRejectDecoder;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.StpMode;
import io.bourse.gateway.sbe.TimeInForce;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * A client of the binary order-entry protocol: connect, {@link #logon}, send orders, cancels, replaces and mass
 * cancels, and receive everything the gateway sends through a {@link ClientListener} on the client's event loop.
 * Sending methods may be called from one thread at a time (any thread); {@code write*} methods gather frames into a
 * batch that {@link #flush()} hands to the connection in one go, and the {@code send*} methods flush at once. Heartbeats are sent
 * automatically once logged on unless disabled.
 */
public final class BinaryClient implements AutoCloseable
{
    private static final int MAX_FRAME_LENGTH = 4096;
    private static final int SCRATCH_LENGTH = 256;
    private static final int BATCH_BYTES = 4096;

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ClientListener listener;
    private final boolean autoHeartbeat;
    private final CompletableFuture<LogonAcceptedDecoder> logonResult = new CompletableFuture<>();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LogonEncoder logon = new LogonEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final MassCancelEncoder massCancel = new MassCancelEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private final LogoutEncoder logout = new LogoutEncoder();
    private final Channel channel;
    private ByteBuf pendingOut;
    private volatile long lastSeqNo;
    private volatile long seqNoGaps;
    private volatile long accountId;

    private BinaryClient(
        final EventLoopGroup group,
        final boolean ownsGroup,
        final String host,
        final int port,
        final ClientListener listener,
        final boolean autoHeartbeat,
        final int receiveBufferBytes) throws InterruptedException
    {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.listener = listener;
        this.autoHeartbeat = autoHeartbeat;
        final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(NettyTransport.clientChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final Inbound inbound = new Inbound();
                    ch.pipeline()
                        .addLast("frames", new SofhFrameDecoder(MAX_FRAME_LENGTH, inbound))
                        .addLast("inbound", inbound);
                }
            });
        if (receiveBufferBytes > 0)
        {
            bootstrap.option(ChannelOption.SO_RCVBUF, receiveBufferBytes);
        }
        channel = bootstrap.connect(host, port).sync().channel();
    }

    /** Connects on a new single-thread event loop owned by the client. */
    public static BinaryClient connect(final String host, final int port, final ClientListener listener)
        throws InterruptedException
    {
        return new BinaryClient(NettyTransport.newGroup(1, "bourse-client"), true, host, port, listener, true, 0);
    }

    /**
     * Connects on a shared event loop group (the caller closes it).
     *
     * @param autoHeartbeat      whether to send heartbeats by itself once logged on.
     * @param receiveBufferBytes SO_RCVBUF, or 0 for the system default.
     */
    public static BinaryClient connect(
        final EventLoopGroup group,
        final String host,
        final int port,
        final ClientListener listener,
        final boolean autoHeartbeat,
        final int receiveBufferBytes) throws InterruptedException
    {
        return new BinaryClient(group, false, host, port, listener, autoHeartbeat, receiveBufferBytes);
    }

    /**
     * Sends a Logon; the future completes when the gateway accepts it (the decoder is only valid inside a
     * {@code thenAccept} that runs on the event loop, so read what you need there) and fails if it is rejected or the
     * connection ends.
     *
     * @param heartbeatIntervalMs 0 for the gateway's default.
     */
    public CompletableFuture<LogonAcceptedDecoder> logon(
        final long accountId, final String secret, final int heartbeatIntervalMs, final boolean cancelOnDisconnect)
    {
        final LogonEncoder encoder = logon.wrapAndApplyHeader(scratch, Sofh.LENGTH, header)
            .accountId(accountId)
            .heartbeatIntervalMs(heartbeatIntervalMs)
            .cancelOnDisconnect(cancelOnDisconnect ? BooleanType.TRUE : BooleanType.FALSE);
        AsciiField.put(scratch, encoder.offset() + LogonEncoder.secretEncodingOffset(), LogonEncoder.secretLength(),
            secret);
        send(LogonEncoder.BLOCK_LENGTH);
        return logonResult;
    }

    /** Starts a NewOrder with every field zero; fill it and call {@link #sendNewOrder()}. */
    public NewOrderEncoder newOrder()
    {
        scratch.setMemory(Sofh.LENGTH, MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH, (byte)0);
        return newOrder.wrapAndApplyHeader(scratch, Sofh.LENGTH, header).stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE);
    }

    public void sendNewOrder()
    {
        send(NewOrderEncoder.BLOCK_LENGTH);
    }

    /** Writes the NewOrder started by {@link #newOrder()} without flushing; call {@link #flush()} after a batch. */
    public void writeNewOrder()
    {
        write(NewOrderEncoder.BLOCK_LENGTH);
    }

    /** Convenience: a LIMIT order with the default self-trade prevention. */
    public void sendLimitOrder(
        final String clientOrderId,
        final int symbolId,
        final Side side,
        final long priceMinor,
        final long qtyMinor,
        final TimeInForce timeInForce)
    {
        newOrder().clientOrderId(clientOrderId).symbolId(symbolId).side(side).orderType(OrderType.LIMIT)
            .timeInForce(timeInForce).priceMinor(priceMinor).qtyMinor(qtyMinor);
        sendNewOrder();
    }

    /** Cancels by engine order id (non-zero) or else by client order id. */
    public void sendCancel(final long orderId, final String origClientOrderId)
    {
        cancelOrder.wrapAndApplyHeader(scratch, Sofh.LENGTH, header).orderId(orderId)
            .origClientOrderId(origClientOrderId == null ? "" : origClientOrderId);
        send(CancelOrderEncoder.BLOCK_LENGTH);
    }

    /** Amends to a new price and total quantity; an empty new client order id keeps the current one. */
    public void sendReplace(
        final long orderId,
        final String origClientOrderId,
        final String newClientOrderId,
        final long priceMinor,
        final long qtyMinor)
    {
        replaceOrder.wrapAndApplyHeader(scratch, Sofh.LENGTH, header).orderId(orderId)
            .origClientOrderId(origClientOrderId == null ? "" : origClientOrderId)
            .clientOrderId(newClientOrderId == null ? "" : newClientOrderId)
            .priceMinor(priceMinor)
            .qtyMinor(qtyMinor);
        send(ReplaceOrderEncoder.BLOCK_LENGTH);
    }

    /** Cancels all the account's open orders, in one symbol or (0) all. */
    public void sendMassCancel(final int symbolId)
    {
        massCancel.wrapAndApplyHeader(scratch, Sofh.LENGTH, header).symbolId(symbolId);
        send(MassCancelEncoder.BLOCK_LENGTH);
    }

    public void sendHeartbeat()
    {
        heartbeat.wrapAndApplyHeader(scratch, Sofh.LENGTH, header);
        send(HeartbeatEncoder.BLOCK_LENGTH);
    }

    public void sendLogout()
    {
        logout.wrapAndApplyHeader(scratch, Sofh.LENGTH, header);
        send(LogoutEncoder.BLOCK_LENGTH);
    }

    /** Sends raw bytes as they are (tests of malformed input). */
    public void sendRaw(final byte[] bytes)
    {
        channel.writeAndFlush(channel.alloc().buffer(bytes.length).writeBytes(bytes));
    }

    /** Sends what was written since the last flush. */
    public void flush()
    {
        final ByteBuf out = pendingOut;
        if (out != null)
        {
            pendingOut = null;
            channel.writeAndFlush(out, channel.voidPromise());
        }
    }

    /** Stops (false) or resumes (true) reading from the socket, to play a slow consumer. */
    public void reading(final boolean enabled)
    {
        channel.config().setAutoRead(enabled);
    }

    public boolean isConnected()
    {
        return channel.isActive();
    }

    /** The seqNo of the last message received from the gateway. */
    public long lastSeqNo()
    {
        return lastSeqNo;
    }

    /** How many times a received seqNo was not the previous one plus one (0 on a healthy session). */
    public long seqNoGaps()
    {
        return seqNoGaps;
    }

    public long accountId()
    {
        return accountId;
    }

    /** A future that completes when the connection has closed. */
    public CompletableFuture<Void> closeFuture()
    {
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.closeFuture().addListener(f -> closed.complete(null));
        return closed;
    }

    @Override
    public void close()
    {
        channel.close().syncUninterruptibly();
        if (ownsGroup)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void send(final int blockLength)
    {
        write(blockLength);
        flush();
    }

    /** Appends the frame to the batch this thread is gathering; {@link #flush()} hands the batch over in one go. */
    private void write(final int blockLength)
    {
        final int frameLength = Sofh.LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        Sofh.put(scratch, 0, frameLength);
        if (pendingOut == null)
        {
            pendingOut = channel.alloc().buffer(BATCH_BYTES);
        }
        pendingOut.writeBytes(scratch.byteArray(), 0, frameLength);
    }

    /** Decodes inbound frames and hands them to the listener; event-loop thread only. */
    private final class Inbound extends ChannelInboundHandlerAdapter implements FrameListener
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final LogonAcceptedDecoder logonAccepted = new LogonAcceptedDecoder();
        private final LogonRejectedDecoder logonRejected = new LogonRejectedDecoder();
        private final LoggedOutDecoder loggedOut = new LoggedOutDecoder();
        private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
        private final CancelRejectDecoder cancelReject = new CancelRejectDecoder();
        private final MassCancelReportDecoder massCancelReport = new MassCancelReportDecoder();
        private final BusyDecoder busy = new BusyDecoder();
        private final SessionRejectDecoder sessionReject = new SessionRejectDecoder();
        private final UnsafeBuffer scratchForHeartbeat = new UnsafeBuffer(new byte[64]);
        private final MessageHeaderEncoder heartbeatHeader = new MessageHeaderEncoder();
        private final HeartbeatEncoder heartbeatEncoder = new HeartbeatEncoder();
        private ChannelHandlerContext ctx;

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            this.ctx = ctx;
        }

        @Override
        public void onMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            final int blockLength = header.blockLength();
            final int version = header.version();
            if (length >= MessageHeaderDecoder.ENCODED_LENGTH + Long.BYTES)
            {
                final long seqNo = buffer.getLong(body, java.nio.ByteOrder.LITTLE_ENDIAN);
                if (seqNo != lastSeqNo + 1)
                {
                    seqNoGaps++;
                }
                lastSeqNo = seqNo;
            }
            switch (header.templateId())
            {
                case LogonAcceptedDecoder.TEMPLATE_ID:
                    logonAccepted.wrap(buffer, body, blockLength, version);
                    accountId = logonAccepted.accountId();
                    if (autoHeartbeat)
                    {
                        final int intervalMs = logonAccepted.heartbeatIntervalMs();
                        ctx.pipeline().addFirst("idle", new IdleStateHandler(0, intervalMs, 0, TimeUnit.MILLISECONDS));
                    }
                    listener.onLogonAccepted(logonAccepted);
                    logonResult.complete(logonAccepted);
                    break;
                case LogonRejectedDecoder.TEMPLATE_ID:
                    listener.onLogonRejected(logonRejected.wrap(buffer, body, blockLength, version));
                    logonResult.completeExceptionally(new IllegalStateException(
                        "logon rejected: " + logonRejected.reason()));
                    break;
                case LoggedOutDecoder.TEMPLATE_ID:
                    listener.onLoggedOut(loggedOut.wrap(buffer, body, blockLength, version));
                    break;
                case ExecutionReportDecoder.TEMPLATE_ID:
                    listener.onExecutionReport(executionReport.wrap(buffer, body, blockLength, version));
                    break;
                case CancelRejectDecoder.TEMPLATE_ID:
                    listener.onCancelReject(cancelReject.wrap(buffer, body, blockLength, version));
                    break;
                case MassCancelReportDecoder.TEMPLATE_ID:
                    listener.onMassCancelReport(massCancelReport.wrap(buffer, body, blockLength, version));
                    break;
                case BusyDecoder.TEMPLATE_ID:
                    listener.onBusy(busy.wrap(buffer, body, blockLength, version));
                    break;
                case SessionRejectDecoder.TEMPLATE_ID:
                    listener.onSessionReject(sessionReject.wrap(buffer, body, blockLength, version));
                    break;
                default:
                    break;
            }
        }

        @Override
        public void onFramingError(final int checkResult, final long messageLength, final int encodingType)
        {
            ctx.close();
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
        {
            if (event instanceof IdleStateEvent && ((IdleStateEvent)event).state() == IdleState.WRITER_IDLE)
            {
                heartbeatEncoder.wrapAndApplyHeader(scratchForHeartbeat, Sofh.LENGTH, heartbeatHeader);
                final int frameLength = Sofh.LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
                Sofh.put(scratchForHeartbeat, 0, frameLength);
                ctx.writeAndFlush(ctx.alloc().buffer(frameLength).writeBytes(
                    scratchForHeartbeat.byteArray(), 0, frameLength), ctx.voidPromise());
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            logonResult.completeExceptionally(new IllegalStateException("connection closed"));
            listener.onDisconnected();
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
