package io.bourse.gateway.fix.order;

import org.agrona.collections.Long2ObjectHashMap;

import io.bourse.sbe.Side;

/**
 * The open orders of every account as the reply thread sees them in the event stream (OrderAccepted until the order is
 * filled, cancelled, expired or amended to its fills), so each FIX report can carry ClOrdID, OrderQty, CumQty and
 * AvgPx although a single event does not. Seeded at start with the engine's open orders (those of a restarted server
 * included); an order it has not seen (a gateway started without seeding) is created on first sight without a
 * ClOrdID. Used only by the reply thread.
 */
final class OrderTracker
{
    private final Long2ObjectHashMap<TrackedOrder> orders = new Long2ObjectHashMap<>();

    TrackedOrder open(final long orderId)
    {
        final TrackedOrder order = new TrackedOrder();
        order.orderId = orderId;
        orders.put(orderId, order);
        return order;
    }

    /** The order, created empty if this gateway never saw it open. */
    TrackedOrder get(final long orderId, final long accountId, final int symbolId, final Side side)
    {
        TrackedOrder order = orders.get(orderId);
        if (order == null)
        {
            order = open(orderId);
            order.accountId = accountId;
            order.symbolId = symbolId;
            order.side = side;
        }
        return order;
    }

    void clear()
    {
        orders.clear();
    }

    void close(final long orderId)
    {
        orders.remove(orderId);
    }

    int size()
    {
        return orders.size();
    }
}
