package io.bourse.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.HdrHistogram.Histogram;
import org.agrona.ExpandableArrayBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.SnapshotCodec;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.server.ConfigOption;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.TradeExecutedDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse demo}: drives a simulated market through the state machine on this thread for a while, showing
 * throughput, per-command latency and the books as it goes, then checks that money was conserved and that a
 * snapshot restores to the same state hash. The engine-only demo of issue #2; later issues add the processes.
 */
@Command(name = "engine-demo", mixinStandardHelpOptions = true,
    description = "Run a simulated market through the state machine alone, on one thread, and check the books balance.")
public final class EngineDemo implements Callable<Integer>
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Option(names = "--config", description = "Configuration file (default: ./config/bourse.conf if present, else the built-in one).")
    private Path configFile;

    @Option(names = "--seconds", description = "How long to run (default: ${DEFAULT-VALUE}).")
    private int seconds = 10;

    @Option(names = "--seed", description = "Seed of the simulated market (default: ${DEFAULT-VALUE}).")
    private long seed = 1;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private final long[] rejectsByReason = new long[256];
    private long trades;
    private long rejects;

    @Override
    public Integer call()
    {
        if (seconds < 1)
        {
            System.err.println("--seconds must be at least 1");
            return 2;
        }
        final ExchangeConfig config = ConfigLoader.fromConfig(ConfigOption.load(configFile));
        final ExchangeEngine engine = new ExchangeEngine(config);
        final CommandWriter writer = new CommandWriter();
        final EventLog events = new EventLog();
        final MarketSimulator simulator = new MarketSimulator(seed, config);
        final Histogram latencyNs = new Histogram(10_000_000L, 3);
        final long[] deposited = fundAccounts(config, engine, writer, events);

        System.out.printf("Bourse engine demo: %d market makers and %d takers on %s for %d s (seed %d)%n%n",
            MarketSimulator.MARKET_MAKERS, MarketSimulator.TAKERS, symbolCodes(config), seconds, seed);
        System.out.printf("%4s %12s %10s %10s %9s %9s %9s%n", "s", "commands/s", "trades/s", "rejects/s", "p50 ns",
            "p99 ns", "p99.9 ns");

        long commands = 0;
        long engineTimeNs = System.currentTimeMillis() * 1_000_000L;
        final long start = System.nanoTime();
        long nextReport = start + SECOND_NS;
        long lastCommands = 0;
        long lastTrades = 0;
        long lastRejects = 0;
        int second = 0;
        while (second < seconds)
        {
            for (int i = 0; i < 1_000; i++)
            {
                simulator.next(writer);
                events.reset();
                final long before = System.nanoTime();
                engine.process(writer.buffer(), 0, writer.length(), engineTimeNs++, events);
                latencyNs.recordValue(Math.min(System.nanoTime() - before, latencyNs.getHighestTrackableValue()));
                count(events);
                simulator.onEvents(events.buffer(), events.length());
            }
            commands += 1_000;
            final long now = System.nanoTime();
            if (now >= nextReport)
            {
                second++;
                System.out.printf("%4d %,12d %,10d %,10d %9d %9d %9d%n", second, commands - lastCommands,
                    trades - lastTrades, rejects - lastRejects, latencyNs.getValueAtPercentile(50),
                    latencyNs.getValueAtPercentile(99), latencyNs.getValueAtPercentile(99.9));
                latencyNs.reset();
                lastCommands = commands;
                lastTrades = trades;
                lastRejects = rejects;
                nextReport += SECOND_NS;
            }
        }
        final double elapsedS = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nTotal: %,d commands, %,d trades in %.1f s (%,.0f commands/s, %,d rejects)%n",
            commands, trades, elapsedS, commands / elapsedS, rejects);
        printRejects();
        printBooks(config, engine);
        final boolean conserved = checkConservation(config, engine, deposited);
        final boolean restored = checkSnapshot(config, engine);
        System.out.println(conserved && restored ? "\nPASS" : "\nFAIL");
        return conserved && restored ? 0 : 1;
    }

    private long[] fundAccounts(
        final ExchangeConfig config, final ExchangeEngine engine, final CommandWriter writer, final EventLog events)
    {
        final long[] deposited = new long[config.assets().size()];
        final int accounts = MarketSimulator.MARKET_MAKERS + MarketSimulator.TAKERS;
        long nowNs = 1;
        for (int a = 0; a < accounts; a++)
        {
            final long accountId = MarketSimulator.accountId(a);
            writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("demo");
            events.reset();
            engine.process(writer.buffer(), 0, writer.length(), nowNs++, events);
            for (int i = 0; i < deposited.length; i++)
            {
                final AssetSpec asset = config.assets().get(i);
                final long amount = 1_000_000L * pow10(asset.scale());
                writer.deposit().accountId(accountId).assetId(asset.id()).amountMinor(amount)
                    .externalRef("demo-" + accountId + "-" + asset.code()).reason("demo funding");
                events.reset();
                engine.process(writer.buffer(), 0, writer.length(), nowNs++, events);
                deposited[i] += amount;
            }
        }
        return deposited;
    }

    private void count(final EventLog events)
    {
        int offset = 0;
        while (offset < events.length())
        {
            header.wrap(events.buffer(), offset);
            if (header.templateId() == TradeExecutedDecoder.TEMPLATE_ID)
            {
                trades++;
            }
            else if (header.templateId() == CommandRejectedDecoder.TEMPLATE_ID)
            {
                rejects++;
                rejected.wrap(events.buffer(), offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
                rejectsByReason[rejected.reasonRaw()]++;
            }
            offset += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
        }
    }

    private void printRejects()
    {
        final StringBuilder line = new StringBuilder("Rejects by reason:");
        for (int reason = 0; reason < rejectsByReason.length; reason++)
        {
            if (rejectsByReason[reason] > 0)
            {
                line.append(' ').append(RejectReason.get((short)reason)).append('=').append(rejectsByReason[reason]);
            }
        }
        System.out.println(line);
    }

    private static void printBooks(final ExchangeConfig config, final ExchangeEngine engine)
    {
        System.out.printf("%n%-10s %16s %16s %16s%n", "symbol", "best bid", "best ask", "last");
        for (final SymbolSpec symbol : config.symbols())
        {
            final int quoteScale = config.asset(symbol.quoteAssetId()).scale();
            System.out.printf("%-10s %16s %16s %16s%n", symbol.code(),
                decimal(engine.bestBidPriceMinor(symbol.id()), quoteScale),
                decimal(engine.bestAskPriceMinor(symbol.id()), quoteScale),
                decimal(engine.lastPriceMinor(symbol.id()), quoteScale));
        }
    }

    /** Per asset, the sum of every balance (fee account included) must equal what was deposited. */
    private static boolean checkConservation(final ExchangeConfig config, final ExchangeEngine engine, final long[] deposited)
    {
        boolean ok = true;
        System.out.printf("%n%-6s %24s %24s %20s%n", "asset", "deposited", "sum of balances", "fees collected");
        for (int i = 0; i < deposited.length; i++)
        {
            final AssetSpec asset = config.assets().get(i);
            final long[] sum = {0};
            engine.forEachAccount(accountId ->
                sum[0] += engine.availableMinor(accountId, asset.id()) + engine.heldMinor(accountId, asset.id()));
            final boolean equal = sum[0] == deposited[i];
            ok &= equal;
            System.out.printf("%-6s %24s %24s %20s %s%n", asset.code(), decimal(deposited[i], asset.scale()),
                decimal(sum[0], asset.scale()), decimal(engine.availableMinor(0, asset.id()), asset.scale()),
                equal ? "conserved" : "MISMATCH");
        }
        return ok;
    }

    private static boolean checkSnapshot(final ExchangeConfig config, final ExchangeEngine engine)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final long startNs = System.nanoTime();
        final int length = SnapshotCodec.write(engine, buffer, 0);
        final ExchangeEngine restored = SnapshotCodec.read(config, buffer, 0, length);
        final long tookMs = (System.nanoTime() - startNs) / 1_000_000;
        final boolean same = restored.stateHash() == engine.stateHash();
        System.out.printf("%nState hash %016x; snapshot of %,d bytes written and restored in %d ms: %s%n",
            engine.stateHash(), length, tookMs, same ? "same hash" : "DIFFERENT HASH");
        return same;
    }

    private static String symbolCodes(final ExchangeConfig config)
    {
        final StringBuilder codes = new StringBuilder();
        for (final SymbolSpec symbol : config.symbols())
        {
            codes.append(codes.length() == 0 ? "" : ", ").append(symbol.code());
        }
        return codes.toString();
    }

    private static String decimal(final long minor, final int scale)
    {
        return minor == 0 ? "-" : java.math.BigDecimal.valueOf(minor, scale).toPlainString();
    }

    private static long pow10(final int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }
}
