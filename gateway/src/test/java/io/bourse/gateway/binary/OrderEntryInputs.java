package io.bourse.gateway.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.gateway.sbe.CancelOrderEncoder;
import io.bourse.gateway.sbe.HeartbeatEncoder;
import io.bourse.gateway.sbe.LogonEncoder;
import io.bourse.gateway.sbe.LogoutEncoder;
import io.bourse.gateway.sbe.MassCancelEncoder;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.bourse.gateway.sbe.MessageHeaderEncoder;
import io.bourse.gateway.sbe.NewOrderEncoder;
import io.bourse.gateway.sbe.ReplaceOrderEncoder;

/**
 * Seeded client input for the binary fuzz tests: random bytes, runs of well-formed frames (every client message, with
 * in-range and out-of-range field values, other accounts' credentials, blocks extended as a newer client would send
 * them) and such runs mutated (bytes replaced, bits flipped, truncated, SOFH or SBE header fields overwritten, bytes
 * appended), cut into random TCP reads. Single-threaded.
 */
final class OrderEntryInputs
{
    private static final long PRICE = 30_000_000_000L;
    private static final int MAX_EXTENSION = 24;

    private final Random random;
    private final int maxFrameLength;
    private final long[] accountIds;
    private final String[] secrets;
    private final UnsafeBuffer frame;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LogonEncoder logon = new LogonEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final MassCancelEncoder massCancel = new MassCancelEncoder();
    private final LogoutEncoder logout = new LogoutEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();

    /**
     * @param maxFrameLength the gateway's limit: some frames are exactly that long, some one byte longer.
     * @param secrets        the secret of each account in {@code accountIds}, same order.
     */
    OrderEntryInputs(final Random random, final int maxFrameLength, final long[] accountIds, final String[] secrets)
    {
        this.random = random;
        this.maxFrameLength = maxFrameLength;
        this.frame = new UnsafeBuffer(new byte[maxFrameLength + 1]);
        this.accountIds = accountIds;
        this.secrets = secrets;
    }

    /**
     * One client write: noise, well-formed frames, frames mutated anywhere (which mostly ends the session), or frames
     * mutated inside their SOFH frames (malformed messages the session answers and survives).
     */
    byte[] next()
    {
        switch (random.nextInt(8))
        {
            case 0:
                final byte[] noise = new byte[random.nextInt(300)];
                random.nextBytes(noise);
                return noise;
            case 1:
            case 2:
                return validFrames();
            case 3:
            case 4:
                return mutate(validFrames());
            default:
                return mutateWithinFrames();
        }
    }

    /** Cuts one write into the reads the server sees: usually whole, sometimes split at random points. */
    List<byte[]> reads(final byte[] bytes)
    {
        if (random.nextInt(4) != 0 || bytes.length < 2)
        {
            return List.of(bytes);
        }
        final List<byte[]> reads = new ArrayList<>();
        int position = 0;
        while (position < bytes.length)
        {
            final int length = 1 + random.nextInt(bytes.length - position);
            reads.add(Arrays.copyOfRange(bytes, position, position + length));
            position += length;
        }
        return reads;
    }

    /** A well-formed Logon of one of the accounts, usually with its own secret. */
    byte[] logon()
    {
        final int account = random.nextInt(accountIds.length);
        final String secret = random.nextInt(10) == 0 ? secrets[random.nextInt(secrets.length)] : secrets[account];
        return logonFrame(accountIds[account], secret, random.nextInt(4) == 0 ? 1 : 0, 0);
    }

    private byte[] validFrames()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++)
        {
            out.writeBytes(validFrame());
        }
        return out.toByteArray();
    }

    private byte[] validFrame()
    {
        final int kind = random.nextInt(40);
        if (kind < 4)
        {
            return randomLogon();
        }
        if (kind < 5)
        {
            logout.wrapAndApplyHeader(frame, Sofh.LENGTH, header);
            return frame(LogoutEncoder.BLOCK_LENGTH);
        }
        if (kind < 9)
        {
            heartbeat.wrapAndApplyHeader(frame, Sofh.LENGTH, header);
            return frame(HeartbeatEncoder.BLOCK_LENGTH);
        }
        if (kind < 15)
        {
            cancelOrder.wrapAndApplyHeader(frame, Sofh.LENGTH, header).orderId(orderId())
                .putOrigClientOrderId(optionalId(), 0);
            return frame(CancelOrderEncoder.BLOCK_LENGTH);
        }
        if (kind < 21)
        {
            replaceOrder.wrapAndApplyHeader(frame, Sofh.LENGTH, header).orderId(orderId())
                .putOrigClientOrderId(optionalId(), 0).putClientOrderId(optionalId(), 0)
                .priceMinor(price()).qtyMinor(qty());
            return frame(ReplaceOrderEncoder.BLOCK_LENGTH);
        }
        if (kind < 23)
        {
            massCancel.wrapAndApplyHeader(frame, Sofh.LENGTH, header).symbolId(symbolId());
            return frame(MassCancelEncoder.BLOCK_LENGTH);
        }
        return newOrderFrame();
    }

    private byte[] randomLogon()
    {
        final int pick = random.nextInt(accountIds.length);
        final long accountId = random.nextInt(10) == 0 ? random.nextLong() : accountIds[pick];
        final String secret;
        switch (random.nextInt(10))
        {
            case 0:
                secret = secrets[random.nextInt(secrets.length)];
                break;
            case 1:
                secret = "x" + random.nextInt(100);
                break;
            case 2:
                secret = "";
                break;
            default:
                secret = secrets[pick];
                break;
        }
        final int intervalMs;
        switch (random.nextInt(8))
        {
            case 0:
                intervalMs = random.nextInt();
                break;
            case 1:
                intervalMs = random.nextInt(200);
                break;
            case 2:
                intervalMs = 59_900 + random.nextInt(200);
                break;
            default:
                intervalMs = 0;
                break;
        }
        final int cancelOnDisconnect = random.nextInt(8) == 0 ? random.nextInt(256) : random.nextInt(2);
        final byte[] bytes = logonFrame(accountId, secret, cancelOnDisconnect, intervalMs);
        if (random.nextInt(20) == 0 && secret.length() > 0)
        {
            // A control character in the secret, or text after its zero padding.
            final int secretAt = Sofh.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + LogonEncoder.secretEncodingOffset();
            bytes[secretAt + random.nextInt(LogonEncoder.secretLength())] = (byte)(random.nextInt(2) == 0 ? 7 : 'x');
        }
        return bytes;
    }

    private byte[] logonFrame(final long accountId, final String secret, final int cancelOnDisconnect,
        final int heartbeatIntervalMs)
    {
        frame.setMemory(0, frame.capacity(), (byte)0);
        logon.wrapAndApplyHeader(frame, Sofh.LENGTH, header).accountId(accountId)
            .heartbeatIntervalMs(heartbeatIntervalMs);
        frame.putByte(logon.offset() + LogonEncoder.cancelOnDisconnectEncodingOffset(), (byte)cancelOnDisconnect);
        frame.putBytes(logon.offset() + LogonEncoder.secretEncodingOffset(), secret.getBytes(StandardCharsets.US_ASCII));
        return frame(LogonEncoder.BLOCK_LENGTH);
    }

    private byte[] newOrderFrame()
    {
        newOrder.wrapAndApplyHeader(frame, Sofh.LENGTH, header).putClientOrderId(requiredId(), 0)
            .symbolId(symbolId()).priceMinor(price()).stopPriceMinor(random.nextInt(3) == 0 ? price() : 0)
            .qtyMinor(qty()).expireTimeNs(random.nextInt(4) == 0 ? random.nextLong() : 0);
        final int at = newOrder.offset();
        frame.putByte(at + NewOrderEncoder.sideEncodingOffset(), enumByte(2, 1));
        frame.putByte(at + NewOrderEncoder.orderTypeEncodingOffset(), enumByte(4, 1));
        frame.putByte(at + NewOrderEncoder.timeInForceEncodingOffset(), enumByte(4, 1));
        frame.putByte(at + NewOrderEncoder.stpModeEncodingOffset(), enumByte(4, 0));
        frame.putByte(at + NewOrderEncoder.postOnlyEncodingOffset(), enumByte(2, 0));
        return frame(NewOrderEncoder.BLOCK_LENGTH);
    }

    /** Mostly a value of the schema's enum ({@code first} .. {@code first + count - 1}), sometimes any byte. */
    private byte enumByte(final int count, final int first)
    {
        return (byte)(random.nextInt(10) == 0 ? random.nextInt(256) : first + random.nextInt(count));
    }

    /**
     * Ends the message in {@link #frame} (SBE header at {@link Sofh#LENGTH}) and returns the frame's bytes; now and
     * then with a longer block, as a newer client would send, whose extra bytes the gateway must ignore, up to the
     * longest frame allowed or one byte more.
     */
    private byte[] frame(final int blockLength)
    {
        int actualBlockLength = blockLength;
        final int extend = random.nextInt(40);
        if (extend < 3)
        {
            actualBlockLength = extend == 0 ?
                maxFrameLength - Sofh.LENGTH - MessageHeaderDecoder.ENCODED_LENGTH + random.nextInt(2) :
                blockLength + 1 + random.nextInt(MAX_EXTENSION);
            header.wrap(frame, Sofh.LENGTH).blockLength(actualBlockLength);
            for (int i = blockLength; i < actualBlockLength; i++)
            {
                frame.putByte(Sofh.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + i, (byte)random.nextInt(256));
            }
        }
        final int length = Sofh.LENGTH + MessageHeaderDecoder.ENCODED_LENGTH + actualBlockLength;
        Sofh.put(frame, 0, length);
        final byte[] bytes = new byte[length];
        frame.getBytes(0, bytes);
        return bytes;
    }

    /** Well-formed frames with bytes changed after their SOFH, or cut short with the SOFH length cut to match. */
    private byte[] mutateWithinFrames()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++)
        {
            byte[] bytes = validFrame();
            final int mutations = random.nextInt(3);
            for (int m = 0; m < mutations; m++)
            {
                final int at = Sofh.LENGTH + random.nextInt(bytes.length - Sofh.LENGTH);
                switch (random.nextInt(5))
                {
                    case 0:
                        bytes[at] = (byte)random.nextInt(256);
                        break;
                    case 1:
                        bytes[at] ^= (byte)(1 << random.nextInt(8));
                        break;
                    case 2:
                        // Block length, template id or schema id.
                        bytes[Sofh.LENGTH + random.nextInt(6)] = (byte)random.nextInt(256);
                        break;
                    case 3:
                        // Template id to a neighbour: a message read as another of a different length.
                        bytes[Sofh.LENGTH + 2] = (byte)(random.nextInt(10));
                        bytes[Sofh.LENGTH + 3] = 0;
                        break;
                    default:
                        bytes = Arrays.copyOf(bytes, Math.max(Sofh.MIN_FRAME_LENGTH, at));
                        Sofh.put(new UnsafeBuffer(bytes), 0, bytes.length);
                        break;
                }
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private byte[] mutate(final byte[] frames)
    {
        byte[] bytes = frames;
        final int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++)
        {
            final int at = random.nextInt(bytes.length);
            switch (random.nextInt(7))
            {
                case 0:
                    bytes[at] = (byte)random.nextInt(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.nextInt(8));
                    break;
                case 2:
                    bytes = Arrays.copyOf(bytes, at);
                    break;
                case 3:
                    // Length field of the first frame.
                    bytes[random.nextInt(Math.min(4, bytes.length))] = (byte)random.nextInt(256);
                    break;
                case 4:
                    // Block length, template id or schema id of the first message.
                    if (bytes.length > Sofh.LENGTH + 6)
                    {
                        bytes[Sofh.LENGTH + random.nextInt(6)] = (byte)random.nextInt(256);
                    }
                    break;
                case 5:
                    // An enum or flag byte somewhere in the body.
                    bytes[at] = (byte)random.nextInt(8);
                    break;
                default:
                    final byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(8));
                    for (int i = bytes.length; i < longer.length; i++)
                    {
                        longer[i] = (byte)random.nextInt(256);
                    }
                    bytes = longer;
                    break;
            }
        }
        return bytes;
    }

    /** A 32-byte client order id field: usually printable and zero-padded, sometimes empty, full or broken. */
    private byte[] requiredId()
    {
        final byte[] id = new byte[AsciiField.ID_LENGTH];
        final int kind = random.nextInt(20);
        if (kind == 0)
        {
            return id;
        }
        if (kind == 1)
        {
            for (int i = 0; i < id.length; i++)
            {
                id[i] = (byte)(0x20 + random.nextInt(0x5F));
            }
            return id;
        }
        final byte[] text = ("c" + random.nextInt(200)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, id, 0, text.length);
        if (kind == 2)
        {
            final int notPrintable = random.nextInt(2) == 0 ? random.nextInt(0x20) : 0x7F + random.nextInt(0x81);
            id[random.nextInt(id.length)] = (byte)notPrintable;
        }
        else if (kind == 3)
        {
            id[text.length + 1 + random.nextInt(id.length - text.length - 1)] = 'x';
        }
        return id;
    }

    private byte[] optionalId()
    {
        return random.nextInt(2) == 0 ? new byte[AsciiField.ID_LENGTH] : requiredId();
    }

    private long orderId()
    {
        return random.nextInt(10) == 0 ? random.nextLong() : random.nextInt(50);
    }

    private int symbolId()
    {
        switch (random.nextInt(8))
        {
            case 0:
                return random.nextInt();
            case 1:
                return 0;
            default:
                return 1 + random.nextInt(3);
        }
    }

    private long price()
    {
        switch (random.nextInt(4))
        {
            case 0:
                return random.nextLong();
            case 1:
                return PRICE + (random.nextInt(2001) - 1000) * 10_000L;
            case 2:
                return random.nextInt(3) - 1;
            default:
                return PRICE + random.nextInt(1_000_000);
        }
    }

    private long qty()
    {
        switch (random.nextInt(3))
        {
            case 0:
                return random.nextLong();
            case 1:
                return (1 + random.nextInt(100)) * 10_000L;
            default:
                return random.nextInt(3) - 1;
        }
    }
}
