package io.bourse.gateway.fix.order;

import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;

/** What the reply thread knows about an open order to fill in FIX reports: identity, quantities and fills so far. */
final class TrackedOrder
{
    long orderId;
    long accountId;
    int symbolId;
    Side side;
    OrderType orderType;
    String clOrdId;
    long orderQtyMinor;
    long priceMinor;
    long stopPriceMinor;
    long cumQtyMinor;
    long cumQuoteMinor;
    long leavesQtyMinor;
}
