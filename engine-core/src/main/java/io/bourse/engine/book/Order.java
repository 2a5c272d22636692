package io.bourse.engine.book;

import io.bourse.engine.account.Account;

/**
 * An open order: resting in a price level or waiting as a pending stop. Pooled and reused ({@link OrderPool}),
 * so every field is reset by {@link #clear()}; links are intrusive (level queue, account's open-order list).
 * Prices in ticks, quantities in lots. Engine thread only.
 */
public final class Order
{
    public long orderId;
    public long accountId;
    public Account account;
    public SymbolBook book;
    /** {@code io.bourse.sbe.Side} value. */
    public short side;
    public short orderType;
    public short timeInForce;
    public short stpMode;
    public boolean postOnly;
    public long priceTicks;
    public long stopPriceTicks;
    public long qtyLots;
    public long filledLots;
    /**
     * Sum of the quote amounts (price x quantity, quote minor units) of the order's fills: what execution reports need
     * for an average price. Cannot overflow: it is at most the notional at max price and max quantity (config check).
     */
    public long filledQuoteMinor;
    public long expireTimeNs;
    /**
     * Held per remaining lot: quote minor units for a buy ({@code holdPerLot(holdPrice)}), base minor units
     * ({@code lotMinor}) for a sell. The order's hold is always {@code remainingLots() * holdPerLot}.
     */
    public long holdPerLot;
    /** The price the hold was computed at: limit price, or a market/stop order's protective bound. */
    public long holdPriceTicks;
    /** The client order id as four little-endian words; all zero when none. */
    public long clientOrderId0;
    public long clientOrderId1;
    public long clientOrderId2;
    public long clientOrderId3;
    /** True while a stop order waits for its trigger price. */
    public boolean pendingStop;
    /** True once a stop order has triggered (it then trades as a market or limit order). */
    public boolean triggered;

    Order levelPrev;
    Order levelNext;
    PriceLevel level;
    public Order accountPrev;
    public Order accountNext;

    public long remainingLots()
    {
        return qtyLots - filledLots;
    }

    public boolean isBuy()
    {
        return side == OrderCodes.BUY;
    }

    /** What this order holds now, in its hold asset. */
    public long heldAmount()
    {
        return remainingLots() * holdPerLot;
    }

    public boolean hasClientOrderId()
    {
        return (clientOrderId0 | clientOrderId1 | clientOrderId2 | clientOrderId3) != 0;
    }

    public boolean clientOrderIdEquals(final long w0, final long w1, final long w2, final long w3)
    {
        return clientOrderId0 == w0 && clientOrderId1 == w1 && clientOrderId2 == w2 && clientOrderId3 == w3;
    }

    /** The level this order rests in, or null. */
    public PriceLevel level()
    {
        return level;
    }

    /** The next order in time priority at the same level, or null. */
    public Order nextInLevel()
    {
        return levelNext;
    }

    void clear()
    {
        orderId = 0;
        accountId = 0;
        account = null;
        book = null;
        side = 0;
        orderType = 0;
        timeInForce = 0;
        stpMode = 0;
        postOnly = false;
        priceTicks = 0;
        stopPriceTicks = 0;
        qtyLots = 0;
        filledLots = 0;
        filledQuoteMinor = 0;
        expireTimeNs = 0;
        holdPerLot = 0;
        holdPriceTicks = 0;
        clientOrderId0 = 0;
        clientOrderId1 = 0;
        clientOrderId2 = 0;
        clientOrderId3 = 0;
        pendingStop = false;
        triggered = false;
        levelPrev = null;
        levelNext = null;
        level = null;
        accountPrev = null;
        accountNext = null;
    }
}
