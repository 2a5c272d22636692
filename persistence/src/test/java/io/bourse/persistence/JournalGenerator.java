package io.bourse.persistence;

import java.nio.file.Path;
import java.util.Random;

import org.agrona.DirectBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * Writes a seeded, trade-heavy journal the way the engine would: accounts, deposits, then crossing limit orders,
 * IOC and market orders, stops, GTD orders, cancels, amends, withdrawals, mass cancels, freezes and halts, each run
 * through a real {@link ExchangeEngine} and journaled with its events. Engine time advances by random steps (with a
 * rare jump of hours) so candles of every interval are produced.
 */
final class JournalGenerator
{
    static final long START_NS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private static final int ACCOUNTS = 300;
    private static final int RECENT_ORDERS = 4096;

    private final ExchangeConfig config;
    private final long seed;
    private final Random random;
    private final ExchangeEngine engine;
    private final CommandWriter command = new CommandWriter();
    private final EventLog events = new EventLog();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final long[] recentOrderIds = new long[RECENT_ORDERS];
    private final long[] recentOrderAccounts = new long[RECENT_ORDERS];
    private int recentCount;
    private long sequence;
    private long timeNs = START_NS;
    private long trades;
    private int refs;
    private boolean tradeHeavy;

    JournalGenerator(final ExchangeConfig config, final long seed)
    {
        this.config = config;
        this.seed = seed;
        this.random = new Random(seed);
        this.engine = new ExchangeEngine(config);
    }

    /** Switches to a taker-heavy mix (most commands trade), for the drain benchmark. */
    JournalGenerator tradeHeavy()
    {
        tradeHeavy = true;
        return this;
    }

    /** Appends {@code commands} commands to the journal in {@code dir} (created if needed). */
    JournalGenerator write(final Path dir, final int commands)
    {
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            for (int i = 0; i < commands; i++)
            {
                timeNs += 1_000_000L + random.nextInt(400_000_000);
                if (random.nextInt(50_000) == 0)
                {
                    timeNs += 3_600_000_000_000L * (1 + random.nextInt(30));
                }
                appendNext(writer);
            }
        }
        return this;
    }

    /** Appends one command stamped with {@code nowNs} (or the last stamp, if later) to an open writer: live mode. */
    void appendAt(final JournalWriter writer, final long nowNs)
    {
        timeNs = Math.max(timeNs, nowNs);
        appendNext(writer);
    }

    private void appendNext(final JournalWriter writer)
    {
        next();
        events.reset();
        engine.process(command.buffer(), 0, command.length(), timeNs, events);
        sequence++;
        writer.append(sequence, timeNs, command.buffer(), 0, command.length(), events.buffer(), events.length(), events.count());
        scan(events.buffer(), events.length());
    }

    /** Writes a snapshot of the generator's engine, as the engine server would after the last appended entry. */
    void snapshot(final io.bourse.engine.snapshot.SnapshotStore store) throws java.io.IOException
    {
        store.write(sequence, timeNs, engine);
    }

    long trades()
    {
        return trades;
    }

    long sequence()
    {
        return sequence;
    }

    long seed()
    {
        return seed;
    }

    private void next()
    {
        if (sequence < ACCOUNTS)
        {
            command.createAccount().accountId(sequence + 1).allowSelfTrade(random.nextInt(10) == 0 ? BooleanType.TRUE : BooleanType.FALSE)
                .reason("onboarding");
            return;
        }
        if (sequence < ACCOUNTS * 4L)
        {
            final int assetIndex = (int)(sequence % 3);
            final int assetId = config.assets().get(assetIndex).id();
            final long amount = switch (assetIndex)
            {
                case 0 -> 50_000_000_000L;        // 500 BTC
                case 1 -> 500_000_000_000L;       // 5,000 ETH
                default -> 50_000_000_000_000L;   // 50M USDT
            };
            command.deposit().accountId(sequence % ACCOUNTS + 1).assetId(assetId).amountMinor(amount)
                .externalRef("dep-" + seed + "-" + (refs++)).reason("funding");
            return;
        }
        final int dice = random.nextInt(1000);
        final long account = 1 + random.nextInt(ACCOUNTS);
        if (tradeHeavy && dice < 900)
        {
            // Makers rest near the touch, takers cross it with IOC: about one trade per command.
            place(account, OrderType.LIMIT, dice < 450 ? TimeInForce.GTC : TimeInForce.IOC);
            return;
        }
        if (dice < 560)
        {
            place(account, OrderType.LIMIT, random.nextInt(20) == 0 ? TimeInForce.GTD : TimeInForce.GTC);
        }
        else if (dice < 660)
        {
            place(account, random.nextBoolean() ? OrderType.MARKET : OrderType.LIMIT, TimeInForce.IOC);
        }
        else if (dice < 690)
        {
            place(account, random.nextBoolean() ? OrderType.STOP : OrderType.STOP_LIMIT, TimeInForce.GTC);
        }
        else if (dice < 870)
        {
            final int pick = pickRecent();
            command.cancelOrder().accountId(recentOrderAccounts[pick]).orderId(recentOrderIds[pick]).clientOrderId("");
        }
        else if (dice < 950)
        {
            amend();
        }
        else if (dice < 970)
        {
            command.withdraw().accountId(account).assetId(config.assets().get(random.nextInt(3)).id())
                .amountMinor(1 + random.nextInt(1_000_000)).externalRef("wd-" + seed + "-" + (refs++)).reason("payout");
        }
        else if (dice < 980)
        {
            command.deposit().accountId(account).assetId(config.assets().get(random.nextInt(3)).id())
                .amountMinor(1 + random.nextInt(1_000_000_000)).externalRef("dep-" + seed + "-" + (refs++)).reason("top up");
        }
        else if (dice < 985)
        {
            command.massCancel().accountId(account).symbolId(random.nextBoolean() ? 0 : symbol().id());
        }
        else if (dice < 990)
        {
            if (random.nextBoolean())
            {
                command.freezeAccount().accountId(account).reason("compliance review");
            }
            else
            {
                command.unfreezeAccount().accountId(account).reason("review closed");
            }
        }
        else if (dice < 994 && !tradeHeavy)
        {
            if (random.nextBoolean())
            {
                command.haltSymbol().symbolId(symbol().id()).reason("volatility");
            }
            else
            {
                command.resumeSymbol().symbolId(symbol().id()).reason("resumed");
            }
        }
        else
        {
            command.tick();
        }
    }

    private void place(final long account, final OrderType type, final TimeInForce tif)
    {
        final SymbolSpec symbol = symbol();
        final boolean buy = random.nextBoolean();
        final long last = engine.lastPriceMinor(symbol.id());
        final long tick = symbol.tickMinor();
        // Buys lean above the last price and sells below it half the time, so about half the limit orders cross.
        final long offsetTicks = !tradeHeavy ? random.nextInt(12) - (random.nextBoolean() ? 2 : 9) :
            tif == TimeInForce.IOC ? 1 + random.nextInt(6) : -random.nextInt(6);
        final long price = Math.max(tick, last + (buy ? offsetTicks : -offsetTicks) * tick);
        final long qty = (1 + random.nextInt(tradeHeavy && tif == TimeInForce.IOC ? 60 : random.nextInt(10) == 0 ? 200 : 20)) *
            symbol.lotMinor();
        long limit = 0;
        long stop = 0;
        if (type == OrderType.LIMIT || type == OrderType.STOP_LIMIT)
        {
            limit = price;
        }
        if (type == OrderType.STOP || type == OrderType.STOP_LIMIT)
        {
            stop = Math.max(tick, last + (buy ? 1 : -1) * (1 + random.nextInt(10)) * tick);
        }
        command.placeOrder().accountId(account).symbolId(symbol.id()).clientOrderId("o" + sequence)
            .side(buy ? Side.BUY : Side.SELL).orderType(type).timeInForce(tif)
            .stpMode(StpMode.get((short)random.nextInt(3))).postOnly(BooleanType.FALSE)
            .priceMinor(limit).stopPriceMinor(stop).qtyMinor(qty)
            .expireTimeNs(tif == TimeInForce.GTD ? timeNs + 1_000_000_000L * (1 + random.nextInt(600)) : 0);
    }

    private void amend()
    {
        final int pick = pickRecent();
        final SymbolSpec symbol = symbol();
        final long last = engine.lastPriceMinor(symbol.id());
        command.replaceOrder().accountId(recentOrderAccounts[pick]).orderId(recentOrderIds[pick]).origClientOrderId("")
            .clientOrderId(random.nextBoolean() ? "" : "a" + sequence)
            .priceMinor(Math.max(symbol.tickMinor(), last + (random.nextInt(9) - 4) * symbol.tickMinor()))
            .qtyMinor((1 + random.nextInt(20)) * symbol.lotMinor());
    }

    private int pickRecent()
    {
        return recentCount == 0 ? 0 : random.nextInt(Math.min(recentCount, RECENT_ORDERS));
    }

    private SymbolSpec symbol()
    {
        // BTC-USDT busiest, then ETH-USDT, then ETH-BTC.
        final int dice = random.nextInt(10);
        return config.symbols().get(dice < 5 ? 0 : dice < 8 ? 1 : 2);
    }

    private void scan(final DirectBuffer buffer, final int length)
    {
        int position = 0;
        while (position < length)
        {
            header.wrap(buffer, position);
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == OrderAcceptedDecoder.TEMPLATE_ID)
            {
                accepted.wrap(buffer, body, header.blockLength(), header.version());
                final int slot = recentCount++ % RECENT_ORDERS;
                recentOrderIds[slot] = accepted.orderId();
                recentOrderAccounts[slot] = accepted.accountId();
            }
            else if (header.templateId() == TradeExecutedDecoder.TEMPLATE_ID)
            {
                trades++;
            }
            position = body + header.blockLength();
        }
    }
}
