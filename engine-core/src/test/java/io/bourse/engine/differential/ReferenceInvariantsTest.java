package io.bourse.engine.differential;

import org.junit.jupiter.api.Test;

import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.event.MessageFormatter;
import io.bourse.engine.reference.ReferenceExchange;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates the reference model on its own, before any engine exists: seeded generator streams through
 * {@link ReferenceExchange} with every invariant checked after every command, plus a check that the streams really
 * reach every path (each reject and cancel reason, trades, stop cascades).
 */
class ReferenceInvariantsTest
{
    private static final long[] STANDARD_SEEDS = {11L, 2024L, 777_777L};
    private static final int COMMANDS_PER_SEED = 60_000;

    @Test
    void shouldKeepInvariantsAndCoverEveryPath()
    {
        final StreamStats total = new StreamStats();
        for (final long seed : STANDARD_SEEDS)
        {
            total.add(runAndPrint("standard", seed));
        }
        total.add(runAndPrint("edge", 4242L));
        total.add(runAndPrint("simple", 4243L));

        assertThat(total.commandsWithTrades()).as("commands that trade")
            .isBetween(total.commands() * 5 / 100, total.commands() * 15 / 100);
        assertThat(total.cascades()).as("commands triggering two or more stops").isGreaterThan(100);
        assertThat(total.selfTrades()).as("self-trades with stpMode NONE").isPositive();
        assertThat(total.priorityKeptAmends()).as("amends keeping priority").isPositive();
        assertThat(total.amendsEndingOrder()).as("amends to at most the filled quantity").isPositive();
        for (final String path : new String[] {"amendThatTrades", "tradeOfTriggeredStop", "expiredPendingStop",
            "expiredTriggeredStopLimit", "expiredLimit", "selfTradePreventionOfStop", "amendOfTriggeredStopLimit",
            "feeAccountTrades", "timeOnAnExpiry", "depositOverSupplyLimit", "depositUpToSupplyLimit",
            "deepSweep", "massExpiry"})
        {
            assertThat(total.paths(path)).as(path).isPositive();
        }
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL)
            {
                assertThat(total.rejects(reason)).as("rejects with " + reason).isPositive();
            }
        }
        for (final CancelReason reason : CancelReason.values())
        {
            if (reason != CancelReason.NULL_VAL)
            {
                assertThat(total.cancels(reason)).as("cancels with " + reason).isPositive();
            }
        }
    }

    @Test
    void shouldBeDeterministicForASeed()
    {
        final ExchangeConfig config = TestConfigs.standard();
        final ReferenceExchange first = new ReferenceExchange(config);
        final ReferenceExchange second = new ReferenceExchange(config);
        final RandomCommandGenerator generator = new RandomCommandGenerator(99L, config);
        final RandomCommandGenerator twin = new RandomCommandGenerator(99L, config);
        final EventLog firstEvents = new EventLog();
        final EventLog secondEvents = new EventLog();
        for (int i = 0; i < 20_000; i++)
        {
            generator.next();
            twin.next();
            firstEvents.reset();
            secondEvents.reset();
            first.process(generator.buffer(), 0, generator.length(), generator.nowNs(), firstEvents);
            second.process(twin.buffer(), 0, twin.length(), twin.nowNs(), secondEvents);
            generator.onEvents(firstEvents.buffer(), firstEvents.length());
            twin.onEvents(secondEvents.buffer(), secondEvents.length());
        }
        assertThat(first.stateHash()).isEqualTo(second.stateHash());
    }

    private static StreamStats runAndPrint(final String configName, final long seed)
    {
        final StreamStats stats = run(DifferentialConfigs.byName(configName), seed, COMMANDS_PER_SEED);
        System.out.println(configName + " config, seed " + seed + ": " + stats);
        return stats;
    }

    static StreamStats run(final ExchangeConfig config, final long seed, final int commands)
    {
        final ReferenceExchange reference = new ReferenceExchange(config);
        final RandomCommandGenerator generator = new RandomCommandGenerator(seed, config);
        final InvariantChecker checker = new InvariantChecker(config);
        final EventLog events = new EventLog();
        for (int i = 0; i < commands; i++)
        {
            generator.next();
            events.reset();
            try
            {
                reference.process(generator.buffer(), 0, generator.length(), generator.nowNs(), events);
                checker.check(reference, events.buffer(), events.length(), i);
            }
            catch (final RuntimeException | AssertionError ex)
            {
                final MessageFormatter formatter = new MessageFormatter();
                throw new AssertionError("seed " + seed + ", command #" + i + " at " + generator.nowNs() + ": "
                    + formatter.format(generator.buffer(), 0) + "\nevents:\n"
                    + formatter.formatEvents(events.buffer(), events.length()), ex);
            }
            generator.onEvents(events.buffer(), events.length());
        }
        return generator.stats();
    }
}
