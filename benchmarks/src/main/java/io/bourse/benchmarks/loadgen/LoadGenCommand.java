package io.bourse.benchmarks.loadgen;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.gateway.NettyTransport;
import io.bourse.gateway.client.BinaryClient;
import io.bourse.gateway.sbe.OrderType;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.netty.channel.EventLoopGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse loadgen}: an open-loop load generator for the binary order-entry protocol. Orders are due at a fixed
 * rate whatever the exchange does; each order's latency runs from its intended send time to its acknowledgement (the
 * first execution report), so a stalled exchange or a lagging sender shows up in the numbers instead of silently
 * lowering the load (no coordinated omission). Results go into an HdrHistogram.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
    description = "Open-loop load generator for the binary (SBE) order-entry protocol; latency from intended send "
        + "time to ack into HdrHistogram.")
public final class LoadGenCommand implements Callable<Integer>
{
    private static final int SYMBOL_ID = 1;
    /** BTC-USDT mid price, 30000 USDT, and one tick (0.01 USDT), in USDT minor units. */
    private static final long MID_PRICE_MINOR = 30_000_000_000L;
    private static final long TICK_MINOR = 10_000L;
    /** One lot of BTC (0.0001) in satoshi. */
    private static final long LOT_MINOR = 10_000L;
    /** Below this the sender spins for the next due time, above it parks: parking leaves the cores to the exchange. */
    private static final long SPIN_THRESHOLD_NS = 10_000;

    @Option(names = "--in-process", description = "Start an exchange inside this JVM (temp journal, free ports).")
    boolean inProcess;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Gateway host (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9001", description = "Binary order-entry port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--admin-port", defaultValue = "8080", description = "Admin API port (default ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--admin-token", defaultValue = "${env:BOURSE_ADMIN_TOKEN:-change-me}",
        description = "Admin bearer token, to create and fund the accounts (default $BOURSE_ADMIN_TOKEN or change-me).")
    String adminToken;

    @Option(names = {"-c", "--connections"}, defaultValue = "10", description = "Connections, 1..200 (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-r", "--rate"}, defaultValue = "50000", description = "Offered orders per second, all connections together (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = {"-d", "--duration"}, defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds before measuring (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--mode", defaultValue = "ioc",
        description = "ioc: buy IOC below the market (accepted, then cancelled); trade: alternating resting sells and "
            + "IOC buys that match them (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--hgrm", paramLabel = "FILE", description = "Write the latency histogram (µs) as an .hgrm file.")
    Path hgrmFile;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file for --in-process (default: packaged).")
    Path configFile;

    @Option(names = "--wait-strategy", description = "Engine wait strategy for --in-process (default: the config's).")
    String waitStrategy;

    @Option(names = "--account-base", defaultValue = "900000", description = "First account id used (default ${DEFAULT-VALUE}).")
    long accountBase;

    @Override
    public Integer call() throws Exception
    {
        if (connections < 1 || connections > 200 || rate < 1 || durationSeconds < 1 || warmupSeconds < 0 ||
            !("ioc".equals(mode) || "trade".equals(mode)))
        {
            System.err.println("need 1 <= connections <= 200, rate >= 1, duration >= 1, warmup >= 0, mode ioc|trade");
            return 2;
        }
        InProcessExchange exchange = null;
        try
        {
            if (inProcess)
            {
                final Config base = configFile == null ?
                    ConfigFactory.defaultOverrides().withFallback(ConfigFactory.parseResources("bourse.conf")) :
                    ConfigLoader.loadRaw(configFile);
                exchange = new InProcessExchange(base, waitStrategy);
                port = exchange.gateway.binaryPort();
                adminPort = exchange.gateway.adminPort();
                adminToken = exchange.adminToken;
            }
            return run();
        }
        finally
        {
            if (exchange != null)
            {
                exchange.close();
            }
        }
    }

    private int run() throws Exception
    {
        final long total = (long)rate * (warmupSeconds + durationSeconds);
        if (total > Integer.MAX_VALUE - 8)
        {
            System.err.println("rate x time too large");
            return 2;
        }
        final long measureFrom = (long)rate * warmupSeconds;
        final long[] intendedNs = new long[(int)total];
        final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        final AdminClient admin = new AdminClient(host, adminPort, adminToken, "loadgen");
        final EventLoopGroup group = NettyTransport.newGroup(1, "loadgen-io");
        final List<LoadConnection> loads = new ArrayList<>();
        try
        {
            for (int i = 0; i < connections; i++)
            {
                final long accountId = accountBase + i;
                final String secret = admin.account(accountId);
                final String run = Long.toString(System.currentTimeMillis(), 36);
                admin.deposit(accountId, "USDT", "100000000", "lg-u-" + accountId + "-" + run);
                admin.deposit(accountId, "BTC", "10000", "lg-b-" + accountId + "-" + run);
                final LoadConnection load = new LoadConnection(intendedNs, measureFrom, recorder);
                load.client = BinaryClient.connect(group, host, port, load, true, 0);
                load.client.logon(accountId, secret, 0, false).get(30, TimeUnit.SECONDS);
                loads.add(load);
            }
            System.out.printf("loadgen: %d connections to %s:%d (%s), offered %,d orders/s, %d s warm-up + %d s " +
                "measured, mode %s%n", connections, host, port, NettyTransport.epoll() ? "epoll" : "nio", rate,
                warmupSeconds, durationSeconds, mode);

            final long startNs = send(loads, intendedNs, total);
            final long sendEndNs = System.nanoTime();
            final long drainDeadline = sendEndNs + TimeUnit.SECONDS.toNanos(10);
            while (acks(loads) < total && System.nanoTime() < drainDeadline)
            {
                Thread.sleep(10);
            }
            report(loads, recorder.getIntervalHistogram(), startNs, measureFrom, total);
            return 0;
        }
        finally
        {
            for (final LoadConnection load : loads)
            {
                load.client.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Sends every order at its intended time, round-robin over the connections; returns the start time. */
    private long send(final List<LoadConnection> loads, final long[] intendedNs, final long total)
    {
        final int n = loads.size();
        final boolean[] dirty = new boolean[n];
        final byte[] id = new byte[32];
        final long startNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (long order = 0; order < total; order++)
        {
            final long dueNs = startNs + order * 1_000_000_000L / rate;
            long nowNs = System.nanoTime();
            if (dueNs > nowNs)
            {
                // Caught up: let what is written leave, then wait for the next order's time.
                flush(loads, dirty);
                while ((nowNs = System.nanoTime()) < dueNs)
                {
                    if (dueNs - nowNs > SPIN_THRESHOLD_NS)
                    {
                        LockSupport.parkNanos(dueNs - nowNs - SPIN_THRESHOLD_NS);
                    }
                    else
                    {
                        Thread.onSpinWait();
                    }
                }
            }
            intendedNs[(int)order] = dueNs;
            final int c = (int)(order % n);
            LoadConnection.orderId(id, order);
            final BinaryClient client = loads.get(c).client;
            final boolean sell = "trade".equals(mode) && (order & 1) == 0;
            client.newOrder().putClientOrderId(id, 0).symbolId(SYMBOL_ID).orderType(OrderType.LIMIT)
                .side(sell ? Side.SELL : Side.BUY)
                .timeInForce(sell ? TimeInForce.GTC : TimeInForce.IOC)
                .priceMinor("trade".equals(mode) ? MID_PRICE_MINOR : MID_PRICE_MINOR - 100 * TICK_MINOR)
                .qtyMinor(LOT_MINOR);
            client.writeNewOrder();
            dirty[c] = true;
        }
        flush(loads, dirty);
        return startNs;
    }

    private static void flush(final List<LoadConnection> loads, final boolean[] dirty)
    {
        for (int i = 0; i < dirty.length; i++)
        {
            if (dirty[i])
            {
                loads.get(i).client.flush();
                dirty[i] = false;
            }
        }
    }

    private static long acks(final List<LoadConnection> loads)
    {
        long acks = 0;
        for (final LoadConnection load : loads)
        {
            acks += load.acks.get() + load.busy.get();
        }
        return acks;
    }

    private void report(
        final List<LoadConnection> loads,
        final Histogram histogram,
        final long startNs,
        final long measureFrom,
        final long total) throws Exception
    {
        long acks = 0;
        long rejects = 0;
        long busy = 0;
        long fills = 0;
        long lastAckNs = 0;
        for (final LoadConnection load : loads)
        {
            acks += load.acks.get();
            rejects += load.rejects.get();
            busy += load.busy.get();
            fills += load.fills.get();
            lastAckNs = Math.max(lastAckNs, load.lastAckNs());
        }
        final long measuredStartNs = startNs + measureFrom * 1_000_000_000L / rate;
        final double measuredSeconds = (lastAckNs - measuredStartNs) / 1e9;
        final long measuredAcks = histogram.getTotalCount();
        System.out.printf("sent %,d orders; acked %,d (rejected %,d), busy %,d, fills %,d, unanswered %,d%n",
            total, acks, rejects, busy, fills, total - acks - busy);
        System.out.printf("achieved %,.0f acks/s over the measured %d s (offered %,d/s)%n",
            measuredAcks / Math.max(measuredSeconds, 1e-9), durationSeconds, rate);
        System.out.printf("latency order->ack from intended send time, us: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  " +
                "p99.99 %.1f  max %.1f  (%,d samples)%n",
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
            histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
            histogram.getValueAtPercentile(99.99) / 1e3, histogram.getMaxValue() / 1e3, measuredAcks);
        if (hgrmFile != null)
        {
            try (PrintStream out = new PrintStream(hgrmFile.toFile(), "US-ASCII"))
            {
                histogram.outputPercentileDistribution(out, 1000.0);
            }
            System.out.println("histogram (us) written to " + hgrmFile);
        }
    }
}
