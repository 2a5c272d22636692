package io.bourse.gateway.binary;


import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Stamps the session's outbound sequence number into every frame as it is written, so messages from the event loop and
 * from the reply thread get gap-free numbers in wire order. Every outbound template starts with its seqNo. One per
 * channel; event-loop thread only.
 */
final class SeqNoStamper extends ChannelDuplexHandler
{
    private long lastSeqNo;

    @Override
    public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise)
    {
        if (msg instanceof ByteBuf)
        {
            final ByteBuf frames = (ByteBuf)msg;
            int position = frames.readerIndex();
            final int end = frames.writerIndex();
            while (position + OutboundEncoder.SEQ_NO_OFFSET + Long.BYTES <= end)
            {
                final int frameLength = frames.getInt(position);
                frames.setLongLE(position + OutboundEncoder.SEQ_NO_OFFSET, ++lastSeqNo);
                position += frameLength;
            }
        }
        ctx.write(msg, promise);
    }

    /** The sequence number of the last message written. */
    long lastSeqNo()
    {
        return lastSeqNo;
    }

}
