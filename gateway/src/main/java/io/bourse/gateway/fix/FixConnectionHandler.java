package io.bourse.gateway.fix;

import java.util.List;

import io.bourse.gateway.fix.codec.FixFramer;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixParseError;
import io.bourse.gateway.fix.session.FixSession;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Frames the inbound byte stream of one connection into FIX messages (across any TCP read boundaries) and hands each
 * to its {@link FixSession} as a flyweight over the receive buffer: nothing is copied and nothing is queued. Runs on
 * the connection's event loop; anything unexpected closes this connection only.
 */
final class FixConnectionHandler extends ByteToMessageDecoder
{
    private static final System.Logger LOG = System.getLogger(FixConnectionHandler.class.getName());

    private final FixSession session;
    private final FixFramer framer;
    private final FixMessage message = new FixMessage();
    private boolean broken;
    private int exceptions;

    FixConnectionHandler(final FixSession session, final int maxMessageBytes)
    {
        this.session = session;
        this.framer = new FixFramer(maxMessageBytes);
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        session.onConnected();
        super.channelActive(ctx);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        while (in.isReadable())
        {
            if (broken)
            {
                in.skipBytes(in.readableBytes());
                return;
            }
            final int result = framer.frame(in);
            if (result == FixFramer.NEED_MORE)
            {
                return;
            }
            if (result == FixFramer.ERROR)
            {
                if (framer.error() == FixParseError.CHECKSUM_MISMATCH)
                {
                    in.skipBytes(framer.frameLength());
                    session.onChecksumMismatch();
                    continue;
                }
                broken = true;
                in.skipBytes(in.readableBytes());
                session.onFramingError(framer.error());
                return;
            }
            final FixParseError error = message.parse(in, framer.bodyStart(), framer.bodyEnd());
            session.onMessage(message, error);
            in.skipBytes(result);
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx) throws Exception
    {
        session.flush();
        super.channelReadComplete(ctx);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        session.onDisconnected();
        super.channelInactive(ctx);
    }

    /** Unexpected exceptions this connection closed on: always 0 unless the gateway has a bug (fuzz tests check). */
    int exceptions()
    {
        return exceptions;
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof java.io.IOException)
        {
            // resets and broken pipes are the peer's doing, not ours
            LOG.log(System.Logger.Level.INFO, "FIX connection {0} closed: {1}", ctx.channel().remoteAddress(), cause.toString());
        }
        else
        {
            exceptions++;
            LOG.log(System.Logger.Level.ERROR, "FIX connection " + ctx.channel().remoteAddress() + " closed: " + cause, cause);
        }
        session.onDisconnected();
        ctx.close();
    }
}
