package io.bourse.gateway.binary;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Splits the inbound byte stream into SOFH frames and hands each message to a {@link FrameListener}, copied into a
 * reused buffer (frames are small), so decoding allocates nothing. A frame that is too short, too long or of another
 * encoding type is reported once and everything after it is discarded: the stream cannot be resynchronised. One per
 * channel; event-loop thread only.
 */
public final class SofhFrameDecoder extends ByteToMessageDecoder
{
    private final int maxFrameLength;
    private final FrameListener listener;
    private final UnsafeBuffer frame;
    private boolean broken;

    public SofhFrameDecoder(final int maxFrameLength, final FrameListener listener)
    {
        if (maxFrameLength < Sofh.MIN_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("max frame length below " + Sofh.MIN_FRAME_LENGTH + ": " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        this.listener = listener;
        this.frame = new UnsafeBuffer(new byte[maxFrameLength]);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        while (!broken && in.readableBytes() >= Sofh.LENGTH)
        {
            final int start = in.readerIndex();
            final long messageLength = in.getUnsignedInt(start);
            final int encodingType = in.getUnsignedShort(start + 4);
            final int check = Sofh.check(messageLength, encodingType, maxFrameLength);
            if (check != Sofh.FRAME_OK)
            {
                broken = true;
                in.skipBytes(in.readableBytes());
                listener.onFramingError(check, messageLength, encodingType);
                return;
            }
            if (in.readableBytes() < messageLength)
            {
                return;
            }
            final int messageBytes = (int)messageLength - Sofh.LENGTH;
            in.getBytes(start + Sofh.LENGTH, frame.byteArray(), 0, messageBytes);
            in.skipBytes((int)messageLength);
            listener.onMessage(frame, 0, messageBytes);
        }
        if (broken)
        {
            in.skipBytes(in.readableBytes());
        }
    }

    /**
     * Frames go straight to the listener instead of down the pipeline, so the base class would think nothing was
     * decoded and ask for another read even with auto-read off; a paused connection must stay paused.
     */
    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        discardSomeReadBytes();
        ctx.fireChannelReadComplete();
    }
}
