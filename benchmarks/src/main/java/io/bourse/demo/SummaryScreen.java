package io.bourse.demo;

import java.io.PrintStream;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The demo's one-screen summary: redrawn in place once a second on a terminal (ANSI home and clear), or printed as a
 * short progress line every few seconds when the output is a file or a CI log. Also prints the final summary.
 */
final class SummaryScreen
{
    private static final String HOME_AND_CLEAR = "\033[H\033[2J";
    private static final int PLAIN_EVERY_SECONDS = 5;

    private final PrintStream out;
    private final boolean live;
    private final String header;
    private long lastOrders;
    private long lastTrades;
    private long lastCancels;
    private long lastReplaces;
    private long lastPrinted;
    private long lastShowNs;
    private long lastPrintedNs = System.nanoTime();
    private long lastPrintedOrders;

    /**
     * @param live   redraw in place (a terminal), or print progress lines.
     * @param header the lines that do not change: processes, ports, logs, database.
     */
    SummaryScreen(final PrintStream out, final boolean live, final String header)
    {
        this.out = out;
        this.live = live;
        this.header = header;
    }

    /** Shows one second; {@code stats.sampleInterval()} must have been called just before. */
    void show(final long second, final long seconds, final MarketStats stats, final ExchangeGauges.Reading reading)
    {
        final long orders = stats.orders();
        final long trades = stats.trades.sum();
        final long cancels = stats.cancels.sum();
        final long replaces = stats.replaces.sum();
        final long now = System.nanoTime();
        final double interval = lastShowNs == 0 ? 1.0 : Math.max(1e-3, (now - lastShowNs) / 1e9);
        lastShowNs = now;
        if (live)
        {
            final StringBuilder screen = new StringBuilder(HOME_AND_CLEAR)
                .append(String.format("Bourse demo: %d s of %d s   (Ctrl-C stops everything cleanly)%n%n", second, seconds))
                .append(header).append(String.format("%n"))
                .append(String.format("%-24s %14s %14s%n", "", "per second", "total"))
                .append(row("orders sent", (orders - lastOrders) / interval, orders))
                .append(String.format("%-24s %29s%n", "  binary / FIX / stops",
                    String.format("%,d / %,d / %,d", stats.binaryOrders.sum(), stats.fixOrders.sum(), stats.stopOrders.sum())))
                .append(row("trades", (trades - lastTrades) / interval, trades))
                .append(row("cancels", (cancels - lastCancels) / interval, cancels))
                .append(row("amends", (replaces - lastReplaces) / interval, replaces))
                .append(String.format("%-24s %29s%n", "rejects: orders / cancels / busy",
                    String.format("%,d / %,d / %,d", stats.orderRejects.sum(), stats.cancelRejects.sum(), stats.busy.sum())))
                .append(String.format("%-24s %20s%n", "order ack p50 / p99", "last second"))
                .append(String.format("  %-22s %20s%n", "binary (makers)", percentiles(stats.binaryInterval())))
                .append(String.format("  %-22s %20s%n", "FIX (takers)", percentiles(stats.fixInterval())))
                .append(String.format("%-24s %14s %14s%n", "engine sequence", "", count(reading.journalSequence())))
                .append(String.format("%-24s %14s %14s%n", "journal on disk", "", bytes(reading.journalBytes())))
                .append(String.format("%-24s %14s %14s%n", "sidecar lag (commands)", "", count(reading.sidecarLag())))
                .append(String.format("rows in PostgreSQL       %s%n", rows(reading.rows())));
            out.print(screen);
        }
        else if (second >= lastPrinted + PLAIN_EVERY_SECONDS || second == seconds)
        {
            final double sincePrinted = Math.max(1e-3, (now - lastPrintedNs) / 1e9);
            out.printf("[%3d s] orders %,d (%,.0f/s)  trades %,d  ack p99 (last 1 s) binary %s FIX %s  sequence %s  " +
                "sidecar lag %s  PostgreSQL trades %s%n", second, orders, (orders - lastPrintedOrders) / sincePrinted,
                trades, duration(stats.binaryInterval(), 99), duration(stats.fixInterval(), 99),
                count(reading.journalSequence()), count(reading.sidecarLag()),
                count(reading.rows().getOrDefault("trades", -1L)));
            lastPrinted = second;
            lastPrintedNs = now;
            lastPrintedOrders = orders;
        }
        out.flush();
        lastOrders = orders;
        lastTrades = trades;
        lastCancels = cancels;
        lastReplaces = replaces;
    }

    /** The whole run, after the market has stopped and the sidecar has caught up. */
    void showFinal(final double seconds, final MarketStats stats, final ExchangeGauges.Reading reading)
    {
        out.printf("%nFinal summary (%.1f s of trading)%n", seconds);
        out.printf("  orders sent        %,d (%,.0f/s): %,d binary from makers, %,d FIX from takers, of which %,d stop orders%n",
            stats.orders(), stats.orders() / seconds, stats.binaryOrders.sum(), stats.fixOrders.sum(), stats.stopOrders.sum());
        out.printf("  trades             %,d (%,.0f/s); stops triggered %,d%n", stats.trades.sum(),
            stats.trades.sum() / seconds, stats.stopsTriggered.sum());
        out.printf("  cancels / amends   %,d / %,d%n", stats.cancels.sum(), stats.replaces.sum());
        out.printf("  rejects            %,d orders, %,d cancels/amends (races with fills); busy %,d; disconnects %,d%n",
            stats.orderRejects.sum(), stats.cancelRejects.sum(), stats.busy.sum(), stats.disconnects.sum());
        out.printf("  order ack          binary p50 / p99 / max %s; FIX %s%n", percentiles(stats.binaryTotal(), true),
            percentiles(stats.fixTotal(), true));
        out.printf("  engine sequence    %s; journal %s on disk%n", count(reading.journalSequence()), bytes(reading.journalBytes()));
        out.printf("  PostgreSQL         sidecar at sequence %s (lag %s); %s%n", count(reading.sidecarSequence()),
            count(reading.sidecarLag()), rows(reading.rows()));
        out.flush();
    }

    private static String row(final String name, final double perSecond, final long total)
    {
        return String.format("%-24s %,14.0f %,14d%n", name, perSecond, total);
    }

    private static String rows(final Map<String, Long> rows)
    {
        if (rows.isEmpty())
        {
            return "(waiting for the sidecar's schema)";
        }
        final StringBuilder text = new StringBuilder();
        rows.forEach((table, count) -> text.append(table).append(' ').append(count(count)).append("  "));
        return text.toString().trim();
    }

    private static String percentiles(final Histogram histogram)
    {
        return percentiles(histogram, false);
    }

    private static String percentiles(final Histogram histogram, final boolean withMax)
    {
        if (histogram == null || histogram.getTotalCount() == 0)
        {
            return "-";
        }
        return duration(histogram, 50) + " / " + duration(histogram, 99) +
            (withMax ? " / " + format(histogram.getMaxValue()) : "");
    }

    private static String duration(final Histogram histogram, final double percentile)
    {
        return histogram == null || histogram.getTotalCount() == 0 ? "-" : format(histogram.getValueAtPercentile(percentile));
    }

    static String format(final long nanos)
    {
        if (nanos < 1_000_000)
        {
            return String.format("%d us", nanos / 1_000);
        }
        if (nanos < 1_000_000_000)
        {
            return String.format("%.1f ms", nanos / 1e6);
        }
        return String.format("%.2f s", nanos / 1e9);
    }

    private static String count(final long value)
    {
        return value < 0 ? "?" : String.format("%,d", value);
    }

    private static String bytes(final long value)
    {
        return value < 0 ? "?" : String.format("%.1f MB", value / 1e6);
    }
}
