package io.bourse.gateway.fix.session;

import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;

/**
 * The persistent part of one FIX session: the account it is bound to, its two CompIDs and its two sequence numbers,
 * as a flyweight over the bytes of its file (memory-mapped) or of a heap buffer. Layout, little-endian:
 *
 * <pre>
 *  0  int   MAGIC
 *  4  int   VERSION
 *  8  long  account id
 * 16  int   length of the counterparty's CompID (UTF-8 bytes)
 * 20  int   length of our CompID
 * 24  int   CRC32C of bytes 0..23 and both CompIDs
 * 28  int   0
 * 32  long  inbound slot: the MsgSeqNum we expect from the counterparty next
 * 40  long  outbound slot: our next MsgSeqNum
 * 48  the counterparty's CompID, then ours
 * </pre>
 *
 * Everything outside the slots is written once, before the file gets its name, and is covered by the CRC. Each slot is
 * updated by one aligned 8-byte store, which a process crash cannot tear, and holds the number in its low 48 bits with
 * a CRC-16 of it in the high bits, so a slot that was damaged or never written fails {@link #validate} instead
 * of reading as a plausible number. Written by the event loop that owns the session.
 */
public final class SequenceRecord
{
    public static final int MAGIC = 0x5145_5346; // "FSEQ" in little-endian bytes
    public static final int VERSION = 1;
    /** The sequence numbers of a session that never completed a Logon: its history is unknown. */
    public static final long NULL_SEQ_NUM = 0;
    /** Largest sequence number a slot holds. */
    public static final long MAX_SEQ_NUM = (1L << 48) - 1;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int ACCOUNT_ID_OFFSET = 8;
    static final int CLIENT_LENGTH_OFFSET = 16;
    static final int OUR_LENGTH_OFFSET = 20;
    static final int CHECKSUM_OFFSET = 24;
    static final int INBOUND_OFFSET = 32;
    static final int OUTBOUND_OFFSET = 40;
    static final int HEADER_LENGTH = 48;
    /** CompIDs longer than this in UTF-8 bytes are refused, so a record stays within one disk sector. */
    public static final int MAX_COMP_ID_BYTES = 200;
    static final int MAX_LENGTH = HEADER_LENGTH + 2 * MAX_COMP_ID_BYTES;

    private static final int CHECK_SHIFT = 48;
    private static final int CRC16_POLYNOMIAL = 0x1021;
    private static final int CRC16_INITIAL = 0xFFFF;
    private static final int[] CRC16_TABLE = crc16Table();

    private final AtomicBuffer buffer;
    private final MappedByteBuffer mapping;
    private final long accountId;
    private final String clientCompId;
    private final String ourCompId;

    /** Wraps a record that {@link #validate} accepted; {@code mapping} is its file's mapping, or null on the heap. */
    SequenceRecord(final AtomicBuffer buffer, final MappedByteBuffer mapping)
    {
        this.buffer = buffer;
        this.mapping = mapping;
        this.accountId = buffer.getLong(ACCOUNT_ID_OFFSET);
        final int clientLength = buffer.getInt(CLIENT_LENGTH_OFFSET);
        this.clientCompId = buffer.getStringWithoutLengthUtf8(HEADER_LENGTH, clientLength);
        this.ourCompId = buffer.getStringWithoutLengthUtf8(HEADER_LENGTH + clientLength, buffer.getInt(OUR_LENGTH_OFFSET));
    }

    /** Bytes of the record of these CompIDs. */
    public static int length(final String clientCompId, final String ourCompId)
    {
        return HEADER_LENGTH + utf8(clientCompId).length + utf8(ourCompId).length;
    }

    /**
     * Writes a complete record, with both sequence numbers {@link #NULL_SEQ_NUM}, at offset 0 of {@code buffer}.
     * Throws IllegalArgumentException for a CompID longer than {@link #MAX_COMP_ID_BYTES}.
     */
    public static void write(
        final MutableDirectBuffer buffer, final long accountId, final String clientCompId, final String ourCompId)
    {
        final byte[] client = utf8(clientCompId);
        final byte[] ours = utf8(ourCompId);
        if (client.length > MAX_COMP_ID_BYTES || ours.length > MAX_COMP_ID_BYTES)
        {
            throw new IllegalArgumentException("CompID longer than " + MAX_COMP_ID_BYTES + " bytes");
        }
        buffer.setMemory(0, HEADER_LENGTH, (byte)0);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(ACCOUNT_ID_OFFSET, accountId);
        buffer.putInt(CLIENT_LENGTH_OFFSET, client.length);
        buffer.putInt(OUR_LENGTH_OFFSET, ours.length);
        buffer.putBytes(HEADER_LENGTH, client);
        buffer.putBytes(HEADER_LENGTH + client.length, ours);
        buffer.putInt(CHECKSUM_OFFSET, checksum(buffer, client.length + ours.length));
        buffer.putLong(INBOUND_OFFSET, slot(NULL_SEQ_NUM));
        buffer.putLong(OUTBOUND_OFFSET, slot(NULL_SEQ_NUM));
    }

    /** Why the {@code length} bytes at offset 0 of {@code buffer} are not a valid record, or null when they are. */
    public static String validate(final DirectBuffer buffer, final int length)
    {
        if (length < HEADER_LENGTH || length > MAX_LENGTH)
        {
            return "length " + length + " outside " + HEADER_LENGTH + ".." + MAX_LENGTH;
        }
        if (buffer.getInt(MAGIC_OFFSET) != MAGIC)
        {
            return "not a FIX session file (magic " + Integer.toHexString(buffer.getInt(MAGIC_OFFSET)) + ")";
        }
        if (buffer.getInt(VERSION_OFFSET) != VERSION)
        {
            return "unsupported version " + buffer.getInt(VERSION_OFFSET);
        }
        final int clientLength = buffer.getInt(CLIENT_LENGTH_OFFSET);
        final int ourLength = buffer.getInt(OUR_LENGTH_OFFSET);
        if (clientLength < 0 || ourLength < 0 || clientLength > MAX_COMP_ID_BYTES || ourLength > MAX_COMP_ID_BYTES ||
            HEADER_LENGTH + clientLength + ourLength != length)
        {
            return "CompID lengths " + clientLength + " and " + ourLength + " do not match the length " + length;
        }
        if (checksum(buffer, clientLength + ourLength) != buffer.getInt(CHECKSUM_OFFSET))
        {
            return "header checksum mismatch";
        }
        if (!isValidSlot(buffer.getLong(INBOUND_OFFSET)))
        {
            return "inbound sequence number damaged";
        }
        if (!isValidSlot(buffer.getLong(OUTBOUND_OFFSET)))
        {
            return "outbound sequence number damaged";
        }
        // A reset stores inbound before outbound: a crash between the two leaves only the inbound one set, which still
        // reads as a new session; the other way round cannot come from a crash.
        if (seqNum(buffer.getLong(INBOUND_OFFSET)) == NULL_SEQ_NUM && seqNum(buffer.getLong(OUTBOUND_OFFSET)) != NULL_SEQ_NUM)
        {
            return "outbound sequence number set without an inbound one";
        }
        return null;
    }

    public long accountId()
    {
        return accountId;
    }

    /** The counterparty's CompID: its SenderCompID(49), our TargetCompID(56). */
    public String clientCompId()
    {
        return clientCompId;
    }

    /** Our SenderCompID(49). */
    public String ourCompId()
    {
        return ourCompId;
    }

    /** The MsgSeqNum we expect from the counterparty next, or {@link #NULL_SEQ_NUM}. */
    public long nextInbound()
    {
        return seqNum(buffer.getLongVolatile(INBOUND_OFFSET));
    }

    /** Our next MsgSeqNum, or {@link #NULL_SEQ_NUM}. */
    public long nextOutbound()
    {
        return seqNum(buffer.getLongVolatile(OUTBOUND_OFFSET));
    }

    /** Stores the next inbound number, 1..{@link #MAX_SEQ_NUM}: one ordered 8-byte store. */
    public void nextInbound(final long seqNum)
    {
        buffer.putLongRelease(INBOUND_OFFSET, slot(seqNum));
    }

    /** Stores our next outbound number, 1..{@link #MAX_SEQ_NUM}: one ordered 8-byte store. */
    public void nextOutbound(final long seqNum)
    {
        buffer.putLongRelease(OUTBOUND_OFFSET, slot(seqNum));
    }

    MappedByteBuffer mapping()
    {
        return mapping;
    }

    /** The slot holding {@code seqNum}; throws for a number out of range (a caller's bug: inputs are checked first). */
    static long slot(final long seqNum)
    {
        if (seqNum < 0 || seqNum > MAX_SEQ_NUM)
        {
            throw new IllegalArgumentException("sequence number out of range: " + seqNum);
        }
        return seqNum | ((long)check(seqNum) << CHECK_SHIFT);
    }

    static boolean isValidSlot(final long slot)
    {
        return check(seqNum(slot)) == (int)(slot >>> CHECK_SHIFT);
    }

    private static long seqNum(final long slot)
    {
        return slot & MAX_SEQ_NUM;
    }

    /**
     * CRC-16/CCITT of the number's six bytes: it detects every error of up to three bits in the slot, and its non-zero
     * initial value makes an all-zero slot (a page never written) invalid.
     */
    private static int check(final long seqNum)
    {
        int crc = CRC16_INITIAL;
        for (int shift = CHECK_SHIFT - Byte.SIZE; shift >= 0; shift -= Byte.SIZE)
        {
            crc = ((crc << Byte.SIZE) ^ CRC16_TABLE[((crc >>> Byte.SIZE) ^ (int)(seqNum >>> shift)) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    private static int[] crc16Table()
    {
        final int[] table = new int[256];
        for (int i = 0; i < table.length; i++)
        {
            int crc = i << Byte.SIZE;
            for (int bit = 0; bit < Byte.SIZE; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ CRC16_POLYNOMIAL : crc << 1;
            }
            table[i] = crc & 0xFFFF;
        }
        return table;
    }

    private static int checksum(final DirectBuffer buffer, final int compIdBytes)
    {
        final CRC32C crc = new CRC32C();
        final byte[] bytes = new byte[CHECKSUM_OFFSET + compIdBytes];
        buffer.getBytes(0, bytes, 0, CHECKSUM_OFFSET);
        buffer.getBytes(HEADER_LENGTH, bytes, CHECKSUM_OFFSET, compIdBytes);
        crc.update(bytes);
        return (int)crc.getValue();
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
