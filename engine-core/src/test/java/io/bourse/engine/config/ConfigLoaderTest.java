package io.bourse.engine.config;

import static io.bourse.engine.config.HoconFixture.btcUsdt;
import static io.bourse.engine.config.HoconFixture.q;
import static io.bourse.engine.config.HoconFixture.withSymbols;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.bourse.engine.TestConfigs;

class ConfigLoaderTest
{
    /** The shipped file; surefire runs in engine-core, an IDE may run in the repository root. */
    private static Path shippedConfig()
    {
        final Path fromModule = Path.of("../config/bourse.conf");
        return Files.exists(fromModule) ? fromModule : Path.of("config/bourse.conf");
    }

    private static void assumeNoBourseEnvironment()
    {
        Assumptions.assumeTrue(System.getenv().keySet().stream().noneMatch(name -> name.startsWith("BOURSE_")),
            "BOURSE_* environment variables are set");
    }

    @Test
    void shouldLoadShippedConfigEqualToStandardTestConfig()
    {
        assumeNoBourseEnvironment();
        final ExchangeConfig expected = TestConfigs.standard();

        final ExchangeConfig loaded = ConfigLoader.load(shippedConfig());

        assertThat(loaded.assets()).containsExactlyElementsOf(expected.assets());
        assertThat(loaded.symbols()).hasSameSizeAs(expected.symbols());
        for (final SymbolSpec symbol : expected.symbols())
        {
            assertThat(loaded.symbol(symbol.id())).as(symbol.code()).isEqualTo(symbol);
        }
    }

    @Test
    void shouldLoadTheSameDefaultConfigFromTheClasspath()
    {
        assumeNoBourseEnvironment();
        final ExchangeConfig fromFile = ConfigLoader.load(shippedConfig());

        final ExchangeConfig fromClasspath = ConfigLoader.loadDefault();

        assertThat(fromClasspath.assets()).containsExactlyElementsOf(fromFile.assets());
        assertThat(fromClasspath.symbols()).containsExactlyElementsOf(fromFile.symbols());
    }

    @Test
    void shouldShipDefaultsForOtherModulesSections()
    {
        assumeNoBourseEnvironment();

        final Config config = ConfigLoader.loadRaw(shippedConfig());

        assertThat(config.getObject("bourse.engine")).isEmpty();
        assertThat(config.getInt("bourse.pipeline.ring-size")).isEqualTo(16384);
        assertThat(config.getString("bourse.pipeline.wait-strategy")).isEqualTo("yielding");
        assertThat(config.getString("bourse.pipeline.journal-dir")).isEqualTo("data/journal");
        assertThat(config.getString("bourse.pipeline.fsync")).isEqualTo("none");
        assertThat(config.getString("bourse.pipeline.snapshot-dir")).isEqualTo("data/snapshots");
        assertThat(config.getLong("bourse.pipeline.snapshot-every-commands")).isEqualTo(1_000_000L);
        assertThat(config.getInt("bourse.pipeline.snapshot-retention")).isEqualTo(3);
        assertThat(config.getInt("bourse.gateway.binary-port")).isEqualTo(9001);
        assertThat(config.getInt("bourse.gateway.fix-port")).isEqualTo(9002);
        assertThat(config.getInt("bourse.gateway.admin-port")).isEqualTo(8080);
        assertThat(config.getString("bourse.gateway.admin-bind")).isEqualTo("127.0.0.1");
        assertThat(config.getString("bourse.gateway.admin-token")).isEqualTo("change-me");
        assertThat(config.getString("bourse.persistence.db-url")).isEmpty();
    }

    static Stream<Arguments> environmentOverrides()
    {
        return Stream.of(
            Arguments.of("BOURSE_RING_SIZE", "bourse.pipeline.ring-size", "1024"),
            Arguments.of("BOURSE_WAIT_STRATEGY", "bourse.pipeline.wait-strategy", "blocking"),
            Arguments.of("BOURSE_JOURNAL_DIR", "bourse.pipeline.journal-dir", "/var/lib/bourse/journal"),
            Arguments.of("BOURSE_FSYNC", "bourse.pipeline.fsync", "batch"),
            Arguments.of("BOURSE_SNAPSHOT_DIR", "bourse.pipeline.snapshot-dir", "/var/lib/bourse/snapshots"),
            Arguments.of("BOURSE_SNAPSHOT_EVERY_COMMANDS", "bourse.pipeline.snapshot-every-commands", "5000"),
            Arguments.of("BOURSE_SNAPSHOT_RETENTION", "bourse.pipeline.snapshot-retention", "7"),
            Arguments.of("BOURSE_BINARY_PORT", "bourse.gateway.binary-port", "19001"),
            Arguments.of("BOURSE_FIX_PORT", "bourse.gateway.fix-port", "19002"),
            Arguments.of("BOURSE_ADMIN_PORT", "bourse.gateway.admin-port", "18080"),
            Arguments.of("BOURSE_ADMIN_BIND", "bourse.gateway.admin-bind", "0.0.0.0"),
            Arguments.of("BOURSE_ADMIN_TOKEN", "bourse.gateway.admin-token", "s3cret"),
            Arguments.of("BOURSE_DB_URL", "bourse.persistence.db-url", "jdbc:postgresql://db:5432/bourse"));
    }

    @ParameterizedTest(name = "{0} overrides {1}")
    @MethodSource("environmentOverrides")
    void shouldOverrideKeyFromEnvironmentVariable(final String variable, final String path, final String value)
    {
        // HOCON looks a ${?VAR} substitution up in the config before the environment, so a root key stands in for it.
        final Config environment = ConfigFactory.parseMap(Map.of(variable, value));

        final Config config = environment.withFallback(ConfigFactory.parseFile(shippedConfig().toFile())).resolve();

        assertThat(config.getString(path)).isEqualTo(value);
    }

    @Test
    void shouldOverrideKeyFromSystemProperty()
    {
        System.setProperty("bourse.pipeline.fsync", "every");
        ConfigFactory.invalidateCaches();
        try
        {
            assertThat(ConfigLoader.loadRaw(shippedConfig()).getString("bourse.pipeline.fsync")).isEqualTo("every");
        }
        finally
        {
            System.clearProperty("bourse.pipeline.fsync");
            ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void shouldResolveSubstitutionsInSymbolValues()
    {
        final Config file = ConfigFactory.parseString(withSymbols(
            btcUsdt("max-notional", q("10000000") + "\nmax-notional = ${?BOURSE_BTC_USDT_MAX_NOTIONAL}")));
        final Config environment = ConfigFactory.parseMap(Map.of("BOURSE_BTC_USDT_MAX_NOTIONAL", "2500000.5"));

        final ExchangeConfig config = ConfigLoader.fromConfig(environment.withFallback(file));

        assertThat(config.symbol("BTC-USDT").maxNotionalMinor()).isEqualTo(2_500_000_500_000L);
    }

    @Test
    void shouldConvertUnquotedNumbersExactlyAsWritten()
    {
        final ExchangeConfig quoted = ConfigLoader.fromConfig(ConfigFactory.parseString(withSymbols(btcUsdt())));
        final ExchangeConfig unquoted = ConfigLoader.fromConfig(ConfigFactory.parseString(withSymbols(btcUsdt(
            "tick-size", "0.0100", "lot-size", "0.0001", "min-qty", "0.0001", "max-qty", "1000",
            "max-notional", "10000000", "max-price", "10000000", "reference-price", "30000.00"))));

        assertThat(unquoted.symbols()).isEqualTo(quoted.symbols());
        assertThat(quoted.symbol("BTC-USDT")).isEqualTo(TestConfigs.standard().symbol("BTC-USDT"));
    }

    @Test
    void shouldAcceptWholeNumbersAsStrings()
    {
        final ExchangeConfig config = ConfigLoader.fromConfig(ConfigFactory.parseString(withSymbols(
            btcUsdt("id", q("1"), "maker-fee-bps", q("10"), "taker-fee-bps", q("20"), "price-band-bps", q("1000")))));

        assertThat(config.symbol(1)).isEqualTo(TestConfigs.standard().symbol(1));
    }

    @Test
    void shouldRejectMissingFileNamingIt()
    {
        final Path missing = Path.of("target/no-such-bourse.conf");

        assertThatThrownBy(() -> ConfigLoader.load(missing))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("cannot load config " + missing)
            .hasCauseInstanceOf(com.typesafe.config.ConfigException.class);
    }

    @Test
    void shouldRejectHoconSyntaxErrorNamingFileAndLine(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("broken.conf");
        Files.writeString(file, "bourse {\n  assets = [\n}\n");

        assertThatThrownBy(() -> ConfigLoader.load(file))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("cannot load config " + file)
            .hasMessageContaining("broken.conf: 3");
    }

    @Test
    void shouldRejectUnresolvedRequiredSubstitution()
    {
        final Config config = ConfigFactory.parseString(withSymbols(btcUsdt("max-notional", "${BOURSE_NO_SUCH_VARIABLE_X}")));

        assertThatThrownBy(() -> ConfigLoader.fromConfig(config))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("cannot resolve config")
            .hasMessageContaining("BOURSE_NO_SUCH_VARIABLE_X");
    }
}
