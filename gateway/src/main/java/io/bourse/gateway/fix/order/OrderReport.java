package io.bourse.gateway.fix.order;

import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;

/**
 * One engine outcome a FIX session reports, in engine units: an order's new state after an event, a rejected command
 * or a completed mass cancel. Built on the reply thread, then only read by event loops (published by the task
 * hand-off), so the fields are plain and never changed after construction.
 */
public final class OrderReport
{
    public enum Kind
    {
        NEW, TRADE, CANCELLED, REPLACED, TRIGGERED, REJECTED, MASS_CANCEL_DONE
    }

    public Kind kind;
    public long engineSequence;
    /** Unique per report: engine sequence and the report's index within the command. */
    public String execId;
    public long transactTimeNs;
    public long orderId;
    public long accountId;
    public int symbolId;
    public Side side;
    /** Null only for an order the router never saw opened and was not seeded with. */
    public OrderType orderType;
    public String clOrdId;
    public String origClOrdId;
    public long orderQtyMinor;
    public long priceMinor;
    public long stopPriceMinor;
    public long cumQtyMinor;
    /** Sum of the quote amounts of the order's fills, for AvgPx. */
    public long cumQuoteMinor;
    public long leavesQtyMinor;
    public long lastPriceMinor;
    public long lastQtyMinor;
    public CancelReason cancelReason;
    public CommandType commandType;
    public RejectReason rejectReason;
    public int cancelledCount;

    /** True when this is the order's last report (filled, cancelled, expired, or amended down to its fills). */
    public boolean isDone()
    {
        return kind == Kind.CANCELLED || (kind != Kind.REJECTED && kind != Kind.MASS_CANCEL_DONE && leavesQtyMinor == 0);
    }
}
