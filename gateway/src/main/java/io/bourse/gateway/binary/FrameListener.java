package io.bourse.gateway.binary;

import org.agrona.DirectBuffer;

/** Receives whole SOFH frames from a {@link SofhFrameDecoder}, on the channel's event loop. */
public interface FrameListener
{
    /**
     * @param buffer holds the SBE message (header + block) from {@code offset}, without the SOFH; valid only during the
     *               call.
     */
    void onMessage(DirectBuffer buffer, int offset, int length);

    /** The stream broke the framing rules; the decoder reads nothing more from this connection. */
    void onFramingError(int checkResult, long messageLength, int encodingType);
}
