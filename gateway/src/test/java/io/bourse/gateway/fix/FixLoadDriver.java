package io.bourse.gateway.fix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import io.bourse.gateway.client.fix.FixClient;
import io.bourse.gateway.client.fix.FixClientListener;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixTags;
import io.netty.channel.EventLoopGroup;

/**
 * Open-loop FIX load: an in-process exchange (engine, journal without fsync, FIX acceptor) and {@code connections}
 * {@link FixClient}s sending NewOrderSingle at a fixed offered rate, each an IOC limit buy that cannot match (so the
 * book stays empty and every order is acknowledged, then cancelled). Latency is measured from each order's
 * <em>intended</em> send time to its ExecutionReport New (coordinated-omission free) into an HdrHistogram.
 *
 * <pre>java -cp ... io.bourse.gateway.fix.FixLoadDriver RATE SECONDS [CONNECTIONS] [WARMUP_SECONDS]</pre>
 */
public final class FixLoadDriver
{
    private static final String SYMBOL = "BTC-USDT";
    /** The sender wakes this often and sends every order that is due (each keeps its own intended time). */
    private static final long PACING_PARK_NS = 100_000;

    private FixLoadDriver()
    {
    }

    private static long processCpuNs()
    {
        return ((com.sun.management.OperatingSystemMXBean)java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    public static void main(final String[] args) throws Exception
    {
        final long rate = Long.parseLong(args[0]);
        final int seconds = Integer.parseInt(args[1]);
        final int connections = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        final int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        java.util.logging.Logger.getLogger("io.bourse.gateway.fix").setLevel(java.util.logging.Level.WARNING);

        final Path dir = Files.createTempDirectory("bourse-fix-load");
        final long[] accounts = new long[connections];
        for (int i = 0; i < connections; i++)
        {
            accounts[i] = i + 1;
        }
        final long totalOrders = rate * (seconds + warmupSeconds);
        final long[] intendedNs = new long[(int)Math.min(totalOrders + 1, Integer.MAX_VALUE - 8)];
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final AtomicLong acked = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final long measureFromIndex = rate * warmupSeconds;

        try (FixTestExchange exchange = new FixTestExchange(dir).fundedAccounts(accounts))
        {
            final EventLoopGroup group = FixClient.newGroup(1);
            final FixClientListener listener = new FixClientListener()
            {
                @Override
                public void onMessage(final char msgType, final FixMessage message)
                {
                    if (msgType != '8')
                    {
                        return;
                    }
                    final char execType = message.getChar(FixTags.EXEC_TYPE);
                    if (execType == '0' || execType == '8')
                    {
                        final long index = message.getLong(FixTags.CL_ORD_ID);
                        final long latencyNs = System.nanoTime() - intendedNs[(int)index];
                        if (index >= measureFromIndex)
                        {
                            histogram.recordValue(Math.min(latencyNs, histogram.getHighestTrackableValue()));
                        }
                        acked.incrementAndGet();
                        if (execType == '8' && rejected.incrementAndGet() == 1)
                        {
                            System.out.println("first reject: " + message.getString(FixTags.TEXT));
                        }
                    }
                }
            };
            final List<FixClient> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++)
            {
                final FixClient client = new FixClient(group, listener).autoFlush(false);
                client.connect("127.0.0.1", exchange.port(), "LOAD" + i, "BOURSE", accounts[i], "secret-" + accounts[i], 30,
                    true).get(10, TimeUnit.SECONDS);
                clients.add(client);
            }

            final long startNs = System.nanoTime();
            final long endNs = startNs + TimeUnit.SECONDS.toNanos(seconds + warmupSeconds);
            final long measureStartNs = startNs + TimeUnit.SECONDS.toNanos(warmupSeconds);
            long sent = 0;
            long ackedAtMeasureStart = -1;
            long cpuAtMeasureStartNs = 0;
            long rejectedAtMeasureStart = 0;
            while (true)
            {
                final long now = System.nanoTime();
                if (now >= endNs)
                {
                    break;
                }
                if (ackedAtMeasureStart < 0 && now >= measureStartNs)
                {
                    ackedAtMeasureStart = acked.get();
                    rejectedAtMeasureStart = rejected.get();
                    cpuAtMeasureStartNs = processCpuNs();
                }
                final long due = Math.min(totalOrders, (now - startNs) * rate / 1_000_000_000L);
                final long batchStart = sent;
                while (sent < due)
                {
                    intendedNs[(int)sent] = startNs + sent * 1_000_000_000L / rate;
                    final FixClient client = clients.get((int)(sent % connections));
                    client.newOrder(Long.toString(sent), SYMBOL, '1', '2', "0.01", "27500", '3');
                    sent++;
                }
                if (sent > batchStart)
                {
                    for (final FixClient client : clients)
                    {
                        client.flush();
                    }
                }
                LockSupport.parkNanos(PACING_PARK_NS);
            }
            final long ackedAtEnd = acked.get();
            final long rejectedInWindow = rejected.get() - rejectedAtMeasureStart;
            final long cpuNs = processCpuNs() - cpuAtMeasureStartNs;
            final long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acked.get() < sent && System.nanoTime() < drainDeadline)
            {
                Thread.sleep(10);
            }
            final double achieved = (ackedAtEnd - ackedAtMeasureStart) / (double)seconds;
            System.out.printf("offered %,d orders/s over %d connection(s) for %d s (+%d s warm-up): answered %,.0f " +
                "orders/s in the window, of which accepted %,.0f/s (rejected %,d, mostly BUSY); total sent %,d, answered " +
                "%,d%n", rate, connections, seconds, warmupSeconds, achieved,
                (ackedAtEnd - ackedAtMeasureStart - rejectedInWindow) / (double)seconds, rejectedInWindow, sent, acked.get());
            System.out.printf("order -> ExecutionReport(New) latency from intended send time (us): p50 %.1f  p90 %.1f  " +
                "p99 %.1f  p99.9 %.1f  max %.1f  (n=%,d)%n",
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3, histogram.getTotalCount());
            System.out.printf("process CPU in the window: %.1f s over %d s (%.1f us per acknowledged order; client, " +
                "gateway and engine share the JVM); load average %.1f%n", cpuNs / 1e9, seconds,
                cpuNs / 1e3 / Math.max(1, ackedAtEnd - ackedAtMeasureStart),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (final FixClient client : clients)
            {
                client.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
