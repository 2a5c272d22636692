package io.bourse.gateway.binary;

import org.agrona.DirectBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.CancelRejectDecoder;
import io.bourse.gateway.sbe.ExecType;
import io.bourse.gateway.sbe.ExecutionReportDecoder;
import io.bourse.gateway.sbe.LoggedOutDecoder;
import io.bourse.gateway.sbe.LogonAcceptedDecoder;
import io.bourse.gateway.sbe.LogonRejectReason;
import io.bourse.gateway.sbe.LogonRejectedDecoder;
import io.bourse.gateway.sbe.LogoutReason;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.bourse.gateway.sbe.RejectReason;
import io.bourse.gateway.sbe.RequestType;
import io.bourse.gateway.sbe.SessionRejectDecoder;
import io.bourse.sbe.CancelOrderDecoder;
import io.bourse.sbe.MassCancelDecoder;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.ReplaceOrderDecoder;

/**
 * One line of text per gateway output — an engine command it publishes, a message it sends the client — so the fuzz
 * harness compares what {@link OrderEntryModel} predicts with what the gateway did, and prints both when they differ.
 * Reads every field that the gateway sets; the seqNo of outbound messages is checked separately. The formatting
 * methods are static; the decoding ones reuse this instance's flyweights, so one thread at a time.
 */
final class WireText
{
    private static final int SEQ_NO_LENGTH = Long.BYTES;

    private final io.bourse.sbe.MessageHeaderDecoder commandHeader = new io.bourse.sbe.MessageHeaderDecoder();
    private final PlaceOrderDecoder placeOrderDecoder = new PlaceOrderDecoder();
    private final CancelOrderDecoder cancelOrderDecoder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrderDecoder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancelDecoder = new MassCancelDecoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final LogonAcceptedDecoder logonAcceptedDecoder = new LogonAcceptedDecoder();
    private final LogonRejectedDecoder logonRejectedDecoder = new LogonRejectedDecoder();
    private final LoggedOutDecoder loggedOutDecoder = new LoggedOutDecoder();
    private final SessionRejectDecoder sessionRejectDecoder = new SessionRejectDecoder();
    private final ExecutionReportDecoder executionReportDecoder = new ExecutionReportDecoder();
    private final CancelRejectDecoder cancelRejectDecoder = new CancelRejectDecoder();
    private final BusyDecoder busyDecoder = new BusyDecoder();

    static String placeOrder(final long accountId, final int symbolId, final String clientOrderId, final int side,
        final int orderType, final int timeInForce, final int stpMode, final int postOnly, final long priceMinor,
        final long stopPriceMinor, final long qtyMinor, final long expireTimeNs)
    {
        return "PlaceOrder account=" + accountId + " symbol=" + symbolId + " id=" + clientOrderId + " side=" + side +
            " type=" + orderType + " tif=" + timeInForce + " stp=" + stpMode + " postOnly=" + postOnly + " price=" +
            priceMinor + " stop=" + stopPriceMinor + " qty=" + qtyMinor + " expire=" + expireTimeNs;
    }

    static String cancelOrder(final long accountId, final long orderId, final String clientOrderId)
    {
        return "CancelOrder account=" + accountId + " order=" + orderId + " id=" + clientOrderId;
    }

    static String replaceOrder(final long accountId, final long orderId, final String origClientOrderId,
        final String clientOrderId, final long priceMinor, final long qtyMinor)
    {
        return "ReplaceOrder account=" + accountId + " order=" + orderId + " orig=" + origClientOrderId + " id=" +
            clientOrderId + " price=" + priceMinor + " qty=" + qtyMinor;
    }

    static String massCancel(final long accountId, final int symbolId)
    {
        return "MassCancel account=" + accountId + " symbol=" + symbolId;
    }

    static String logonAccepted(final long accountId, final int heartbeatIntervalMs)
    {
        return "LogonAccepted account=" + accountId + " heartbeat=" + heartbeatIntervalMs;
    }

    static String logonRejected(final LogonRejectReason reason)
    {
        return "LogonRejected " + reason;
    }

    static String loggedOut(final LogoutReason reason)
    {
        return "LoggedOut " + reason;
    }

    static String sessionReject(final int refTemplateId, final RejectReason reason)
    {
        return "SessionReject ref=" + refTemplateId + " " + reason;
    }

    static String newOrderRejected(final String clientOrderId, final int symbolId, final int side,
        final long priceMinor, final long orderQtyMinor, final RejectReason reason)
    {
        return newOrderRejected(clientOrderId, symbolId, side, priceMinor, orderQtyMinor, reason.name());
    }

    private static String newOrderRejected(final String clientOrderId, final int symbolId, final int side,
        final long priceMinor, final long orderQtyMinor, final String reason)
    {
        return "ExecutionReport REJECTED id=" + clientOrderId + " symbol=" + symbolId + " side=" + side + " price=" +
            priceMinor + " qty=" + orderQtyMinor + " " + reason;
    }

    static String cancelReject(final RequestType requestType, final long orderId, final String clientOrderId,
        final RejectReason reason)
    {
        return cancelReject(requestType.name(), orderId, clientOrderId, reason.name());
    }

    private static String cancelReject(final String requestType, final long orderId, final String clientOrderId,
        final String reason)
    {
        return "CancelReject " + requestType + " order=" + orderId + " id=" + clientOrderId + " " + reason;
    }

    static String busy(final RequestType requestType, final long orderId, final String clientOrderId)
    {
        return busy(requestType.name(), orderId, clientOrderId);
    }

    private static String busy(final String requestType, final long orderId, final String clientOrderId)
    {
        return "Busy " + requestType + " order=" + orderId + " id=" + clientOrderId;
    }

    /**
     * A 32-byte client order id field: printable characters as they are, anything else as {@code \xNN}, the zero
     * padding left out (but not zeros followed by more text).
     */
    static String id(final DirectBuffer buffer, final int offset)
    {
        int end = AsciiField.ID_LENGTH;
        while (end > 0 && buffer.getByte(offset + end - 1) == 0)
        {
            end--;
        }
        final StringBuilder text = new StringBuilder(end + 2).append('"');
        for (int i = 0; i < end; i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            if (b >= 0x20 && b <= 0x7E && b != '\\' && b != '"')
            {
                text.append((char)b);
            }
            else
            {
                text.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        return text.append('"').toString();
    }

    /**
     * An engine command as the gateway filled it (from offset 0), or a line starting {@code MALFORMED} if its header,
     * template or length are not those of a trading command of the engine's schema.
     */
    String command(final DirectBuffer buffer, final int length)
    {
        if (length < io.bourse.sbe.MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return "MALFORMED command of " + length + " bytes";
        }
        final io.bourse.sbe.MessageHeaderDecoder header = commandHeader.wrap(buffer, 0);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int expectedBlockLength = commandBlockLength(templateId);
        if (header.schemaId() != io.bourse.sbe.MessageHeaderDecoder.SCHEMA_ID ||
            header.version() != io.bourse.sbe.MessageHeaderDecoder.SCHEMA_VERSION || expectedBlockLength < 0 ||
            blockLength != expectedBlockLength ||
            length != io.bourse.sbe.MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            return "MALFORMED command: schema " + header.schemaId() + " version " + header.version() + " template " +
                templateId + " block " + blockLength + " length " + length;
        }
        final int body = io.bourse.sbe.MessageHeaderDecoder.ENCODED_LENGTH;
        switch (templateId)
        {
            case PlaceOrderDecoder.TEMPLATE_ID:
                final PlaceOrderDecoder place = placeOrderDecoder.wrap(buffer, body, blockLength, header.version());
                return placeOrder(place.accountId(), place.symbolId(),
                    id(buffer, body + PlaceOrderDecoder.clientOrderIdEncodingOffset()), place.sideRaw(),
                    place.orderTypeRaw(), place.timeInForceRaw(), place.stpModeRaw(), place.postOnlyRaw(),
                    place.priceMinor(), place.stopPriceMinor(), place.qtyMinor(), place.expireTimeNs());
            case CancelOrderDecoder.TEMPLATE_ID:
                final CancelOrderDecoder cancel = cancelOrderDecoder.wrap(buffer, body, blockLength, header.version());
                return cancelOrder(cancel.accountId(), cancel.orderId(),
                    id(buffer, body + CancelOrderDecoder.clientOrderIdEncodingOffset()));
            case ReplaceOrderDecoder.TEMPLATE_ID:
                final ReplaceOrderDecoder replace =
                    replaceOrderDecoder.wrap(buffer, body, blockLength, header.version());
                return replaceOrder(replace.accountId(), replace.orderId(),
                    id(buffer, body + ReplaceOrderDecoder.origClientOrderIdEncodingOffset()),
                    id(buffer, body + ReplaceOrderDecoder.clientOrderIdEncodingOffset()),
                    replace.priceMinor(), replace.qtyMinor());
            default:
                final MassCancelDecoder massCancel = massCancelDecoder.wrap(buffer, body, blockLength, header.version());
                return massCancel(massCancel.accountId(), massCancel.symbolId());
        }
    }

    /** The account field of a command that {@link #command} did not call malformed. */
    static long commandAccountId(final DirectBuffer buffer)
    {
        // accountId is the first field of every trading command.
        return buffer.getLong(io.bourse.sbe.MessageHeaderDecoder.ENCODED_LENGTH, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private static int commandBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case PlaceOrderDecoder.TEMPLATE_ID:
                return PlaceOrderDecoder.BLOCK_LENGTH;
            case CancelOrderDecoder.TEMPLATE_ID:
                return CancelOrderDecoder.BLOCK_LENGTH;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return ReplaceOrderDecoder.BLOCK_LENGTH;
            case MassCancelDecoder.TEMPLATE_ID:
                return MassCancelDecoder.BLOCK_LENGTH;
            default:
                return -1;
        }
    }

    /**
     * A message the gateway sent, from its SBE header at {@code offset} for {@code length} bytes, or a line starting
     * {@code MALFORMED} (or {@code UNEXPECTED} for a template the harness never expects, such as a heartbeat).
     */
    String outbound(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + SEQ_NO_LENGTH)
        {
            return "MALFORMED outbound message of " + length + " bytes";
        }
        final MessageHeaderDecoder header = headerDecoder.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.version() != MessageHeaderDecoder.SCHEMA_VERSION || blockLength != outboundBlockLength(templateId) ||
            length != MessageHeaderDecoder.ENCODED_LENGTH + blockLength)
        {
            return "MALFORMED outbound: schema " + header.schemaId() + " version " + header.version() + " template " +
                templateId + " block " + blockLength + " length " + length;
        }
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int version = header.version();
        switch (templateId)
        {
            case LogonAcceptedDecoder.TEMPLATE_ID:
                final LogonAcceptedDecoder accepted = logonAcceptedDecoder.wrap(buffer, body, blockLength, version);
                return logonAccepted(accepted.accountId(), accepted.heartbeatIntervalMs());
            case LogonRejectedDecoder.TEMPLATE_ID:
                return "LogonRejected " +
                    name(logonRejectedDecoder.wrap(buffer, body, blockLength, version).reasonRaw());
            case LoggedOutDecoder.TEMPLATE_ID:
                return "LoggedOut " + name(loggedOutDecoder.wrap(buffer, body, blockLength, version));
            case SessionRejectDecoder.TEMPLATE_ID:
                final SessionRejectDecoder reject = sessionRejectDecoder.wrap(buffer, body, blockLength, version);
                return "SessionReject ref=" + reject.refTemplateId() + " " + rejectReason(reject.reasonRaw());
            case ExecutionReportDecoder.TEMPLATE_ID:
                return executionReport(buffer, body, blockLength, version);
            case CancelRejectDecoder.TEMPLATE_ID:
                final CancelRejectDecoder cancelReject = cancelRejectDecoder.wrap(buffer, body, blockLength, version);
                if (cancelReject.engineSequence() != 0)
                {
                    return "UNEXPECTED cancel reject with engineSequence " + cancelReject.engineSequence();
                }
                return cancelReject(requestType(cancelReject.requestTypeRaw()), cancelReject.orderId(),
                    id(buffer, body + CancelRejectDecoder.clientOrderIdEncodingOffset()),
                    rejectReason(cancelReject.rejectReasonRaw()));
            case BusyDecoder.TEMPLATE_ID:
                final BusyDecoder busy = busyDecoder.wrap(buffer, body, blockLength, version);
                return busy(requestType(busy.requestTypeRaw()), busy.orderId(),
                    id(buffer, body + BusyDecoder.clientOrderIdEncodingOffset()));
            default:
                return "UNEXPECTED outbound template " + templateId;
        }
    }

    /** The seqNo every outbound message starts with. */
    static long seqNo(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private String executionReport(
        final DirectBuffer buffer, final int body, final int blockLength, final int version)
    {
        final ExecutionReportDecoder report = executionReportDecoder.wrap(buffer, body, blockLength, version);
        if (report.execTypeRaw() != ExecType.REJECTED.value() || report.engineSequence() != 0 ||
            report.engineTimeNs() != 0 || report.orderId() != 0 || report.lastPriceMinor() != 0 ||
            report.lastQtyMinor() != 0 || report.leavesQtyMinor() != 0 || report.cumQtyMinor() != 0 ||
            report.tradeId() != 0 || report.feeMinor() != 0 || report.liquidityRaw() != 0 ||
            report.cancelReasonRaw() != 0 ||
            !"\"\"".equals(id(buffer, body + ExecutionReportDecoder.origClientOrderIdEncodingOffset())))
        {
            return "UNEXPECTED execution report: execType " + report.execTypeRaw() + " engineSequence " +
                report.engineSequence() + " orderId " + report.orderId() + " (a gateway reject sets none of the " +
                "engine's fields)";
        }
        return newOrderRejected(id(buffer, body + ExecutionReportDecoder.clientOrderIdEncodingOffset()),
            report.symbolId(), report.sideRaw(), report.priceMinor(), report.orderQtyMinor(),
            rejectReason(report.rejectReasonRaw()));
    }

    private static int outboundBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case LogonAcceptedDecoder.TEMPLATE_ID:
                return LogonAcceptedDecoder.BLOCK_LENGTH;
            case LogonRejectedDecoder.TEMPLATE_ID:
                return LogonRejectedDecoder.BLOCK_LENGTH;
            case LoggedOutDecoder.TEMPLATE_ID:
                return LoggedOutDecoder.BLOCK_LENGTH;
            case SessionRejectDecoder.TEMPLATE_ID:
                return SessionRejectDecoder.BLOCK_LENGTH;
            case ExecutionReportDecoder.TEMPLATE_ID:
                return ExecutionReportDecoder.BLOCK_LENGTH;
            case CancelRejectDecoder.TEMPLATE_ID:
                return CancelRejectDecoder.BLOCK_LENGTH;
            case BusyDecoder.TEMPLATE_ID:
                return BusyDecoder.BLOCK_LENGTH;
            case io.bourse.gateway.sbe.ServerHeartbeatDecoder.TEMPLATE_ID:
                return io.bourse.gateway.sbe.ServerHeartbeatDecoder.BLOCK_LENGTH;
            case io.bourse.gateway.sbe.MassCancelReportDecoder.TEMPLATE_ID:
                return io.bourse.gateway.sbe.MassCancelReportDecoder.BLOCK_LENGTH;
            default:
                return -1;
        }
    }

    private static String name(final short logonRejectReason)
    {
        try
        {
            return LogonRejectReason.get(logonRejectReason).name();
        }
        catch (final IllegalArgumentException ex)
        {
            return "#" + logonRejectReason;
        }
    }

    private static String name(final LoggedOutDecoder loggedOut)
    {
        try
        {
            return LogoutReason.get(loggedOut.reasonRaw()).name();
        }
        catch (final IllegalArgumentException ex)
        {
            return "#" + loggedOut.reasonRaw();
        }
    }

    private static String rejectReason(final short raw)
    {
        try
        {
            return RejectReason.get(raw).name();
        }
        catch (final IllegalArgumentException ex)
        {
            return "#" + raw;
        }
    }

    private static String requestType(final short raw)
    {
        try
        {
            return RequestType.get(raw).name();
        }
        catch (final IllegalArgumentException ex)
        {
            return "#" + raw;
        }
    }
}
