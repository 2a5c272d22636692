package io.bourse.engine.differential;

import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.reference.ReferenceExchange;

/**
 * The engine against the reference model: seeded random streams, event bytes compared after every command,
 * invariants on both sides, state hashes every thousand commands, on the standard config (plus shorter runs on two
 * corner-case configs). {@code -Dbourse.diff.commands} sets the total
 * across the CI seeds; {@code -Dbourse.diff.seed} reruns one seed with the same per-seed length.
 */
class DifferentialTest
{
    private static final long[] CI_SEEDS = {1L, 42L, 1_337L, 65_537L, 8_675_309L, 0xC0FFEEL, 0xBADC0DEL, 20_240_601L};
    private static final long CONFIG_SEED = 7L;

    static LongStream seeds()
    {
        final String only = System.getProperty("bourse.diff.seed", "");
        return only.isBlank() ? LongStream.of(CI_SEEDS) : LongStream.of(Long.decode(only.trim()));
    }

    static int commandsPerSeed()
    {
        return Integer.getInteger("bourse.diff.commands", 1_000_000) / CI_SEEDS.length;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldEmitTheReferenceEventsAndStateForSeed(final long seed)
    {
        final ExchangeConfig config = TestConfigs.standard();
        final StreamStats stats = new DifferentialRun(
            seed, config, "engine", new ExchangeEngine(config), new ReferenceExchange(config)).run(commandsPerSeed());
        System.out.println("differential seed " + seed + ": " + stats.summary());
    }

    /** Smaller runs on configs with corners the standard one lacks (min quantity, zero and 100% fees, clamped band). */
    @ParameterizedTest(name = "{0} config")
    @ValueSource(strings = {"edge", "simple"})
    void shouldEmitTheReferenceEventsAndStateForConfig(final String configName)
    {
        final ExchangeConfig config = DifferentialConfigs.byName(configName);
        final long seed = seeds().count() == 1 ? seeds().sum() : CONFIG_SEED;
        final StreamStats stats = new DifferentialRun(
            seed, config, "engine (" + configName + " config)", new ExchangeEngine(config),
            new ReferenceExchange(config)).run(commandsPerSeed() / 2);
        System.out.println("differential " + configName + " config, seed " + seed + ": " + stats.summary());
    }
}
