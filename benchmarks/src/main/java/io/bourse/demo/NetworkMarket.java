package io.bourse.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.gateway.client.BinaryClient;
import io.bourse.gateway.client.ClientListener;
import io.bourse.gateway.client.fix.FixClient;
import io.bourse.gateway.client.fix.FixClientListener;
import io.bourse.gateway.fix.codec.FixMessage;
import io.bourse.gateway.fix.codec.FixTags;
import io.bourse.gateway.sbe.BusyDecoder;
import io.bourse.gateway.sbe.CancelRejectDecoder;
import io.bourse.gateway.sbe.ExecType;
import io.bourse.gateway.sbe.ExecutionReportDecoder;
import io.bourse.gateway.sbe.Liquidity;
import io.bourse.gateway.sbe.Side;
import io.bourse.gateway.sbe.TimeInForce;
import io.netty.channel.EventLoopGroup;

/**
 * A small market over the real network protocols: market makers on the binary port keep a few GTC quotes on both
 * sides of every symbol around a drifting mid price, amending and cancelling them; takers on the FIX port send IOC
 * limit and market orders that hit those quotes, and park stop orders above and below the market, cancelling some.
 * One thread paces the requests at a fixed rate; replies arrive on the clients' event loops and are counted in
 * {@link MarketStats}. Seeded, but the interleaving with replies is not deterministic.
 */
final class NetworkMarket implements AutoCloseable
{
    /** An account the market trades for, with its API secret. */
    record Trader(long accountId, String secret)
    {
    }

    /** Open quotes per maker, symbol and side. */
    private static final int QUOTE_LEVELS = 4;
    /** Resting stop orders per taker before it cancels one instead of placing another. */
    private static final int MAX_RESTING_STOPS = 6;
    private static final long PENDING_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int MAX_BURST = 1_000;

    private final SymbolSpec[] symbols;
    private final int[] baseScale;
    private final int[] quoteScale;
    private final long[] midTicks;
    private final SplittableRandom random;
    private final MarketStats stats;
    private final List<Maker> makers = new ArrayList<>();
    private final List<Taker> takers = new ArrayList<>();
    private final EventLoopGroup fixGroup = FixClient.newGroup(1);
    private volatile boolean running;
    private volatile boolean closing;
    private volatile long sendingNs;
    private Thread thread;

    NetworkMarket(final ExchangeConfig config, final MarketStats stats, final long seed)
    {
        this.symbols = config.symbols().toArray(new SymbolSpec[0]);
        this.stats = stats;
        this.random = new SplittableRandom(seed);
        baseScale = new int[symbols.length];
        quoteScale = new int[symbols.length];
        midTicks = new long[symbols.length];
        for (int i = 0; i < symbols.length; i++)
        {
            baseScale[i] = config.asset(symbols[i].baseAssetId()).scale();
            quoteScale[i] = config.asset(symbols[i].quoteAssetId()).scale();
            midTicks[i] = symbols[i].referencePriceTicks();
        }
    }

    /** Connects and logs on every maker (binary) and taker (FIX); throws if any logon fails. */
    void connect(
        final String host,
        final int binaryPort,
        final int fixPort,
        final String fixTargetCompId,
        final List<Trader> makerAccounts,
        final List<Trader> takerAccounts) throws Exception
    {
        for (final Trader trader : makerAccounts)
        {
            final Maker maker = new Maker(trader.accountId());
            maker.client = BinaryClient.connect(host, binaryPort, maker);
            maker.client.logon(trader.accountId(), trader.secret(), 0, false).get(30, TimeUnit.SECONDS);
            makers.add(maker);
        }
        for (final Trader trader : takerAccounts)
        {
            final Taker taker = new Taker(trader.accountId());
            taker.client = new FixClient(fixGroup, taker);
            taker.client.connect(host, fixPort, "DEMO" + trader.accountId(), fixTargetCompId, trader.accountId(),
                trader.secret(), 30, true).get(30, TimeUnit.SECONDS);
            takers.add(taker);
        }
    }

    /** Starts sending {@code requestsPerSecond} requests on a thread of its own, for {@code durationNs}. */
    void start(final int requestsPerSecond, final long durationNs)
    {
        running = true;
        thread = new Thread(() -> run(requestsPerSecond, durationNs), "demo-market");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sending, logs every session out and closes the connections. Resting orders stay on the books. */
    @Override
    public synchronized void close()
    {
        if (closing)
        {
            return;
        }
        closing = true;
        running = false;
        if (thread != null)
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        for (final Maker maker : makers)
        {
            if (maker.client != null && maker.client.isConnected())
            {
                maker.client.sendLogout();
            }
        }
        for (final Taker taker : takers)
        {
            if (taker.client != null && taker.client.isConnected())
            {
                taker.client.logout();
            }
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        makers.forEach(maker -> maker.client.close());
        takers.forEach(taker -> taker.client.close());
        fixGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Seconds the market sent requests for, once it has stopped. */
    double sendingSeconds()
    {
        return sendingNs / 1e9;
    }

    private void run(final int requestsPerSecond, final long durationNs)
    {
        final long start = System.nanoTime();
        long sent = 0;
        while (running && System.nanoTime() - start < durationNs)
        {
            final long due = (System.nanoTime() - start) * requestsPerSecond / TimeUnit.SECONDS.toNanos(1);
            for (int burst = 0; sent < due && burst < MAX_BURST && running; burst++, sent++)
            {
                step();
            }
            sent = Math.max(sent, due - MAX_BURST);
            LockSupport.parkNanos(TICK_NS);
        }
        sendingNs = System.nanoTime() - start;
    }

    /** One request: three in four from a market maker, the rest from a taker. */
    private void step()
    {
        final int s = random.nextInt(symbols.length);
        drift(s);
        if (random.nextInt(4) != 0)
        {
            makers.get(random.nextInt(makers.size())).step(s, random.nextBoolean());
        }
        else
        {
            takers.get(random.nextInt(takers.size())).step(s, random.nextBoolean());
        }
    }

    /** The mid price wanders a basis point at a time within 4% of the reference, so stops trigger now and then. */
    private void drift(final int s)
    {
        if (random.nextInt(16) == 0)
        {
            final long reference = symbols[s].referencePriceTicks();
            final long step = Math.max(1, reference / 10_000);
            midTicks[s] = Math.max(reference * 96 / 100,
                Math.min(reference * 104 / 100, midTicks[s] + (random.nextInt(3) - 1) * step));
        }
    }

    /** Half the quoted spread, in ticks. */
    private long halfSpreadTicks(final int s)
    {
        return Math.max(2, midTicks[s] / 4_000);
    }

    private long lots(final int s, final int maxMultiple)
    {
        return symbols[s].minQtyLots() * (1 + random.nextInt(maxMultiple));
    }

    private String price(final int s, final long ticks)
    {
        return BigDecimal.valueOf(ticks * symbols[s].tickMinor(), quoteScale[s]).stripTrailingZeros().toPlainString();
    }

    private String quantity(final int s, final long lots)
    {
        return BigDecimal.valueOf(lots * symbols[s].lotMinor(), baseScale[s]).stripTrailingZeros().toPlainString();
    }

    /** A maker's order as the maker knows it. */
    private static final class Quote
    {
        final int symbolIndex;
        final boolean buy;
        final long createdNs;
        volatile long orderId;
        volatile boolean acked;

        Quote(final int symbolIndex, final boolean buy, final long createdNs)
        {
            this.symbolIndex = symbolIndex;
            this.buy = buy;
            this.createdNs = createdNs;
        }
    }

    /** A market maker on the binary protocol. Sends on the market thread; hears on its client's event loop. */
    private final class Maker implements ClientListener
    {
        private final String idPrefix;
        private final Map<String, Quote> quotes = new ConcurrentHashMap<>();
        private final List<Quote> candidates = new ArrayList<>();
        private long nextClientOrderId;
        BinaryClient client;

        Maker(final long accountId)
        {
            idPrefix = "m" + accountId + "-";
        }

        void step(final int s, final boolean buy)
        {
            if (!client.isConnected())
            {
                return;
            }
            final long now = System.nanoTime();
            candidates.clear();
            int open = 0;
            for (final Map.Entry<String, Quote> entry : quotes.entrySet())
            {
                final Quote quote = entry.getValue();
                if (!quote.acked && now - quote.createdNs > PENDING_TIMEOUT_NS)
                {
                    quotes.remove(entry.getKey());
                }
                else if (quote.symbolIndex == s && quote.buy == buy)
                {
                    open++;
                    if (quote.acked)
                    {
                        candidates.add(quote);
                    }
                }
            }
            if (open < QUOTE_LEVELS || candidates.isEmpty())
            {
                place(s, buy, now);
            }
            else
            {
                final Quote quote = candidates.get(random.nextInt(candidates.size()));
                if (random.nextInt(5) < 3)
                {
                    client.sendReplace(quote.orderId, "", "", quotePriceTicks(s, buy) * symbols[s].tickMinor(),
                        lots(s, 20) * symbols[s].lotMinor());
                    stats.replaces.increment();
                }
                else
                {
                    client.sendCancel(quote.orderId, "");
                    stats.cancels.increment();
                }
            }
        }

        private void place(final int s, final boolean buy, final long now)
        {
            final String clientOrderId = idPrefix + Long.toString(++nextClientOrderId, 36);
            quotes.put(clientOrderId, new Quote(s, buy, now));
            client.sendLimitOrder(clientOrderId, symbols[s].id(), buy ? Side.BUY : Side.SELL,
                quotePriceTicks(s, buy) * symbols[s].tickMinor(), lots(s, 20) * symbols[s].lotMinor(), TimeInForce.GTC);
            stats.binaryOrders.increment();
        }

        private long quotePriceTicks(final int s, final boolean buy)
        {
            final long offset = 1 + random.nextInt((int)Math.min(Integer.MAX_VALUE, halfSpreadTicks(s)));
            return Math.max(1, buy ? midTicks[s] - offset : midTicks[s] + offset);
        }

        @Override
        public void onExecutionReport(final ExecutionReportDecoder report)
        {
            final String clientOrderId = report.clientOrderId().trim();
            final Quote quote = quotes.get(clientOrderId);
            final ExecType execType = report.execType();
            if (quote != null && !quote.acked)
            {
                stats.recordBinaryAck(System.nanoTime() - quote.createdNs);
                quote.orderId = report.orderId();
                quote.acked = true;
            }
            switch (execType)
            {
                case PARTIAL_FILL, FILL ->
                {
                    if (report.liquidity() == Liquidity.TAKER)
                    {
                        stats.trades.increment();
                    }
                    if (report.leavesQtyMinor() == 0)
                    {
                        quotes.remove(clientOrderId);
                    }
                }
                case REJECTED ->
                {
                    stats.orderRejects.increment();
                    quotes.remove(clientOrderId);
                }
                case CANCELLED, EXPIRED -> quotes.remove(clientOrderId);
                case REPLACED ->
                {
                    if (report.leavesQtyMinor() == 0)
                    {
                        quotes.remove(clientOrderId);
                    }
                }
                default ->
                {
                }
            }
        }

        @Override
        public void onCancelReject(final CancelRejectDecoder reject)
        {
            stats.cancelRejects.increment();
        }

        @Override
        public void onBusy(final BusyDecoder busy)
        {
            stats.busy.increment();
        }

        @Override
        public void onDisconnected()
        {
            if (!closing)
            {
                stats.disconnects.increment();
            }
        }
    }

    /** A stop order a taker has resting. */
    private record RestingStop(int symbolIndex, char side)
    {
    }

    /** A taker on FIX. Sends on the market thread; hears on the FIX event loop. */
    private final class Taker implements FixClientListener
    {
        private final String idPrefix;
        private final Map<String, Long> sentNs = new ConcurrentHashMap<>();
        private final Map<String, RestingStop> restingStops = new ConcurrentHashMap<>();
        private long nextClOrdId;
        FixClient client;

        Taker(final long accountId)
        {
            idPrefix = "t" + accountId + "-";
        }

        void step(final int s, final boolean buy)
        {
            if (!client.isConnected())
            {
                return;
            }
            final int roll = random.nextInt(100);
            final char side = buy ? '1' : '2';
            final String symbol = symbols[s].code();
            if (roll < 55)
            {
                final long priceTicks = buy ? midTicks[s] + halfSpreadTicks(s) : Math.max(1, midTicks[s] - halfSpreadTicks(s));
                send(symbol, side, '2', quantity(s, lots(s, 10)), price(s, priceTicks), null, '3');
            }
            else if (roll < 85)
            {
                send(symbol, side, '1', quantity(s, lots(s, 10)), null, null, (char)0);
            }
            else if (roll < 95 && restingStops.size() < MAX_RESTING_STOPS)
            {
                // Beyond the quotes, so the last trade price has not already reached it (which would be rejected).
                final long distance = 2 * halfSpreadTicks(s) + 1 + random.nextInt((int)Math.min(Integer.MAX_VALUE,
                    3 * halfSpreadTicks(s)));
                final long stopTicks = buy ? midTicks[s] + distance : Math.max(1, midTicks[s] - distance);
                final String clOrdId = send(symbol, side, '3', quantity(s, lots(s, 5)), null, price(s, stopTicks), '1');
                restingStops.put(clOrdId, new RestingStop(s, side));
                stats.stopOrders.increment();
            }
            else
            {
                for (final Map.Entry<String, RestingStop> stop : restingStops.entrySet())
                {
                    client.cancel(idPrefix + Long.toString(++nextClOrdId, 36), stop.getKey(),
                        symbols[stop.getValue().symbolIndex()].code(), stop.getValue().side());
                    stats.cancels.increment();
                    restingStops.remove(stop.getKey());
                    break;
                }
            }
        }

        private String send(final String symbol, final char side, final char ordType, final String qty,
            final String price, final String stopPx, final char tif)
        {
            final String clOrdId = idPrefix + Long.toString(++nextClOrdId, 36);
            sentNs.put(clOrdId, System.nanoTime());
            client.newOrder(clOrdId, symbol, side, ordType, qty, price, stopPx, tif);
            stats.fixOrders.increment();
            return clOrdId;
        }

        @Override
        public void onMessage(final char msgType, final FixMessage message)
        {
            if (msgType == '9')
            {
                stats.cancelRejects.increment();
                return;
            }
            if (msgType == 'j')
            {
                stats.orderRejects.increment();
                return;
            }
            if (msgType != '8')
            {
                return;
            }
            final String clOrdId = message.getString(FixTags.CL_ORD_ID);
            final Long sent = clOrdId == null ? null : sentNs.remove(clOrdId);
            if (sent != null)
            {
                stats.recordFixAck(System.nanoTime() - sent);
            }
            switch (message.getChar(FixTags.EXEC_TYPE))
            {
                case 'F' -> stats.trades.increment();
                case '8' ->
                {
                    stats.orderRejects.increment();
                    restingStops.remove(clOrdId);
                }
                case 'L' ->
                {
                    stats.stopsTriggered.increment();
                    restingStops.remove(clOrdId);
                }
                default ->
                {
                }
            }
        }

        @Override
        public void onSessionMessage(final char msgType, final FixMessage message)
        {
            if (msgType == '3')
            {
                stats.orderRejects.increment();
            }
        }

        @Override
        public void onDisconnected()
        {
            if (!closing)
            {
                stats.disconnects.increment();
            }
        }
    }
}
