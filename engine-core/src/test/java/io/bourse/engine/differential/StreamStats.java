package io.bourse.engine.differential;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.RejectReason;

/**
 * Counts of what a command stream exercised (rejects by reason, cancels by reason, trades, stop triggers), so tests
 * can assert the generator reaches every path and print a summary.
 */
public final class StreamStats
{
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    private final Map<CancelReason, Long> cancels = new EnumMap<>(CancelReason.class);
    private final Map<CommandType, Long> rejectedCommands = new EnumMap<>(CommandType.class);
    private final Map<String, Long> events = new TreeMap<>();
    private final Map<String, Long> paths = new TreeMap<>();
    private long commands;
    private long commandsWithTrades;
    private long trades;
    private long stopTriggers;
    private long cascades;
    private long priorityKeptAmends;
    private long amendsEndingOrder;
    private long selfTrades;
    private long maxOpenOrders;

    void onCommand(final int tradesInCommand, final int triggersInCommand, final int openOrders)
    {
        commands++;
        maxOpenOrders = Math.max(maxOpenOrders, openOrders);
        if (tradesInCommand > 0)
        {
            commandsWithTrades++;
        }
        trades += tradesInCommand;
        stopTriggers += triggersInCommand;
        if (triggersInCommand >= 2)
        {
            cascades++;
        }
    }

    void onEvent(final String name)
    {
        events.merge(name, 1L, Long::sum);
    }

    void onReject(final CommandType type, final RejectReason reason)
    {
        rejects.merge(reason, 1L, Long::sum);
        rejectedCommands.merge(type, 1L, Long::sum);
    }

    void onCancel(final CancelReason reason)
    {
        cancels.merge(reason, 1L, Long::sum);
    }

    void onReplaced(final boolean priorityKept, final boolean ended)
    {
        if (priorityKept)
        {
            priorityKeptAmends++;
        }
        if (ended)
        {
            amendsEndingOrder++;
        }
    }

    /** Counts one occurrence of a named corner of the spec (see {@link #paths(String)}). */
    void onPath(final String name)
    {
        paths.merge(name, 1L, Long::sum);
    }

    void onSelfTrade()
    {
        selfTrades++;
    }

    /** Adds another stream's counts to these. */
    public void add(final StreamStats other)
    {
        other.rejects.forEach((key, value) -> rejects.merge(key, value, Long::sum));
        other.cancels.forEach((key, value) -> cancels.merge(key, value, Long::sum));
        other.rejectedCommands.forEach((key, value) -> rejectedCommands.merge(key, value, Long::sum));
        other.events.forEach((key, value) -> events.merge(key, value, Long::sum));
        other.paths.forEach((key, value) -> paths.merge(key, value, Long::sum));
        commands += other.commands;
        commandsWithTrades += other.commandsWithTrades;
        trades += other.trades;
        stopTriggers += other.stopTriggers;
        cascades += other.cascades;
        priorityKeptAmends += other.priorityKeptAmends;
        amendsEndingOrder += other.amendsEndingOrder;
        selfTrades += other.selfTrades;
        maxOpenOrders = Math.max(maxOpenOrders, other.maxOpenOrders);
    }

    public long rejects(final RejectReason reason)
    {
        return rejects.getOrDefault(reason, 0L);
    }

    public long cancels(final CancelReason reason)
    {
        return cancels.getOrDefault(reason, 0L);
    }

    public long events(final String name)
    {
        return events.getOrDefault(name, 0L);
    }

    /** How often a named corner was reached, e.g. {@code "amendThatTrades"}. */
    public long paths(final String name)
    {
        return paths.getOrDefault(name, 0L);
    }

    public long commands()
    {
        return commands;
    }

    public long commandsWithTrades()
    {
        return commandsWithTrades;
    }

    public long stopTriggers()
    {
        return stopTriggers;
    }

    /** Commands that triggered two or more stops. */
    public long cascades()
    {
        return cascades;
    }

    public long priorityKeptAmends()
    {
        return priorityKeptAmends;
    }

    public long amendsEndingOrder()
    {
        return amendsEndingOrder;
    }

    /** Trades between two orders of the same account (allowed with stpMode NONE). */
    public long selfTrades()
    {
        return selfTrades;
    }

    /** One line: commands, trades, stops. */
    public String summary()
    {
        return "commands=" + commands + " withTrades=" + commandsWithTrades
            + String.format(" (%.1f%%)", 100.0 * commandsWithTrades / Math.max(1, commands))
            + " trades=" + trades + " stopTriggers=" + stopTriggers + " cascades=" + cascades
            + " selfTrades=" + selfTrades + " priorityKeptAmends=" + priorityKeptAmends
            + " amendsEndingOrder=" + amendsEndingOrder + " maxOpenOrders=" + maxOpenOrders;
    }

    @Override
    public String toString()
    {
        return summary() + "\n  paths=" + paths + "\n  events=" + events + "\n  rejects=" + rejects + "\n  rejectedCommands=" + rejectedCommands
            + "\n  cancels=" + cancels;
    }
}
