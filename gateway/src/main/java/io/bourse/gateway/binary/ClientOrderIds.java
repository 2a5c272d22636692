package io.bourse.gateway.binary;

import org.agrona.DirectBuffer;

import io.bourse.engine.command.AsciiField;

/**
 * Checks 32-byte client order id fields as they arrive: printable ASCII, then only zero padding. The engine compares
 * ids as bytes and does not validate characters, so the gateway does. Stateless.
 */
public final class ClientOrderIds
{
    public static final int EMPTY = 0;
    public static final int VALID = 1;
    public static final int INVALID = 2;

    private ClientOrderIds()
    {
    }

    /** @return {@link #EMPTY} (all zeros), {@link #VALID} or {@link #INVALID}. */
    public static int check(final DirectBuffer buffer, final int offset)
    {
        int length = 0;
        while (length < AsciiField.ID_LENGTH)
        {
            final byte b = buffer.getByte(offset + length);
            if (b == 0)
            {
                break;
            }
            if (b < 0x20 || b > 0x7E)
            {
                return INVALID;
            }
            length++;
        }
        for (int i = length; i < AsciiField.ID_LENGTH; i++)
        {
            if (buffer.getByte(offset + i) != 0)
            {
                return INVALID;
            }
        }
        return length == 0 ? EMPTY : VALID;
    }
}
