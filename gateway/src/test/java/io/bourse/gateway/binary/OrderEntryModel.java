package io.bourse.gateway.binary;

import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.sbe.CancelOrderDecoder;
import io.bourse.gateway.sbe.HeartbeatDecoder;
import io.bourse.gateway.sbe.LogonDecoder;
import io.bourse.gateway.sbe.LogonRejectReason;
import io.bourse.gateway.sbe.LogoutDecoder;
import io.bourse.gateway.sbe.LogoutReason;
import io.bourse.gateway.sbe.MassCancelDecoder;
import io.bourse.gateway.sbe.NewOrderDecoder;
import io.bourse.gateway.sbe.RejectReason;
import io.bourse.gateway.sbe.ReplaceOrderDecoder;
import io.bourse.gateway.sbe.RequestType;

/**
 * What one binary connection should do, written from the protocol as documented (docs/binary-protocol.md, the
 * schema's comments) rather than from the gateway's code: fed the bytes of each read, it predicts every message the
 * gateway sends back, every command it tries to publish, and whether the connection stays open. It frames the stream
 * itself (SOFH), checks SBE headers and block lengths itself, and decides logons from its own copy of the credentials,
 * reading fields with the generated flyweights only. A logon is authenticated off the event loop, so it completes
 * at the end of the read that carried it. Single-threaded.
 */
final class OrderEntryModel
{
    private static final int CONNECTED = 0;
    private static final int LOGON_PENDING = 1;
    private static final int LOGGED_ON = 2;
    private static final int CLOSED = 3;
    private static final int HEADER_LENGTH = 8;
    private static final int SCHEMA_ID = 7302;
    private static final int ENCODING_SBE_LE = 0x5BE0;
    private static final int SOFH_LENGTH = 6;
    private static final int MIN_FRAME = SOFH_LENGTH + HEADER_LENGTH;
    private static final int NO_SIDE = 255;
    private static final long NO_ACCOUNT = Long.MIN_VALUE;
    /** How {@link WireText} writes an all-zero client order id. */
    private static final String NO_ID = "\"\"";

    private final GatewaySettings settings;
    private final long[] accountIds;
    private final String[] secrets;
    private final Map<String, Long> outcomes;
    private final List<String> outbound = new ArrayList<>();
    private final ArrayDeque<String> commands = new ArrayDeque<>();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private final LogonDecoder logon = new LogonDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private byte[] buffered = new byte[0];
    private boolean broken;
    private int state = CONNECTED;
    private long accountId = NO_ACCOUNT;
    private boolean cancelOnDisconnect;
    private boolean logonAuthenticates;
    private long logonAccountId;
    private int logonIntervalMs;
    private boolean logonCancelOnDisconnect;
    private long publishResult;
    private long protocolErrors;

    /**
     * @param secrets  the secret of each account in {@code accountIds}; any other logon fails.
     * @param outcomes counts of what happened, by kind, for the run's summary; shared by all connections.
     */
    OrderEntryModel(final GatewaySettings settings, final long[] accountIds, final String[] secrets,
        final Map<String, Long> outcomes)
    {
        this.settings = settings;
        this.accountIds = accountIds;
        this.secrets = secrets;
        this.outcomes = outcomes;
    }

    /**
     * One read of {@code bytes} and its completion.
     *
     * @param publishResult what the engine's ring answers during it: a sequence, {@code BUSY} or {@code FAILED}.
     */
    void onRead(final byte[] bytes, final long publishResult)
    {
        this.publishResult = publishResult;
        final int length = buffered.length;
        buffered = Arrays.copyOf(buffered, length + bytes.length);
        System.arraycopy(bytes, 0, buffered, length, bytes.length);
        frame();
        if (state == LOGON_PENDING)
        {
            completeLogon();
        }
    }

    /** The client dropped the connection. */
    void onClientClose(final long publishResult)
    {
        this.publishResult = publishResult;
        close();
    }

    boolean isOpen()
    {
        return state != CLOSED;
    }

    boolean isLoggedOn()
    {
        return state == LOGGED_ON;
    }

    /** The account this connection logged on with, once its logon was accepted. */
    long accountId()
    {
        return accountId;
    }

    /** Messages the gateway should have sent since the last call, in order; the list is reused. */
    List<String> takeOutbound()
    {
        return outbound;
    }

    /** Commands the gateway should try to publish, oldest first, as {@link WireText} writes them. */
    ArrayDeque<String> commands()
    {
        return commands;
    }

    /** Framing errors and malformed messages so far, as the gateway's metrics count them. */
    long protocolErrors()
    {
        return protocolErrors;
    }

    /** Bytes received but not yet part of a whole frame: never a frame's worth. */
    int bufferedBytes()
    {
        return buffered.length;
    }

    private void frame()
    {
        int position = 0;
        while (!broken && buffered.length - position >= SOFH_LENGTH)
        {
            final long frameLength = (buffered[position] & 0xFFL) << 24 | (buffered[position + 1] & 0xFF) << 16 |
                (buffered[position + 2] & 0xFF) << 8 | buffered[position + 3] & 0xFF;
            final int encoding = (buffered[position + 4] & 0xFF) << 8 | buffered[position + 5] & 0xFF;
            final String error = frameLength < MIN_FRAME ? "too short" : frameLength > settings.maxFrameLength() ?
                "too long" : encoding != ENCODING_SBE_LE ? "not SBE" : null;
            if (error != null)
            {
                // The stream cannot be resynchronised: everything after a bad SOFH is dropped.
                broken = true;
                protocolErrors++;
                count("framing error: " + error);
                if (state != CLOSED)
                {
                    send(WireText.loggedOut(LogoutReason.PROTOCOL_ERROR));
                    close();
                }
                break;
            }
            if (buffered.length - position < frameLength)
            {
                break;
            }
            if (state != CLOSED)
            {
                if (frameLength == settings.maxFrameLength())
                {
                    count("frame of the maximum length");
                }
                onMessage(Arrays.copyOfRange(buffered, position + SOFH_LENGTH, position + (int)frameLength));
            }
            position += (int)frameLength;
        }
        buffered = broken ? new byte[0] : Arrays.copyOfRange(buffered, position, buffered.length);
    }

    private void onMessage(final byte[] bytes)
    {
        message.wrap(bytes);
        final int blockLength = message.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int templateId = message.getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int schemaId = message.getShort(4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int bodyLength = bytes.length - HEADER_LENGTH;
        if (schemaId != SCHEMA_ID)
        {
            malformed(templateId, RejectReason.BAD_BLOCK_LENGTH);
            return;
        }
        final int minimumBlockLength = minimumBlockLength(templateId);
        if (minimumBlockLength < 0)
        {
            malformed(templateId, RejectReason.UNKNOWN_TEMPLATE);
            return;
        }
        if (blockLength < minimumBlockLength || blockLength > bodyLength)
        {
            malformed(templateId, RejectReason.BAD_BLOCK_LENGTH);
            return;
        }
        switch (templateId)
        {
            case LogonDecoder.TEMPLATE_ID:
                onLogon(logon.wrap(message, HEADER_LENGTH, blockLength, 0));
                break;
            case LogoutDecoder.TEMPLATE_ID:
                count("logout");
                send(WireText.loggedOut(LogoutReason.CLIENT_REQUEST));
                close();
                break;
            case HeartbeatDecoder.TEMPLATE_ID:
                count("heartbeat");
                break;
            case NewOrderDecoder.TEMPLATE_ID:
                onNewOrder(newOrder.wrap(message, HEADER_LENGTH, blockLength, 0));
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                onCancelOrder(cancelOrder.wrap(message, HEADER_LENGTH, blockLength, 0));
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                onReplaceOrder(replaceOrder.wrap(message, HEADER_LENGTH, blockLength, 0));
                break;
            default:
                onMassCancel(massCancel.wrap(message, HEADER_LENGTH, blockLength, 0));
                break;
        }
    }

    /**
     * The block length of each client-to-gateway template, summed from the schema's field sizes rather than taken from
     * the generated codecs: a schema change that moves a block shows here as a difference to look at.
     */
    private static int minimumBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case LogonDecoder.TEMPLATE_ID:
                return 8 + 4 + 1 + 64;
            case LogoutDecoder.TEMPLATE_ID:
            case HeartbeatDecoder.TEMPLATE_ID:
                return 0;
            case NewOrderDecoder.TEMPLATE_ID:
                return 32 + 4 + 5 + 8 * 4;
            case CancelOrderDecoder.TEMPLATE_ID:
                return 8 + 32;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return 8 + 32 + 32 + 8 + 8;
            case MassCancelDecoder.TEMPLATE_ID:
                return 4;
            default:
                return -1;
        }
    }

    private void malformed(final int templateId, final RejectReason reason)
    {
        protocolErrors++;
        sessionReject(templateId, reason);
    }

    private void onLogon(final LogonDecoder logon)
    {
        if (state != CONNECTED)
        {
            sessionReject(LogonDecoder.TEMPLATE_ID, RejectReason.ALREADY_LOGGED_ON);
            return;
        }
        final int requestedMs = logon.heartbeatIntervalMs();
        final int intervalMs = requestedMs == 0 ? settings.heartbeatIntervalMs() : requestedMs;
        if (intervalMs < settings.minHeartbeatIntervalMs() || intervalMs > settings.maxHeartbeatIntervalMs())
        {
            count("logon rejected: heartbeat interval");
            send(WireText.logonRejected(LogonRejectReason.INVALID_HEARTBEAT_INTERVAL));
            close();
            return;
        }
        state = LOGON_PENDING;
        logonAccountId = logon.accountId();
        logonIntervalMs = intervalMs;
        logonCancelOnDisconnect = logon.cancelOnDisconnectRaw() == 1 || settings.cancelOnDisconnect();
        logonAuthenticates = authenticates(
            logon.accountId(), secret(logon.offset() + LogonDecoder.secretEncodingOffset()));
    }

    private void completeLogon()
    {
        if (!logonAuthenticates)
        {
            count("logon rejected: credentials");
            send(WireText.logonRejected(LogonRejectReason.BAD_CREDENTIALS));
            close();
            return;
        }
        count(logonCancelOnDisconnect ? "logon accepted, cancel on disconnect" : "logon accepted");
        state = LOGGED_ON;
        accountId = logonAccountId;
        cancelOnDisconnect = logonCancelOnDisconnect;
        send(WireText.logonAccepted(accountId, logonIntervalMs));
    }

    /** The secret field as text if it is printable ASCII followed only by zero padding, else null. */
    private String secret(final int offset)
    {
        final int length = LogonDecoder.secretLength();
        int end = 0;
        while (end < length && message.getByte(offset + end) != 0)
        {
            end++;
        }
        for (int i = 0; i < length; i++)
        {
            final int b = message.getByte(offset + i) & 0xFF;
            if (i < end ? b < 0x20 || b > 0x7E : b != 0)
            {
                return null;
            }
        }
        return end == 0 ? null : message.getStringWithoutLengthAscii(offset, end);
    }

    private boolean authenticates(final long accountId, final String secret)
    {
        for (int i = 0; i < accountIds.length; i++)
        {
            if (accountIds[i] == accountId)
            {
                return secrets[i].equals(secret);
            }
        }
        return false;
    }

    private void onNewOrder(final NewOrderDecoder order)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(NewOrderDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final int idOffset = order.offset() + NewOrderDecoder.clientOrderIdEncodingOffset();
        final String id = WireText.id(message, idOffset);
        final int idCheck = idCheck(idOffset);
        if (idCheck != ClientOrderIds.VALID)
        {
            rejectNewOrder(order, id, idCheck == ClientOrderIds.EMPTY ?
                RejectReason.MISSING_CLIENT_ORDER_ID : RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }
        publish("PlaceOrder", WireText.placeOrder(accountId, order.symbolId(), id, order.sideRaw(),
            order.orderTypeRaw(), order.timeInForceRaw(), order.stpModeRaw(), order.postOnlyRaw(), order.priceMinor(),
            order.stopPriceMinor(), order.qtyMinor(), order.expireTimeNs()));
        if (publishResult == CommandPublisher.BUSY)
        {
            send(WireText.busy(RequestType.NEW_ORDER, 0, id));
        }
        else if (publishResult == CommandPublisher.FAILED)
        {
            rejectNewOrder(order, id, RejectReason.ENGINE_UNAVAILABLE);
        }
    }

    private void rejectNewOrder(final NewOrderDecoder order, final String id, final RejectReason reason)
    {
        count("new order rejected: " + reason);
        final short side = order.sideRaw();
        send(WireText.newOrderRejected(id, order.symbolId(), side == 1 || side == 2 ? side : NO_SIDE,
            order.priceMinor(), order.qtyMinor(), reason));
    }

    private void onCancelOrder(final CancelOrderDecoder cancel)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(CancelOrderDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final int idOffset = cancel.offset() + CancelOrderDecoder.origClientOrderIdEncodingOffset();
        final String id = WireText.id(message, idOffset);
        if (idCheck(idOffset) == ClientOrderIds.INVALID)
        {
            cancelReject(RequestType.CANCEL_ORDER, cancel.orderId(), id, RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }
        publish("CancelOrder", WireText.cancelOrder(accountId, cancel.orderId(), id));
        refusedByRing(RequestType.CANCEL_ORDER, cancel.orderId(), id);
    }

    private void onReplaceOrder(final ReplaceOrderDecoder replace)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(ReplaceOrderDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        final int idOffset = replace.offset() + ReplaceOrderDecoder.clientOrderIdEncodingOffset();
        final int origIdOffset = replace.offset() + ReplaceOrderDecoder.origClientOrderIdEncodingOffset();
        final String id = WireText.id(message, idOffset);
        if (idCheck(idOffset) == ClientOrderIds.INVALID || idCheck(origIdOffset) == ClientOrderIds.INVALID)
        {
            cancelReject(RequestType.REPLACE_ORDER, replace.orderId(), id, RejectReason.INVALID_CLIENT_ORDER_ID);
            return;
        }
        publish("ReplaceOrder", WireText.replaceOrder(accountId, replace.orderId(), WireText.id(message, origIdOffset),
            id, replace.priceMinor(), replace.qtyMinor()));
        refusedByRing(RequestType.REPLACE_ORDER, replace.orderId(), id);
    }

    private void onMassCancel(final MassCancelDecoder cancel)
    {
        if (state != LOGGED_ON)
        {
            sessionReject(MassCancelDecoder.TEMPLATE_ID, RejectReason.NOT_LOGGED_ON);
            return;
        }
        publish("MassCancel", WireText.massCancel(accountId, cancel.symbolId()));
        refusedByRing(RequestType.MASS_CANCEL, 0, NO_ID);
    }

    /** What the client hears when the ring did not take a cancel, replace or mass cancel. */
    private void refusedByRing(final RequestType type, final long orderId, final String id)
    {
        if (publishResult == CommandPublisher.BUSY)
        {
            send(WireText.busy(type, orderId, id));
        }
        else if (publishResult == CommandPublisher.FAILED)
        {
            cancelReject(type, orderId, id, RejectReason.ENGINE_UNAVAILABLE);
        }
    }

    private void cancelReject(final RequestType type, final long orderId, final String id, final RejectReason reason)
    {
        count("cancel rejected: " + reason);
        send(WireText.cancelReject(type, orderId, id, reason));
    }

    /**
     * A 32-byte client order id: {@link ClientOrderIds#EMPTY} if all zeros, {@link ClientOrderIds#VALID} if printable
     * ASCII then only zeros, else {@link ClientOrderIds#INVALID}.
     */
    private int idCheck(final int offset)
    {
        int length = 0;
        while (length < AsciiField.ID_LENGTH && message.getByte(offset + length) != 0)
        {
            length++;
        }
        for (int i = 0; i < AsciiField.ID_LENGTH; i++)
        {
            final int b = message.getByte(offset + i) & 0xFF;
            if (i < length ? b < 0x20 || b > 0x7E : b != 0)
            {
                return ClientOrderIds.INVALID;
            }
        }
        return length == 0 ? ClientOrderIds.EMPTY : ClientOrderIds.VALID;
    }

    private void publish(final String kind, final String command)
    {
        count(kind + (publishResult == CommandPublisher.BUSY ? " (busy)" :
            publishResult == CommandPublisher.FAILED ? " (engine stopped)" : ""));
        commands.add(command);
    }

    private void sessionReject(final int templateId, final RejectReason reason)
    {
        count("session reject: " + reason);
        send(WireText.sessionReject(templateId, reason));
    }

    private void send(final String text)
    {
        outbound.add(text);
    }

    /** The connection ends: a logged-on session that asked for it cancels its account's orders. */
    private void close()
    {
        if (state == LOGGED_ON && cancelOnDisconnect)
        {
            publish("MassCancel on disconnect", WireText.massCancel(accountId, 0));
        }
        state = CLOSED;
    }

    private void count(final String kind)
    {
        outcomes.merge(kind, 1L, Long::sum);
    }

    @Override
    public String toString()
    {
        return new String[] {"CONNECTED", "LOGON_PENDING", "LOGGED_ON", "CLOSED"}[state] +
            (state == LOGGED_ON ? " as account " + accountId : "") + (broken ? ", framing broken" : "") + ", " +
            buffered.length + " bytes of an incomplete frame buffered";
    }
}
