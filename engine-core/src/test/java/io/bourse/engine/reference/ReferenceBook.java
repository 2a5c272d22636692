package io.bourse.engine.reference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.bourse.engine.config.SymbolSpec;

/**
 * One symbol of the reference model: its two books (price levels best-first, each a FIFO of orders), its pending
 * stops (an unsorted list, scanned), its last price and halt flag, and the price formulas of docs/semantics.md §2.
 */
final class ReferenceBook
{
    private static final long BPS = SymbolSpec.BPS_DENOMINATOR;

    final SymbolSpec spec;
    long lastTicks;
    boolean halted;
    /** Highest price first. */
    final TreeMap<Long, ArrayDeque<ReferenceOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    /** Lowest price first. */
    final TreeMap<Long, ArrayDeque<ReferenceOrder>> asks = new TreeMap<>();
    final List<ReferenceOrder> pendingStops = new ArrayList<>();

    ReferenceBook(final SymbolSpec spec)
    {
        this.spec = spec;
        this.lastTicks = spec.referencePriceTicks();
    }

    /** {@code ceilDiv(a, b)} of §1, for non-negative {@code a} and positive {@code b}. */
    static long ceilDiv(final long a, final long b)
    {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    long bandLow()
    {
        return Math.max(1, ceilDiv(Math.multiplyExact(lastTicks, BPS - spec.priceBandBps()), BPS));
    }

    long bandHigh()
    {
        return Math.min(spec.maxPriceTicks(), Math.multiplyExact(lastTicks, BPS + spec.priceBandBps()) / BPS);
    }

    boolean inBand(final long priceTicks)
    {
        return priceTicks >= bandLow() && priceTicks <= bandHigh();
    }

    /** Quote minor units a buy holds per lot at {@code priceTicks}. */
    long holdPerLot(final long priceTicks)
    {
        final long value = Math.multiplyExact(priceTicks, spec.quotePerTickLot());
        return Math.addExact(value, ceilDiv(Math.multiplyExact(value, spec.maxFeeBps()), BPS));
    }

    /** {@code price * lots * quotePerTickLot}. */
    long notional(final long priceTicks, final long qtyLots)
    {
        return Math.multiplyExact(Math.multiplyExact(priceTicks, qtyLots), spec.quotePerTickLot());
    }

    /** The hold price of a STOP order with this stop price (§6 step 8). */
    long stopHoldPrice(final boolean buy, final long stopTicks)
    {
        if (buy)
        {
            return Math.min(spec.maxPriceTicks(), Math.multiplyExact(stopTicks, BPS + spec.priceBandBps()) / BPS);
        }
        return Math.max(1, ceilDiv(Math.multiplyExact(stopTicks, BPS - spec.priceBandBps()), BPS));
    }

    TreeMap<Long, ArrayDeque<ReferenceOrder>> side(final boolean buy)
    {
        return buy ? bids : asks;
    }

    TreeMap<Long, ArrayDeque<ReferenceOrder>> oppositeSide(final boolean buy)
    {
        return buy ? asks : bids;
    }

    /** Adds an order at the tail of its price level. */
    void rest(final ReferenceOrder order)
    {
        side(order.isBuy()).computeIfAbsent(order.priceTicks, price -> new ArrayDeque<>()).addLast(order);
    }

    /** Removes a resting order from its level, dropping the level when it empties. */
    void removeResting(final ReferenceOrder order)
    {
        final TreeMap<Long, ArrayDeque<ReferenceOrder>> side = side(order.isBuy());
        final ArrayDeque<ReferenceOrder> level = side.get(order.priceTicks);
        if (level == null || !level.remove(order))
        {
            throw new IllegalStateException("order not in its level: " + order);
        }
        if (level.isEmpty())
        {
            side.remove(order.priceTicks);
        }
    }

    /** Orders of a side, best first and oldest first within a level. */
    static List<ReferenceOrder> inPriority(final TreeMap<Long, ArrayDeque<ReferenceOrder>> side)
    {
        final List<ReferenceOrder> orders = new ArrayList<>();
        for (final Map.Entry<Long, ArrayDeque<ReferenceOrder>> level : side.entrySet())
        {
            orders.addAll(level.getValue());
        }
        return orders;
    }
}
