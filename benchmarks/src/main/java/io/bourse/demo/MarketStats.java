package io.bourse.demo;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the demo's traders did and saw, counted from the clients' side: requests sent, trades, rejects, and the
 * order-ack latency (send of a new order to its first execution report) per protocol. Thread-safe: the market
 * thread sends, the clients' event loops receive, the summary reads.
 */
final class MarketStats
{
    private static final long MAX_LATENCY_NS = TimeUnit.SECONDS.toNanos(60);

    final LongAdder binaryOrders = new LongAdder();
    final LongAdder fixOrders = new LongAdder();
    final LongAdder stopOrders = new LongAdder();
    final LongAdder cancels = new LongAdder();
    final LongAdder replaces = new LongAdder();
    final LongAdder trades = new LongAdder();
    final LongAdder stopsTriggered = new LongAdder();
    final LongAdder orderRejects = new LongAdder();
    final LongAdder cancelRejects = new LongAdder();
    final LongAdder busy = new LongAdder();
    final LongAdder disconnects = new LongAdder();

    private final Recorder binaryAckNs = new Recorder(MAX_LATENCY_NS, 3);
    private final Recorder fixAckNs = new Recorder(MAX_LATENCY_NS, 3);
    private final Histogram binaryAckTotal = new Histogram(MAX_LATENCY_NS, 3);
    private final Histogram fixAckTotal = new Histogram(MAX_LATENCY_NS, 3);
    private Histogram binaryInterval;
    private Histogram fixInterval;

    void recordBinaryAck(final long latencyNs)
    {
        binaryAckNs.recordValue(Math.min(Math.max(latencyNs, 1), MAX_LATENCY_NS));
    }

    void recordFixAck(final long latencyNs)
    {
        fixAckNs.recordValue(Math.min(Math.max(latencyNs, 1), MAX_LATENCY_NS));
    }

    long orders()
    {
        return binaryOrders.sum() + fixOrders.sum();
    }

    /**
     * Moves the acks recorded since the last call into the interval histograms (returned by
     * {@link #binaryInterval()} and {@link #fixInterval()}) and the totals. One reader thread.
     */
    synchronized void sampleInterval()
    {
        binaryInterval = binaryAckNs.getIntervalHistogram(binaryInterval);
        fixInterval = fixAckNs.getIntervalHistogram(fixInterval);
        binaryAckTotal.add(binaryInterval);
        fixAckTotal.add(fixInterval);
    }

    synchronized Histogram binaryInterval()
    {
        return binaryInterval;
    }

    synchronized Histogram fixInterval()
    {
        return fixInterval;
    }

    synchronized Histogram binaryTotal()
    {
        return binaryAckTotal.copy();
    }

    synchronized Histogram fixTotal()
    {
        return fixAckTotal.copy();
    }
}
