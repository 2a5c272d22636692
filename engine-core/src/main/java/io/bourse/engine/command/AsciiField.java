package io.bourse.engine.command;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Fixed-length, zero-padded US-ASCII fields of the SBE schema (client order ids, external refs, reasons), read
 * and written in place so the hot path never builds a String. A 32-byte id is compared as four little-endian words.
 */
public final class AsciiField
{
    public static final int ID_LENGTH = 32;
    public static final int ID_WORDS = ID_LENGTH / Long.BYTES;
    public static final int REASON_LENGTH = 64;

    private AsciiField()
    {
    }

    /** Word {@code index} (0..3) of a 32-byte id at {@code offset}. */
    public static long word(final DirectBuffer buffer, final int offset, final int index)
    {
        return buffer.getLong(offset + index * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
    }

    /** True when every byte of the field is zero. */
    public static boolean isEmptyId(final DirectBuffer buffer, final int offset)
    {
        for (int i = 0; i < ID_WORDS; i++)
        {
            if (word(buffer, offset, i) != 0)
            {
                return false;
            }
        }
        return true;
    }

    /** True when every byte of a field of {@code length} bytes is zero or a space: a missing reason. */
    public static boolean isBlank(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final byte b = buffer.getByte(offset + i);
            if (b != 0 && b != ' ')
            {
                return false;
            }
        }
        return true;
    }

    /** Writes an id from four words. */
    public static void putWords(
        final MutableDirectBuffer buffer, final int offset, final long w0, final long w1, final long w2, final long w3)
    {
        buffer.putLong(offset, w0, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + Long.BYTES, w1, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 2 * Long.BYTES, w2, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + 3 * Long.BYTES, w3, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes {@code text} zero-padded into a field of {@code length} bytes.
     *
     * @throws IllegalArgumentException if the text is longer than the field or not printable ASCII.
     */
    public static void put(final MutableDirectBuffer buffer, final int offset, final int length, final CharSequence text)
    {
        final int textLength = text == null ? 0 : text.length();
        if (textLength > length)
        {
            throw new IllegalArgumentException("text longer than " + length + " characters: " + text);
        }
        for (int i = 0; i < length; i++)
        {
            byte b = 0;
            if (i < textLength)
            {
                final char c = text.charAt(i);
                if (c < 0x20 || c > 0x7E)
                {
                    throw new IllegalArgumentException("not printable ASCII at " + i + ": " + text);
                }
                b = (byte)c;
            }
            buffer.putByte(offset + i, b);
        }
    }

    /** The field as a String without its zero padding (allocates; not for the hot path). */
    public static String toString(final DirectBuffer buffer, final int offset, final int length)
    {
        int end = 0;
        while (end < length && buffer.getByte(offset + end) != 0)
        {
            end++;
        }
        final byte[] bytes = new byte[end];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
