package io.bourse.engine.reference;

import io.bourse.engine.state.StateHasher;
import io.bourse.sbe.Side;

/**
 * An open order of the reference model: resting in a book or waiting as a pending stop. Prices in ticks,
 * quantities in lots; raw SBE enum values.
 */
final class ReferenceOrder
{
    final long orderId;
    final long accountId;
    final int symbolId;
    final short side;
    final short orderType;
    final short timeInForce;
    final short stpMode;
    final boolean postOnly;
    /** Limit price; 0 for MARKET and STOP. */
    long priceTicks;
    /** Trigger price; 0 for LIMIT and MARKET. */
    final long stopPriceTicks;
    long qtyLots;
    long filledLots;
    /** Sum of the quote amounts (notional) of its fills, quote minor units. */
    long filledQuoteMinor;
    final long expireTimeNs;
    /** The price the hold is computed at: limit price, or a market/stop order's protective bound. */
    long holdPriceTicks;
    /** Held per remaining lot: quote minor for a buy, {@code lotMinor} base minor for a sell. */
    long holdPerLot;
    AsciiId clientOrderId;
    /** True while waiting for its trigger price in the symbol's pending stops. */
    boolean pendingStop;
    /** True once a stop has triggered (it then trades as a market or limit order). */
    boolean triggered;
    /** True while in a price level of its book. */
    boolean resting;

    ReferenceOrder(final long orderId, final PlaceOrderRequest request, final long holdPerLot)
    {
        this.orderId = orderId;
        this.accountId = request.accountId;
        this.symbolId = request.symbolId;
        this.side = request.side;
        this.orderType = request.orderType;
        this.timeInForce = request.timeInForce;
        this.stpMode = request.stpMode;
        this.postOnly = request.postOnly;
        this.priceTicks = request.priceTicks;
        this.stopPriceTicks = request.stopPriceTicks;
        this.qtyLots = request.qtyLots;
        this.expireTimeNs = request.expireTimeNs;
        this.clientOrderId = request.clientOrderId;
        this.holdPriceTicks = request.holdPriceTicks;
        this.holdPerLot = holdPerLot;
        this.pendingStop = request.isStop();
    }

    boolean isBuy()
    {
        return side == Side.BUY.value();
    }

    long remainingLots()
    {
        return qtyLots - filledLots;
    }

    /** What the order holds now: {@code remaining * holdPerLot} (§7). */
    long holdMinor()
    {
        return Math.multiplyExact(remainingLots(), holdPerLot);
    }

    /** Adds the order as §11 lists its fields. */
    void addTo(final StateHasher hasher)
    {
        hasher.add(orderId).add(accountId).add(side).add(orderType).add(timeInForce).add(stpMode).add(postOnly)
            .add(priceTicks).add(stopPriceTicks).add(qtyLots).add(filledLots).add(filledQuoteMinor)
            .add(expireTimeNs).add(holdPerLot);
        clientOrderId.addTo(hasher);
    }

    @Override
    public String toString()
    {
        return "Order[" + orderId + " acct=" + accountId + " sym=" + symbolId + " side=" + side + " type=" + orderType
            + " price=" + priceTicks + " stop=" + stopPriceTicks + " qty=" + qtyLots + " filled=" + filledLots + "]";
    }
}
