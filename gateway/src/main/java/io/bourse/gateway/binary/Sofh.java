package io.bourse.gateway.binary;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.bourse.gateway.sbe.MessageHeaderDecoder;

/**
 * The Simple Open Framing Header: a 4-byte big-endian message length that counts the header itself, then a 2-byte
 * big-endian encoding type ({@link #SBE_LE_ENCODING} for SBE little-endian). Stateless.
 */
public final class Sofh
{
    public static final int LENGTH = 6;
    public static final int SBE_LE_ENCODING = 0x5BE0;
    /** The shortest acceptable frame: SOFH and an SBE message header (a message with an empty block). */
    public static final int MIN_FRAME_LENGTH = LENGTH + MessageHeaderDecoder.ENCODED_LENGTH;

    /** {@link #check} result: the frame is acceptable. */
    public static final int FRAME_OK = 0;
    /** {@link #check} result: the length field is below {@link #MIN_FRAME_LENGTH}. */
    public static final int FRAME_TOO_SHORT = 1;
    /** {@link #check} result: the length field is above the configured maximum. */
    public static final int FRAME_TOO_LONG = 2;
    /** {@link #check} result: the encoding type is not {@link #SBE_LE_ENCODING}. */
    public static final int FRAME_BAD_ENCODING = 3;

    private Sofh()
    {
    }

    /**
     * Validates the header fields of one frame.
     *
     * @param messageLength  the length field, as an unsigned 32-bit value in a long.
     * @param encodingType   the encoding type field (unsigned 16-bit).
     * @param maxFrameLength the largest accepted frame, header included.
     * @return {@link #FRAME_OK} or the first problem found.
     */
    public static int check(final long messageLength, final int encodingType, final int maxFrameLength)
    {
        if (messageLength < MIN_FRAME_LENGTH)
        {
            return FRAME_TOO_SHORT;
        }
        if (messageLength > maxFrameLength)
        {
            return FRAME_TOO_LONG;
        }
        if (encodingType != SBE_LE_ENCODING)
        {
            return FRAME_BAD_ENCODING;
        }
        return FRAME_OK;
    }

    /** Text for a {@link #check} result, for the disconnect log line. */
    public static String describe(final int checkResult)
    {
        switch (checkResult)
        {
            case FRAME_OK:
                return "ok";
            case FRAME_TOO_SHORT:
                return "frame shorter than SOFH + SBE header";
            case FRAME_TOO_LONG:
                return "frame longer than the maximum";
            case FRAME_BAD_ENCODING:
                return "encoding type is not 0x5BE0";
            default:
                return "unknown";
        }
    }

    /** The length field of the frame at {@code offset}, unsigned. */
    public static long messageLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    public static int encodingType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** Writes a header for a frame of {@code frameLength} bytes (header included). */
    public static void put(final MutableDirectBuffer buffer, final int offset, final int frameLength)
    {
        buffer.putInt(offset, frameLength, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + 4, (short)SBE_LE_ENCODING, ByteOrder.BIG_ENDIAN);
    }
}
