package io.bourse.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * The realistic mixed stream, pre-encoded: a setup prefix (accounts, deposits, opening book) that every fresh engine
 * runs unmeasured, then {@link #COMMANDS} measured commands. Command {@code i} of the body runs at engine time
 * {@link #bodyTimeNs(int)}, exactly as when it was generated, so a replay on a fresh engine is the same run.
 * Immutable once built; one per JVM ({@link #standard()}).
 */
public final class MixedStream
{
    /** Measured commands in the stream. */
    public static final int COMMANDS = 3_000_000;
    public static final long SEED = 20_240_601L;

    private static final long BODY_START_NS = EngineDriver.START_NS + 1_000_000_000L;
    private static MixedStream standard;

    private final ExchangeConfig config;
    private final CommandStream prefix;
    private final CommandStream body;
    /** {@link CommandKind} ordinal of each body command. */
    private final byte[] kinds;
    private final long finalStateHash;
    private final StreamStats stats;

    MixedStream(
        final ExchangeConfig config,
        final CommandStream prefix,
        final CommandStream body,
        final byte[] kinds,
        final long finalStateHash,
        final StreamStats stats)
    {
        this.config = config;
        this.prefix = prefix;
        this.body = body;
        this.kinds = kinds;
        this.finalStateHash = finalStateHash;
        this.stats = stats;
    }

    /** The standard stream (seed {@link #SEED}), generated, verified and described on {@code System.out} on first use. */
    public static synchronized MixedStream standard()
    {
        if (standard == null)
        {
            final long startNs = System.nanoTime();
            final MixedStream stream = new MixedStreamGenerator(SEED).generate(COMMANDS);
            final long generatedNs = System.nanoTime() - startNs;
            stream.describe(System.out, generatedNs);
            stream.verify(System.out);
            standard = stream;
        }
        return standard;
    }

    public static long prefixTimeNs(final int index)
    {
        return EngineDriver.START_NS + index;
    }

    public static long bodyTimeNs(final int index)
    {
        return BODY_START_NS + index;
    }

    /** A new engine that has run the prefix: ready for body command 0. */
    public ExchangeEngine newEngine(final EventLog events)
    {
        final ExchangeEngine engine = new ExchangeEngine(config);
        final UnsafeBuffer buffer = prefix.buffer();
        for (int i = 0; i < prefix.size(); i++)
        {
            events.reset();
            engine.process(buffer, prefix.offset(i), prefix.length(i), prefixTimeNs(i), events);
        }
        return engine;
    }

    /** The commands that set up accounts and books before the measured ones. */
    public CommandStream prefix()
    {
        return prefix;
    }

    public ExchangeConfig config()
    {
        return config;
    }

    /** The state hash after prefix and body, from the generator's shadow engine. */
    public long finalStateHash()
    {
        return finalStateHash;
    }

    /** The measured commands. */
    public CommandStream body()
    {
        return body;
    }

    /** What body command {@code index} was generated to do. */
    CommandKind kind(final int index)
    {
        return CommandKind.values()[kinds[index]];
    }

    /** Share of body commands that made at least one trade. */
    public double tradingShare()
    {
        return stats.tradingShare();
    }

    void describe(final PrintStream out, final long generatedNs)
    {
        out.printf("%nMixed stream: BTC-USDT, %,d accounts, seed %d, generated in %.1f s; prefix %,d commands, body %,d commands"
            + " (%,d bytes)%n", MixedStreamGenerator.ACCOUNTS, SEED, generatedNs / 1e9, prefix.size(), body.size(), body.byteLength());
        out.print(stats.report());
    }

    /**
     * Replays the stream on fresh engines: the final state hash must equal the shadow engine's and the trading
     * commands must be the same; a second replay measures what the engine allocates per command.
     */
    void verify(final PrintStream out)
    {
        final EngineDriver counter = new EngineDriver(config);
        final EventLog events = new EventLog();
        ExchangeEngine engine = newEngine(events);
        long trading = 0;
        for (int i = 0; i < body.size(); i++)
        {
            events.reset();
            engine.process(body.buffer(), body.offset(i), body.length(i), bodyTimeNs(i), events);
            if (counter.count(events, TradeExecutedDecoder.TEMPLATE_ID) > 0)
            {
                trading++;
            }
        }
        if (engine.stateHash() != finalStateHash || trading != stats.tradingCommands())
        {
            throw new IllegalStateException("replay differs from generation: state hash " + Long.toHexString(engine.stateHash())
                + " vs " + Long.toHexString(finalStateHash) + ", trading commands " + trading + " vs " + stats.tradingCommands());
        }
        if (stats.rejectCount() != 0)
        {
            throw new IllegalStateException("the stream has rejected commands: " + stats.rejectCount());
        }

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        engine = newEngine(events);
        final UnsafeBuffer buffer = body.buffer();
        final int[] offsets = body.offsets();
        final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        final long startNs = System.nanoTime();
        for (int i = 0; i < body.size(); i++)
        {
            events.reset();
            engine.process(buffer, offsets[i], offsets[i + 1] - offsets[i], bodyTimeNs(i), events);
        }
        final long elapsedNs = System.nanoTime() - startNs;
        final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        out.printf("  replay on a fresh engine: state hash %016x equal, trading commands %,d equal; second replay allocated %,d bytes"
            + " (%.3f B/command), %.1f M commands/s (one pass, indicative only)%n%n",
            finalStateHash, trading, allocated, (double)allocated / body.size(), body.size() / (elapsedNs / 1e3));
    }
}
