package io.bourse.engine.reference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.state.StateHasher;

/**
 * A 32-byte ASCII id field (client order id or external ref) held as its four little-endian words, so two ids are
 * equal exactly when all 32 bytes are; all zero words is the empty id.
 */
record AsciiId(long w0, long w1, long w2, long w3)
{
    static final AsciiId EMPTY = new AsciiId(0, 0, 0, 0);

    /** The id in the 32 bytes of {@code field}. */
    static AsciiId of(final byte[] field)
    {
        final ByteBuffer words = ByteBuffer.wrap(field).order(ByteOrder.LITTLE_ENDIAN);
        return new AsciiId(words.getLong(0), words.getLong(8), words.getLong(16), words.getLong(24));
    }

    boolean isEmpty()
    {
        return w0 == 0 && w1 == 0 && w2 == 0 && w3 == 0;
    }

    /** The 32 bytes of the field, exactly as they arrived. */
    byte[] bytes()
    {
        final byte[] field = new byte[AsciiField.ID_LENGTH];
        ByteBuffer.wrap(field).order(ByteOrder.LITTLE_ENDIAN).putLong(w0).putLong(w1).putLong(w2).putLong(w3);
        return field;
    }

    /** {@code digest(ref)} of docs/semantics.md §11. */
    long digest()
    {
        return StateHasher.digest(w0, w1, w2, w3);
    }

    /** Adds the four words to a state hash. */
    void addTo(final StateHasher hasher)
    {
        hasher.add(w0).add(w1).add(w2).add(w3);
    }
}
