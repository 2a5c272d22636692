package io.bourse.gateway.binary;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.gateway.sbe.CancelOrderDecoder;
import io.bourse.gateway.sbe.NewOrderDecoder;
import io.bourse.gateway.sbe.ReplaceOrderDecoder;
import io.bourse.sbe.CancelOrderEncoder;
import io.bourse.sbe.PlaceOrderEncoder;
import io.bourse.sbe.ReplaceOrderEncoder;

/**
 * Turns one decoded order-entry message into the engine command, written straight into a claimed ring slot through
 * {@link #FILLER}. The account is always the session's, never a field from the client. Enum bytes are copied raw, so
 * the engine's own checks reject values outside its schema with their specific reasons. One per session; event-loop
 * thread only.
 */
final class CommandTranslator
{
    /** Publishes whatever the translator was last set up for. */
    static final CommandFiller<CommandTranslator> FILLER = (buffer, translator) -> translator.writeTo(buffer);

    private static final int NEW_ORDER = 1;
    private static final int CANCEL_ORDER = 2;
    private static final int REPLACE_ORDER = 3;
    private static final int MASS_CANCEL = 4;

    private final CommandWriter writer = new CommandWriter();
    private int kind;
    private long accountId;
    private NewOrderDecoder newOrder;
    private CancelOrderDecoder cancelOrder;
    private ReplaceOrderDecoder replaceOrder;
    private int massCancelSymbolId;

    CommandTranslator newOrder(final long accountId, final NewOrderDecoder newOrder)
    {
        this.kind = NEW_ORDER;
        this.accountId = accountId;
        this.newOrder = newOrder;
        return this;
    }

    CommandTranslator cancelOrder(final long accountId, final CancelOrderDecoder cancelOrder)
    {
        this.kind = CANCEL_ORDER;
        this.accountId = accountId;
        this.cancelOrder = cancelOrder;
        return this;
    }

    CommandTranslator replaceOrder(final long accountId, final ReplaceOrderDecoder replaceOrder)
    {
        this.kind = REPLACE_ORDER;
        this.accountId = accountId;
        this.replaceOrder = replaceOrder;
        return this;
    }

    CommandTranslator massCancel(final long accountId, final int symbolId)
    {
        this.kind = MASS_CANCEL;
        this.accountId = accountId;
        this.massCancelSymbolId = symbolId;
        return this;
    }

    /** Writes the command from offset 0 of {@code buffer}; returns its length. */
    int writeTo(final MutableDirectBuffer buffer)
    {
        writer.wrap(buffer);
        switch (kind)
        {
            case NEW_ORDER:
                writePlaceOrder(buffer);
                break;
            case CANCEL_ORDER:
                writeCancelOrder(buffer);
                break;
            case REPLACE_ORDER:
                writeReplaceOrder(buffer);
                break;
            case MASS_CANCEL:
                writer.massCancel().accountId(accountId).symbolId(massCancelSymbolId);
                break;
            default:
                throw new IllegalStateException("nothing to translate");
        }
        return writer.length();
    }

    private void writePlaceOrder(final MutableDirectBuffer buffer)
    {
        final NewOrderDecoder in = newOrder;
        final DirectBuffer inBuffer = in.buffer();
        final int inOffset = in.offset();
        final PlaceOrderEncoder out = writer.placeOrder()
            .accountId(accountId)
            .symbolId(in.symbolId())
            .priceMinor(in.priceMinor())
            .stopPriceMinor(in.stopPriceMinor())
            .qtyMinor(in.qtyMinor())
            .expireTimeNs(in.expireTimeNs());
        final int outOffset = out.offset();
        buffer.putBytes(outOffset + PlaceOrderEncoder.clientOrderIdEncodingOffset(),
            inBuffer, inOffset + NewOrderDecoder.clientOrderIdEncodingOffset(), AsciiField.ID_LENGTH);
        buffer.putByte(outOffset + PlaceOrderEncoder.sideEncodingOffset(), (byte)in.sideRaw());
        buffer.putByte(outOffset + PlaceOrderEncoder.orderTypeEncodingOffset(), (byte)in.orderTypeRaw());
        buffer.putByte(outOffset + PlaceOrderEncoder.timeInForceEncodingOffset(), (byte)in.timeInForceRaw());
        buffer.putByte(outOffset + PlaceOrderEncoder.stpModeEncodingOffset(), (byte)in.stpModeRaw());
        buffer.putByte(outOffset + PlaceOrderEncoder.postOnlyEncodingOffset(), (byte)in.postOnlyRaw());
    }

    private void writeCancelOrder(final MutableDirectBuffer buffer)
    {
        final CancelOrderDecoder in = cancelOrder;
        final CancelOrderEncoder out = writer.cancelOrder().accountId(accountId).orderId(in.orderId());
        buffer.putBytes(out.offset() + CancelOrderEncoder.clientOrderIdEncodingOffset(),
            in.buffer(), in.offset() + CancelOrderDecoder.origClientOrderIdEncodingOffset(), AsciiField.ID_LENGTH);
    }

    private void writeReplaceOrder(final MutableDirectBuffer buffer)
    {
        final ReplaceOrderDecoder in = replaceOrder;
        final ReplaceOrderEncoder out = writer.replaceOrder()
            .accountId(accountId)
            .orderId(in.orderId())
            .priceMinor(in.priceMinor())
            .qtyMinor(in.qtyMinor());
        buffer.putBytes(out.offset() + ReplaceOrderEncoder.origClientOrderIdEncodingOffset(),
            in.buffer(), in.offset() + ReplaceOrderDecoder.origClientOrderIdEncodingOffset(), AsciiField.ID_LENGTH);
        buffer.putBytes(out.offset() + ReplaceOrderEncoder.clientOrderIdEncodingOffset(),
            in.buffer(), in.offset() + ReplaceOrderDecoder.clientOrderIdEncodingOffset(), AsciiField.ID_LENGTH);
    }
}
