package io.bourse.gateway.binary;

import org.agrona.DirectBuffer;

import io.bourse.gateway.sbe.CancelOrderDecoder;
import io.bourse.gateway.sbe.HeartbeatDecoder;
import io.bourse.gateway.sbe.LogonDecoder;
import io.bourse.gateway.sbe.LogoutDecoder;
import io.bourse.gateway.sbe.MassCancelDecoder;
import io.bourse.gateway.sbe.MessageHeaderDecoder;
import io.bourse.gateway.sbe.NewOrderDecoder;
import io.bourse.gateway.sbe.RejectReason;
import io.bourse.gateway.sbe.ReplaceOrderDecoder;

/**
 * Decodes one client-to-gateway SBE message (header + block) and calls the matching {@link OrderEntryHandler} method,
 * or {@link OrderEntryHandler#onMalformed} when the schema, template or lengths are wrong. A block longer than the
 * template's (a newer client) is accepted and its extra bytes ignored. Never throws on any input. One per session;
 * not thread-safe.
 */
public final class OrderEntryAdapter
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final OrderEntryHandler handler;

    public OrderEntryAdapter(final OrderEntryHandler handler)
    {
        this.handler = handler;
    }

    /** Decodes the message in {@code buffer} from {@code offset} for {@code length} bytes. */
    public void onMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            handler.onMalformed(0, RejectReason.BAD_BLOCK_LENGTH.value());
            return;
        }
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int version = header.version();
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            handler.onMalformed(templateId, RejectReason.BAD_BLOCK_LENGTH.value());
            return;
        }
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int bodyLength = length - MessageHeaderDecoder.ENCODED_LENGTH;
        final int minBlock = minimumBlockLength(templateId);
        if (minBlock < 0)
        {
            handler.onMalformed(templateId, RejectReason.UNKNOWN_TEMPLATE.value());
            return;
        }
        if (blockLength < minBlock || blockLength > bodyLength)
        {
            handler.onMalformed(templateId, RejectReason.BAD_BLOCK_LENGTH.value());
            return;
        }

        switch (templateId)
        {
            case LogonDecoder.TEMPLATE_ID:
                handler.onLogon(logon.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case LogoutDecoder.TEMPLATE_ID:
                handler.onLogout();
                break;
            case HeartbeatDecoder.TEMPLATE_ID:
                handler.onHeartbeat();
                break;
            case NewOrderDecoder.TEMPLATE_ID:
                handler.onNewOrder(newOrder.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                handler.onCancelOrder(cancelOrder.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                handler.onReplaceOrder(replaceOrder.wrap(buffer, bodyOffset, blockLength, version));
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                handler.onMassCancel(massCancel.wrap(buffer, bodyOffset, blockLength, version));
                break;
            default:
                handler.onMalformed(templateId, RejectReason.UNKNOWN_TEMPLATE.value());
                break;
        }
    }

    /** The block length a client-to-gateway template needs, or -1 for a template a client may not send. */
    static int minimumBlockLength(final int templateId)
    {
        switch (templateId)
        {
            case LogonDecoder.TEMPLATE_ID:
                return LogonDecoder.BLOCK_LENGTH;
            case LogoutDecoder.TEMPLATE_ID:
                return LogoutDecoder.BLOCK_LENGTH;
            case HeartbeatDecoder.TEMPLATE_ID:
                return HeartbeatDecoder.BLOCK_LENGTH;
            case NewOrderDecoder.TEMPLATE_ID:
                return NewOrderDecoder.BLOCK_LENGTH;
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
}
