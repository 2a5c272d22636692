package io.bourse.benchmarks.loadgen;

import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import io.bourse.gateway.client.BinaryClient;
import io.bourse.gateway.client.ClientListener;
import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.ExecType;
import io.bourse.gateway.sbe.ExecutionReportDecoder;

/**
 * One load-generator connection: turns the first execution report of each order (NEW or REJECTED) into a latency
 * sample measured from the order's intended send time, looked up by the order number its client order id carries.
 * Callbacks run on the client event loop; the counters are read by the main thread.
 */
final class LoadConnection implements ClientListener
{
    static final byte ID_PREFIX = 'L';

    final AtomicLong acks = new AtomicLong();
    final AtomicLong rejects = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong fills = new AtomicLong();
    BinaryClient client;
    private final long[] intendedNs;
    private final long measureFrom;
    private final Recorder recorder;
    private final byte[] id = new byte[32];
    private volatile long lastAckNs;

    LoadConnection(final long[] intendedNs, final long measureFrom, final Recorder recorder)
    {
        this.intendedNs = intendedNs;
        this.measureFrom = measureFrom;
        this.recorder = recorder;
    }

    long lastAckNs()
    {
        return lastAckNs;
    }

    @Override
    public void onExecutionReport(final ExecutionReportDecoder report)
    {
        final short execType = report.execTypeRaw();
        if (execType == ExecType.PARTIAL_FILL.value() || execType == ExecType.FILL.value())
        {
            fills.incrementAndGet();
            return;
        }
        if (execType != ExecType.NEW.value() && execType != ExecType.REJECTED.value())
        {
            return;
        }
        final long nowNs = System.nanoTime();
        report.getClientOrderId(id, 0);
        final long order = orderNumber(id);
        if (order < 0 || order >= intendedNs.length)
        {
            return;
        }
        if (execType == ExecType.REJECTED.value())
        {
            rejects.incrementAndGet();
        }
        acks.incrementAndGet();
        lastAckNs = nowNs;
        if (order >= measureFrom)
        {
            recorder.recordValue(Math.max(0, nowNs - intendedNs[(int)order]));
        }
    }

    @Override
    public void onBusy(final BusyDecoder message)
    {
        busy.incrementAndGet();
    }

    /** Writes "L" + decimal {@code order} into a 32-byte id, zero-padded. */
    static void orderId(final byte[] id, final long order)
    {
        java.util.Arrays.fill(id, (byte)0);
        id[0] = ID_PREFIX;
        int digits = 1;
        for (long v = order; v >= 10; v /= 10)
        {
            digits++;
        }
        long v = order;
        for (int i = digits; i >= 1; i--)
        {
            id[i] = (byte)('0' + (v % 10));
            v /= 10;
        }
    }

    static long orderNumber(final byte[] id)
    {
        if (id[0] != ID_PREFIX)
        {
            return -1;
        }
        long value = 0;
        for (int i = 1; i < id.length && id[i] != 0; i++)
        {
            value = value * 10 + (id[i] - '0');
        }
        return value;
    }
}
