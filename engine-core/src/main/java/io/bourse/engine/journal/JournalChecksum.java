package io.bourse.engine.journal;

import java.util.zip.CRC32C;

import io.bourse.sbe.JournalEntryEncoder;
import io.bourse.sbe.MessageHeaderEncoder;

/**
 * The CRC32C of an encoded JournalEntry (message header at offset 0): first the fields engineSequence, engineTimeNs
 * and eventCount exactly as encoded (little-endian, 20 bytes), then both var-data fields exactly as encoded (each
 * 4-byte length followed by its bytes) to the end of the message. The message header and the checksum field itself
 * are not covered; the decoder checks the header separately. Allocation-free; one instance per thread.
 */
final class JournalChecksum
{
    private static final int FIELDS_OFFSET =
        MessageHeaderEncoder.ENCODED_LENGTH + JournalEntryEncoder.engineSequenceEncodingOffset();
    private static final int FIELDS_LENGTH =
        JournalEntryEncoder.checksumEncodingOffset() - JournalEntryEncoder.engineSequenceEncodingOffset();
    /** Where the var-data fields start: the command's length prefix. */
    static final int VAR_DATA_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + JournalEntryEncoder.BLOCK_LENGTH;

    static
    {
        // The two covered regions assume this block layout; fail at class load if the schema moves a field.
        if (JournalEntryEncoder.engineSequenceEncodingOffset() != 0 ||
            JournalEntryEncoder.eventCountEncodingOffset() + Integer.BYTES != JournalEntryEncoder.checksumEncodingOffset() ||
            JournalEntryEncoder.checksumEncodingOffset() + Long.BYTES != JournalEntryEncoder.BLOCK_LENGTH)
        {
            throw new IllegalStateException("JournalEntry block layout changed: update JournalChecksum");
        }
    }

    private final CRC32C crc = new CRC32C();

    /** CRC32C of the entry encoded in {@code entry[0, length)}, as an unsigned 32-bit value. */
    long compute(final byte[] entry, final int length)
    {
        crc.reset();
        crc.update(entry, FIELDS_OFFSET, FIELDS_LENGTH);
        crc.update(entry, VAR_DATA_OFFSET, length - VAR_DATA_OFFSET);
        return crc.getValue();
    }
}
