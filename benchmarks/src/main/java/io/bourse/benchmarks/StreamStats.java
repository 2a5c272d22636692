package io.bourse.benchmarks;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the mixed stream really did to the shadow engine while it was generated: commands by kind, how many traded,
 * rejects, and samples of the book's shape. Printed once per benchmark setup. Generation only.
 */
final class StreamStats
{
    /** Distance from the touch (ticks) counted as "near the touch" in the book samples. */
    static final int NEAR_TOUCH_TICKS = 20;

    private final long[] byKind = new long[CommandKind.values().length];
    private final long[] tradingByKind = new long[CommandKind.values().length];
    private final Map<String, Long> rejects = new TreeMap<>();
    final RunningStat bidOrders = new RunningStat();
    final RunningStat askOrders = new RunningStat();
    final RunningStat bidLevels = new RunningStat();
    final RunningStat askLevels = new RunningStat();
    final RunningStat bidOrdersNearTouch = new RunningStat();
    final RunningStat askOrdersNearTouch = new RunningStat();
    final RunningStat spreadTicks = new RunningStat();
    final RunningStat midOffsetTicks = new RunningStat();
    private long commands;
    private long tradingCommands;
    private long trades;
    private long selfTradeCancels;

    void command(final CommandKind kind, final int tradesMade, final String rejectReason, final int selfTradeCancelled)
    {
        commands++;
        byKind[kind.ordinal()]++;
        if (tradesMade > 0)
        {
            tradingCommands++;
            tradingByKind[kind.ordinal()]++;
            trades += tradesMade;
        }
        if (rejectReason != null)
        {
            rejects.merge(kind.name() + ":" + rejectReason, 1L, Long::sum);
        }
        selfTradeCancels += selfTradeCancelled;
    }

    void sampleBook(final BookMirror book, final long referenceTicks)
    {
        bidOrders.add(book.restingCount(true));
        askOrders.add(book.restingCount(false));
        bidLevels.add(book.levelCount(true));
        askLevels.add(book.levelCount(false));
        bidOrdersNearTouch.add(book.ordersWithin(true, NEAR_TOUCH_TICKS));
        askOrdersNearTouch.add(book.ordersWithin(false, NEAR_TOUCH_TICKS));
        final long bid = book.bestBid();
        final long ask = book.bestAsk();
        if (bid != 0 && ask != 0)
        {
            spreadTicks.add(ask - bid);
            midOffsetTicks.add((bid + ask) / 2 - referenceTicks);
        }
    }

    long commands()
    {
        return commands;
    }

    long tradingCommands()
    {
        return tradingCommands;
    }

    double tradingShare()
    {
        return commands == 0 ? 0 : (double)tradingCommands / commands;
    }

    long rejectCount()
    {
        long total = 0;
        for (final long count : rejects.values())
        {
            total += count;
        }
        return total;
    }

    String report()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format("  commands %,d; trading (>= 1 trade) %,d = %.2f%%; trades %,d (%.2f per trading command)%n",
            commands, tradingCommands, 100.0 * tradingShare(), trades, tradingCommands == 0 ? 0.0 : (double)trades / tradingCommands));
        for (final CommandKind kind : CommandKind.values())
        {
            final long count = byKind[kind.ordinal()];
            out.append(String.format("    %-28s %6.2f%%  (%,d; %,d traded)%n",
                kind.label, 100.0 * count / Math.max(1, commands), count, tradingByKind[kind.ordinal()]));
        }
        out.append(String.format("  rejects %,d %s; self-trade-prevention cancels %,d%n", rejectCount(), rejects, selfTradeCancels));
        out.append("  resting orders  bids ").append(bidOrders).append(", asks ").append(askOrders).append('\n');
        out.append("  price levels    bids ").append(bidLevels).append(", asks ").append(askLevels).append('\n');
        out.append("  orders within ").append(NEAR_TOUCH_TICKS).append(" ticks of the touch  bids ").append(bidOrdersNearTouch)
            .append(", asks ").append(askOrdersNearTouch).append('\n');
        out.append("  spread (ticks) ").append(spreadTicks).append("; mid - reference (ticks) ").append(midOffsetTicks).append('\n');
        return out.toString();
    }
}
