package io.bourse.gateway.fix.order;

import org.agrona.MutableDirectBuffer;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * One engine command a FIX session is about to publish, in engine units, and the {@link #FILLER} that writes it into a
 * ring slot. Reused per session: filled, published, overwritten by the next request. One thread (the session's).
 */
public final class OrderRequest
{
    /** Writes the request into the claimed slot; static, so publishing captures nothing. */
    public static final CommandFiller<OrderRequest> FILLER = (buffer, request) -> request.writeTo(buffer);

    public enum Kind
    {
        PLACE, CANCEL, REPLACE, MASS_CANCEL
    }

    private final CommandWriter writer = new CommandWriter();
    Kind kind;
    long accountId;
    int symbolId;
    String clientOrderId;
    String origClientOrderId;
    long orderId;
    Side side;
    OrderType orderType;
    TimeInForce timeInForce;
    StpMode stpMode;
    boolean postOnly;
    long priceMinor;
    long stopPriceMinor;
    long qtyMinor;
    long expireTimeNs;

    void clear(final Kind kind, final long accountId)
    {
        this.kind = kind;
        this.accountId = accountId;
        symbolId = 0;
        clientOrderId = null;
        origClientOrderId = null;
        orderId = 0;
        side = Side.BUY;
        orderType = OrderType.LIMIT;
        timeInForce = TimeInForce.GTC;
        stpMode = StpMode.CANCEL_TAKER;
        postOnly = false;
        priceMinor = 0;
        stopPriceMinor = 0;
        qtyMinor = 0;
        expireTimeNs = 0;
    }

    public Kind kind()
    {
        return kind;
    }

    int writeTo(final MutableDirectBuffer buffer)
    {
        writer.wrap(buffer);
        switch (kind)
        {
            case PLACE -> writer.placeOrder()
                .accountId(accountId).symbolId(symbolId).clientOrderId(clientOrderId)
                .side(side).orderType(orderType).timeInForce(timeInForce).stpMode(stpMode)
                .postOnly(postOnly ? BooleanType.TRUE : BooleanType.FALSE)
                .priceMinor(priceMinor).stopPriceMinor(stopPriceMinor).qtyMinor(qtyMinor).expireTimeNs(expireTimeNs);
            case CANCEL -> writer.cancelOrder().accountId(accountId).orderId(orderId).clientOrderId(origClientOrderId);
            case REPLACE -> writer.replaceOrder()
                .accountId(accountId).orderId(orderId).origClientOrderId(origClientOrderId).clientOrderId(clientOrderId)
                .priceMinor(priceMinor).qtyMinor(qtyMinor);
            case MASS_CANCEL -> writer.massCancel().accountId(accountId).symbolId(symbolId);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return writer.length();
    }
}
