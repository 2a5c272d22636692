package io.bourse.engine.snapshot;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The header that wraps {@link io.bourse.engine.SnapshotCodec} bytes in a snapshot file: magic, format version, the
 * engine sequence and engine time covered, the payload length, and a CRC32C of those fields. The codec's own trailer
 * checks the payload. Little-endian; stateless.
 */
final class SnapshotFileFormat
{
    /** "BOURSNPF" in ASCII, little-endian. */
    static final long MAGIC = 0x46504E5352554F42L;
    static final int VERSION = 1;
    static final int SEQUENCE_OFFSET = 12;
    static final int TIME_OFFSET = 20;
    static final int PAYLOAD_LENGTH_OFFSET = 28;
    static final int CRC_OFFSET = 32;
    static final int HEADER_LENGTH = 36;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SnapshotFileFormat()
    {
    }

    static void writeHeader(
        final MutableDirectBuffer buffer, final long engineSequence, final long engineTimeNs, final int payloadLength)
    {
        buffer.putLong(0, MAGIC, ORDER);
        buffer.putInt(Long.BYTES, VERSION, ORDER);
        buffer.putLong(SEQUENCE_OFFSET, engineSequence, ORDER);
        buffer.putLong(TIME_OFFSET, engineTimeNs, ORDER);
        buffer.putInt(PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
        buffer.putInt(CRC_OFFSET, headerCrc(buffer), ORDER);
    }

    /**
     * Checks the header of a whole file's bytes against the sequence in its name.
     *
     * @return the payload length.
     * @throws IllegalArgumentException naming what is wrong.
     */
    static int verifyHeader(final DirectBuffer file, final int fileLength, final long expectedSequence)
    {
        if (fileLength < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("truncated: " + fileLength + " bytes, shorter than the header");
        }
        if (file.getLong(0, ORDER) != MAGIC)
        {
            throw new IllegalArgumentException("not a Bourse snapshot file (bad magic)");
        }
        if (file.getInt(CRC_OFFSET, ORDER) != headerCrc(file))
        {
            throw new IllegalArgumentException("header checksum mismatch");
        }
        final int version = file.getInt(Long.BYTES, ORDER);
        if (version != VERSION)
        {
            throw new IllegalArgumentException("file format version " + version + ", expected " + VERSION);
        }
        final long sequence = file.getLong(SEQUENCE_OFFSET, ORDER);
        if (sequence != expectedSequence)
        {
            throw new IllegalArgumentException("covers sequence " + sequence + " but is named for " + expectedSequence);
        }
        final int payloadLength = file.getInt(PAYLOAD_LENGTH_OFFSET, ORDER);
        if (payloadLength < 0 || (long)HEADER_LENGTH + payloadLength != fileLength)
        {
            throw new IllegalArgumentException("truncated or padded: " + fileLength + " bytes, header says " +
                ((long)HEADER_LENGTH + payloadLength));
        }
        return payloadLength;
    }

    static long engineTimeNs(final DirectBuffer file)
    {
        return file.getLong(TIME_OFFSET, ORDER);
    }

    private static int headerCrc(final DirectBuffer buffer)
    {
        final byte[] fields = new byte[CRC_OFFSET];
        buffer.getBytes(0, fields);
        final CRC32C crc = new CRC32C();
        crc.update(fields);
        return (int)crc.getValue();
    }
}
