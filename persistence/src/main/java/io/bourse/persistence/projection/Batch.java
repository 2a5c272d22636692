package io.bourse.persistence.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The rows that a run of consecutive journal entries produces, ready for one transaction: COPY text for the
 * append-only tables, the last state per order, balance and candle for the upserts, the few admin changes, and the
 * checkpoint (sequence and Chronicle index of the last entry). Filled by {@link EntryProjector}, written by the
 * batch writer, then {@link #clear()}ed and reused. One thread.
 */
public final class Batch
{
    final StringBuilder ledgerRows = new StringBuilder(1 << 20);
    final StringBuilder tradeRows = new StringBuilder(1 << 18);
    final StringBuilder auditRows = new StringBuilder(1 << 10);
    final Long2ObjectHashMap<OrderChange> orders = new Long2ObjectHashMap<>();
    final List<OrderChange> orderList = new ArrayList<>();
    private final List<OrderChange> orderPool = new ArrayList<>();
    final Map<BalanceKey, BalanceRow> balances = new HashMap<>();
    final List<CandleBar> candles = new ArrayList<>();
    final CandleBar[][] currentCandle;
    final List<AccountCreated> accountsCreated = new ArrayList<>();
    final List<Flag> accountFrozen = new ArrayList<>();
    final List<Flag> symbolHalted = new ArrayList<>();

    int entryCount;
    int ledgerRowCount;
    int tradeCount;
    int auditRowCount;
    long firstSequence;
    long lastSequence;
    long lastJournalIndex;
    long lastEngineTimeNs;
    String lastEngineTime;

    public Batch(final int maxSymbolId)
    {
        currentCandle = new CandleBar[maxSymbolId + 1][CandleInterval.all().length];
    }

    /** Empties the batch for reuse. */
    public void clear()
    {
        ledgerRows.setLength(0);
        tradeRows.setLength(0);
        auditRows.setLength(0);
        orderPool.addAll(orderList);
        orderList.clear();
        orders.clear();
        balances.clear();
        candles.clear();
        for (final CandleBar[] bars : currentCandle)
        {
            java.util.Arrays.fill(bars, null);
        }
        accountsCreated.clear();
        accountFrozen.clear();
        symbolHalted.clear();
        entryCount = 0;
        ledgerRowCount = 0;
        tradeCount = 0;
        auditRowCount = 0;
        firstSequence = 0;
        lastSequence = 0;
        lastJournalIndex = 0;
        lastEngineTimeNs = 0;
        lastEngineTime = null;
    }

    /** The change record of an order in this batch, created on first touch. */
    OrderChange order(final long orderId, final int symbolId, final int baseScale, final int quoteScale)
    {
        OrderChange change = orders.get(orderId);
        if (change == null)
        {
            change = orderPool.isEmpty() ? new OrderChange() : orderPool.remove(orderPool.size() - 1);
            change.reset(orderId, symbolId, baseScale, quoteScale);
            orders.put(orderId, change);
            orderList.add(change);
        }
        return change;
    }

    /** The candle of this symbol and interval that {@code openTimeNs} falls in, created on first trade. */
    CandleBar candle(final int symbolId, final CandleInterval interval, final long openTimeNs, final int baseScale, final int quoteScale)
    {
        final CandleBar[] bars = currentCandle[symbolId];
        CandleBar bar = bars[interval.ordinal()];
        // Engine time never goes backwards, so a bar once left is never revisited within a batch.
        if (bar == null || bar.openTimeNs != openTimeNs)
        {
            bar = new CandleBar(symbolId, interval, openTimeNs, baseScale, quoteScale);
            bars[interval.ordinal()] = bar;
            candles.add(bar);
        }
        return bar;
    }

    public int entryCount()
    {
        return entryCount;
    }

    public boolean isEmpty()
    {
        return entryCount == 0;
    }

    public int ledgerRowCount()
    {
        return ledgerRowCount;
    }

    public int tradeCount()
    {
        return tradeCount;
    }

    public long firstSequence()
    {
        return firstSequence;
    }

    public long lastSequence()
    {
        return lastSequence;
    }

    public long lastJournalIndex()
    {
        return lastJournalIndex;
    }

    public long lastEngineTimeNs()
    {
        return lastEngineTimeNs;
    }

    /** Key of a balance: account and asset. */
    record BalanceKey(long accountId, int assetId)
    {
    }

    /** The last balance of an account and asset in the batch, from the BalanceChanged "after" fields. */
    static final class BalanceRow
    {
        long availableMinor;
        long heldMinor;
        int scale;
        long seq;
        String time;
    }

    /** An AccountCreated event. */
    record AccountCreated(long accountId, boolean allowSelfTrade, long seq, String time)
    {
    }

    /** A frozen/halted flag set or cleared, in engine order. */
    record Flag(long id, boolean value)
    {
    }
}
