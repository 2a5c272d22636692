package io.bourse.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stream generator's view of the shadow engine's BTC-USDT book, rebuilt from its events: every open order,
 * the quantity at each price level, and the resting orders of each side split into the active zone near the touch
 * and the deep zone. Orders accepted or amended by a command rest (or not) when the command ends. Generation only.
 */
final class BookMirror
{
    private final Map<Long, TrackedOrder> open = new HashMap<>();
    /** Price ticks to {lots, orders} of resting bids and asks. */
    private final TreeMap<Long, long[]> bidLevels = new TreeMap<>();
    private final TreeMap<Long, long[]> askLevels = new TreeMap<>();
    private final TrackedOrderSet activeBids = new TrackedOrderSet();
    private final TrackedOrderSet activeAsks = new TrackedOrderSet();
    private final TrackedOrderSet deepBids = new TrackedOrderSet();
    private final TrackedOrderSet deepAsks = new TrackedOrderSet();
    private final ArrayList<TrackedOrder> unsettled = new ArrayList<>();

    void accepted(final long orderId, final long accountId, final boolean buy, final boolean deep, final long priceTicks, final long qtyLots)
    {
        final TrackedOrder order = new TrackedOrder(orderId, accountId, buy, deep, priceTicks, qtyLots);
        open.put(orderId, order);
        unsettled.add(order);
    }

    void traded(final long makerOrderId, final long takerOrderId, final long lots, final long makerLeavesLots, final long takerLeavesLots)
    {
        final TrackedOrder maker = open.get(makerOrderId);
        final TrackedOrder taker = open.get(takerOrderId);
        if (maker == null || !maker.resting || taker == null)
        {
            throw new IllegalStateException("mirror lost track of trade " + makerOrderId + " / " + takerOrderId);
        }
        unrest(maker);
        maker.filledLots += lots;
        taker.filledLots += lots;
        check(maker.remainingLots() == makerLeavesLots && taker.remainingLots() == takerLeavesLots, "trade leaves differ");
        if (makerLeavesLots == 0)
        {
            close(maker);
        }
        else
        {
            rest(maker);
        }
        if (takerLeavesLots == 0)
        {
            close(taker);
        }
    }

    void cancelled(final long orderId)
    {
        final TrackedOrder order = open.get(orderId);
        check(order != null, "cancel of unknown order");
        if (order.resting)
        {
            unrest(order);
        }
        close(order);
    }

    void replaced(final long orderId, final long priceTicks, final long qtyLots, final long leavesLots)
    {
        final TrackedOrder order = open.get(orderId);
        check(order != null && order.resting, "amend of an order not resting");
        unrest(order);
        order.priceTicks = priceTicks;
        order.qtyLots = qtyLots;
        if (leavesLots == 0)
        {
            close(order);
        }
        else
        {
            check(order.remainingLots() == leavesLots, "amend leaves differ");
            unsettled.add(order);
        }
    }

    /** Rests every order accepted or amended by the command that is still open. */
    void endOfCommand()
    {
        for (int i = 0; i < unsettled.size(); i++)
        {
            final TrackedOrder order = unsettled.get(i);
            if (order.open && !order.resting)
            {
                rest(order);
            }
        }
        unsettled.clear();
    }

    TrackedOrder order(final long orderId)
    {
        return open.get(orderId);
    }

    int openCount()
    {
        return open.size();
    }

    /** Best bid in ticks, or 0 when there are no bids. */
    long bestBid()
    {
        return bidLevels.isEmpty() ? 0 : bidLevels.lastKey();
    }

    /** Best ask in ticks, or 0 when there are no asks. */
    long bestAsk()
    {
        return askLevels.isEmpty() ? 0 : askLevels.firstKey();
    }

    /** Lots resting at the best {@code levels} levels of one side. */
    long lotsNearTouch(final boolean bids, final int levels)
    {
        long lots = 0;
        int seen = 0;
        for (final long[] level : (bids ? bidLevels.descendingMap() : askLevels).values())
        {
            if (seen++ == levels)
            {
                break;
            }
            lots += level[0];
        }
        return lots;
    }

    int levelCount(final boolean bids)
    {
        return (bids ? bidLevels : askLevels).size();
    }

    /** Resting orders of one side whose price is within {@code ticks} of that side's best price. */
    int ordersWithin(final boolean bids, final long ticks)
    {
        int orders = 0;
        if (bids && !bidLevels.isEmpty())
        {
            for (final long[] level : bidLevels.tailMap(bestBid() - ticks, true).values())
            {
                orders += (int)level[1];
            }
        }
        else if (!bids && !askLevels.isEmpty())
        {
            for (final long[] level : askLevels.headMap(bestAsk() + ticks, true).values())
            {
                orders += (int)level[1];
            }
        }
        return orders;
    }

    TrackedOrderSet set(final boolean bids, final boolean deep)
    {
        if (bids)
        {
            return deep ? deepBids : activeBids;
        }
        return deep ? deepAsks : activeAsks;
    }

    int restingCount(final boolean bids)
    {
        return set(bids, false).size() + set(bids, true).size();
    }

    private void rest(final TrackedOrder order)
    {
        check(order.priceTicks > 0, "resting order without a price");
        final long[] level = (order.buy ? bidLevels : askLevels).computeIfAbsent(order.priceTicks, price -> new long[2]);
        level[0] += order.remainingLots();
        level[1]++;
        set(order.buy, order.deep).add(order);
        order.resting = true;
    }

    private void unrest(final TrackedOrder order)
    {
        final TreeMap<Long, long[]> levels = order.buy ? bidLevels : askLevels;
        final long[] level = levels.get(order.priceTicks);
        level[0] -= order.remainingLots();
        level[1]--;
        if (level[1] == 0)
        {
            check(level[0] == 0, "empty level with quantity");
            levels.remove(order.priceTicks);
        }
        set(order.buy, order.deep).remove(order);
        order.resting = false;
    }

    private void close(final TrackedOrder order)
    {
        order.open = false;
        open.remove(order.orderId);
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException("book mirror: " + message);
        }
    }
}
