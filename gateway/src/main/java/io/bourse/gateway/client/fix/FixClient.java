package io.bourse.gateway.client.fix;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.bourse.gateway.fix.codec.FixEncoder;
import io.bourse.gateway.fix.codec.FixFramer;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixParseError;
import io.bourse.gateway.fix.codec.FixTags;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A small FIX 4.4 initiator for Bourse, for tests, the demo and load generators: connect, log on with the account id
 * and API secret, send NewOrderSingle / OrderCancelRequest / OrderCancelReplaceRequest / OrderMassCancelRequest, and
 * receive replies through a {@link FixClientListener}. It answers TestRequest and heartbeats; it keeps no outbound
 * store (a ResendRequest is answered with one GapFill). Send methods are thread-safe; with auto-flush off, call
 * {@link #flush()} after a batch.
 */
public final class FixClient implements AutoCloseable
{
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int BATCH_BYTES = 32 * 1024;

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final FixClientListener listener;
    private final FixEncoder encoder = new FixEncoder();
    private final CompletableFuture<Void> loggedOn = new CompletableFuture<>();
    private Channel channel;
    private String senderCompId;
    private String targetCompId;
    private long nextSenderSeqNum = 1;
    private volatile long nextTargetSeqNum = 1;
    private boolean autoFlush = true;
    private int receiveBufferBytes;
    private ByteBuf batch;

    public FixClient(final FixClientListener listener)
    {
        this(null, listener);
    }

    /** @param group an event loop group to share among many clients, or null for a private one-thread group. */
    public FixClient(final EventLoopGroup group, final FixClientListener listener)
    {
        this.ownsGroup = group == null;
        this.group = group != null ? group : newGroup(1);
        this.listener = listener;
    }

    /** An event loop group for sharing among clients (epoll when available). */
    public static EventLoopGroup newGroup(final int threads)
    {
        final IoHandlerFactory factory = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("bourse-fix-client", true), factory);
    }

    /** Connects and sends Logon; the future completes when the exchange acknowledges it. */
    public CompletableFuture<Void> connect(
        final String host,
        final int port,
        final String senderCompId,
        final String targetCompId,
        final long accountId,
        final String secret,
        final int heartBtIntSeconds,
        final boolean resetSeqNum) throws InterruptedException
    {
        this.senderCompId = senderCompId;
        this.targetCompId = targetCompId;
        channel = new Bootstrap().group(group)
            .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_RCVBUF, receiveBufferBytes > 0 ? receiveBufferBytes : null)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new Inbound());
                }
            })
            .connect(host, port).sync().channel();
        synchronized (this)
        {
            if (resetSeqNum)
            {
                nextSenderSeqNum = 1;
                nextTargetSeqNum = 1;
            }
            header("A").put(FixTags.ENCRYPT_METHOD, 0L).put(FixTags.HEART_BT_INT, (long)heartBtIntSeconds)
                .put(FixTags.USERNAME, Long.toString(accountId)).put(FixTags.PASSWORD, secret);
            if (resetSeqNum)
            {
                encoder.put(FixTags.RESET_SEQ_NUM_FLAG, 'Y');
            }
            write(true);
        }
        return loggedOn;
    }

    /** Sends a NewOrderSingle. {@code ordType} 1 market, 2 limit; {@code tif} 0 to omit. */
    public void newOrder(
        final String clOrdId,
        final String symbol,
        final char side,
        final char ordType,
        final String orderQty,
        final String price,
        final char timeInForce)
    {
        newOrder(clOrdId, symbol, side, ordType, orderQty, price, null, timeInForce);
    }

    /**
     * Sends a NewOrderSingle. {@code ordType} 1 market, 2 limit, 3 stop, 4 stop-limit; {@code price} and
     * {@code stopPx} null to omit; {@code tif} 0 to omit.
     */
    public synchronized void newOrder(
        final String clOrdId,
        final String symbol,
        final char side,
        final char ordType,
        final String orderQty,
        final String price,
        final String stopPx,
        final char timeInForce)
    {
        header("D").put(FixTags.CL_ORD_ID, clOrdId).put(FixTags.SYMBOL, symbol).put(FixTags.SIDE, side)
            .putTimestampMs(FixTags.TRANSACT_TIME, System.currentTimeMillis())
            .put(FixTags.ORD_TYPE, ordType).put(FixTags.ORDER_QTY, orderQty).put(FixTags.PRICE, price)
            .put(FixTags.STOP_PX, stopPx);
        if (timeInForce != 0)
        {
            encoder.put(FixTags.TIME_IN_FORCE, timeInForce);
        }
        write(autoFlush);
    }

    /** Sends an OrderCancelRequest for the order with ClOrdID {@code origClOrdId}. */
    public synchronized void cancel(final String clOrdId, final String origClOrdId, final String symbol, final char side)
    {
        header("F").put(FixTags.ORIG_CL_ORD_ID, origClOrdId).put(FixTags.CL_ORD_ID, clOrdId)
            .put(FixTags.SYMBOL, symbol).put(FixTags.SIDE, side)
            .putTimestampMs(FixTags.TRANSACT_TIME, System.currentTimeMillis());
        write(autoFlush);
    }

    /** Sends an OrderCancelReplaceRequest: new total quantity and limit price. */
    public synchronized void replace(
        final String clOrdId,
        final String origClOrdId,
        final String symbol,
        final char side,
        final String orderQty,
        final String price)
    {
        header("G").put(FixTags.ORIG_CL_ORD_ID, origClOrdId).put(FixTags.CL_ORD_ID, clOrdId)
            .put(FixTags.SYMBOL, symbol).put(FixTags.SIDE, side).put(FixTags.ORD_TYPE, '2')
            .putTimestampMs(FixTags.TRANSACT_TIME, System.currentTimeMillis())
            .put(FixTags.ORDER_QTY, orderQty).put(FixTags.PRICE, price);
        write(autoFlush);
    }

    /** Sends an OrderMassCancelRequest for one symbol, or for all orders when {@code symbol} is null. */
    public synchronized void massCancel(final String clOrdId, final String symbol)
    {
        header("q").put(FixTags.CL_ORD_ID, clOrdId)
            .put(FixTags.MASS_CANCEL_REQUEST_TYPE, symbol == null ? '7' : '1').put(FixTags.SYMBOL, symbol)
            .putTimestampMs(FixTags.TRANSACT_TIME, System.currentTimeMillis());
        write(autoFlush);
    }

    /** Sends Logout; the exchange answers and closes. */
    public synchronized void logout()
    {
        header("5");
        write(true);
    }

    /** Sends raw bytes as they are (tests of malformed input). */
    public synchronized void sendRaw(final byte[] bytes)
    {
        flushBatch();
        channel.writeAndFlush(channel.alloc().buffer(bytes.length).writeBytes(bytes));
    }

    /** A fixed socket receive buffer (before {@link #connect}); 0 leaves the kernel's auto-tuning. */
    public FixClient receiveBufferBytes(final int bytes)
    {
        this.receiveBufferBytes = bytes;
        return this;
    }

    public synchronized FixClient autoFlush(final boolean autoFlush)
    {
        this.autoFlush = autoFlush;
        return this;
    }

    /** Sends what was batched since the last flush as one write. */
    public synchronized void flush()
    {
        flushBatch();
    }

    public synchronized long nextSenderSeqNum()
    {
        return nextSenderSeqNum;
    }

    /** Makes the next message skip ahead (tests of gap handling). */
    public synchronized void nextSenderSeqNum(final long seqNum)
    {
        nextSenderSeqNum = seqNum;
    }

    public long nextTargetSeqNum()
    {
        return nextTargetSeqNum;
    }

    public boolean isConnected()
    {
        return channel != null && channel.isActive();
    }

    public Channel channel()
    {
        return channel;
    }

    private FixEncoder header(final String msgType)
    {
        return encoder.begin(msgType).put(FixTags.SENDER_COMP_ID, senderCompId).put(FixTags.TARGET_COMP_ID, targetCompId)
            .put(FixTags.MSG_SEQ_NUM, nextSenderSeqNum++).putTimestampMs(FixTags.SENDING_TIME, System.currentTimeMillis());
    }

    /** Encodes into the batch buffer; with {@code flush} the batch goes out as one write. Caller holds the lock. */
    private void write(final boolean flush)
    {
        if (batch == null)
        {
            batch = channel.alloc().buffer(BATCH_BYTES);
        }
        encoder.writeTo(batch);
        if (flush || batch.readableBytes() >= BATCH_BYTES)
        {
            flushBatch();
        }
    }

    private void flushBatch()
    {
        if (batch != null)
        {
            final ByteBuf out = batch;
            batch = null;
            channel.writeAndFlush(out, channel.voidPromise());
        }
    }

    @Override
    public void close()
    {
        if (channel != null)
        {
            channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (ownsGroup)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private final class Inbound extends ByteToMessageDecoder
    {
        private final FixFramer framer = new FixFramer(MAX_MESSAGE_BYTES);
        private final FixMessage message = new FixMessage();

        @Override
        protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final java.util.List<Object> out)
        {
            while (in.isReadable())
            {
                final int result = framer.frame(in);
                if (result == FixFramer.NEED_MORE)
                {
                    return;
                }
                if (result == FixFramer.ERROR)
                {
                    in.skipBytes(framer.error() == FixParseError.CHECKSUM_MISMATCH ? framer.frameLength() : in.readableBytes());
                    continue;
                }
                if (message.parse(in, framer.bodyStart(), framer.bodyEnd()) == FixParseError.NONE)
                {
                    onMessage(message);
                }
                in.skipBytes(result);
            }
        }

        private void onMessage(final FixMessage message)
        {
            final char msgType = message.msgTypeChar();
            final long seqNum = message.getLong(FixTags.MSG_SEQ_NUM);
            if (msgType == '4' && !message.getFlag(FixTags.GAP_FILL_FLAG))
            {
                nextTargetSeqNum = message.getLong(FixTags.NEW_SEQ_NO);
                return;
            }
            if (seqNum >= nextTargetSeqNum)
            {
                nextTargetSeqNum = msgType == '4' ? message.getLong(FixTags.NEW_SEQ_NO) : seqNum + 1;
            }
            switch (msgType)
            {
                case 'A' -> loggedOn.complete(null);
                case '0', '4' ->
                {
                }
                case '1' ->
                {
                    synchronized (FixClient.this)
                    {
                        header("0").put(FixTags.TEST_REQ_ID, message.getString(FixTags.TEST_REQ_ID));
                        write(true);
                    }
                }
                case '2' ->
                {
                    synchronized (FixClient.this)
                    {
                        // No outbound store: skip the whole range with one GapFill at its start.
                        final long begin = message.getLong(FixTags.BEGIN_SEQ_NO);
                        encoder.begin("4").put(FixTags.SENDER_COMP_ID, senderCompId)
                            .put(FixTags.TARGET_COMP_ID, targetCompId).put(FixTags.MSG_SEQ_NUM, begin)
                            .put(FixTags.POSS_DUP_FLAG, 'Y')
                            .putTimestampMs(FixTags.SENDING_TIME, System.currentTimeMillis())
                            .putTimestampMs(FixTags.ORIG_SENDING_TIME, System.currentTimeMillis())
                            .put(FixTags.GAP_FILL_FLAG, 'Y').put(FixTags.NEW_SEQ_NO, nextSenderSeqNum);
                        write(true);
                    }
                    listener.onSessionMessage(msgType, message);
                }
                case '3', '5' -> listener.onSessionMessage(msgType, message);
                default -> listener.onMessage(msgType, message);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            loggedOn.completeExceptionally(new IllegalStateException("disconnected before logon"));
            listener.onDisconnected();
            super.channelInactive(ctx);
        }
    }
}
