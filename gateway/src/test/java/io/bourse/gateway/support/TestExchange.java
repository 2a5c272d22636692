package io.bourse.gateway.support;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.server.EngineServer;
import io.bourse.engine.server.ServerSettings;
import io.bourse.gateway.GatewayExtension;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.auth.CredentialStore;
import io.bourse.sbe.BooleanType;

/**
 * An in-process exchange for gateway tests: {@link EngineServer} on a temp journal with the {@link GatewayExtension}
 * (binary and admin servers on ephemeral ports). Accounts for tests are funded straight through the ring.
 */
public final class TestExchange implements AutoCloseable
{
    public static final int BTC = 1;
    public static final int USDT = 3;
    public static final int BTC_USDT = 1;
    /** 30000 USDT per BTC in USDT minor units. */
    public static final long PRICE_30000 = 30_000_000_000L;
    /** One tick of BTC-USDT (0.01 USDT). */
    public static final long TICK = 10_000L;
    /** One BTC in satoshi. */
    public static final long ONE_BTC = 100_000_000L;
    public static final String ADMIN_TOKEN = "test-token";

    public final GatewaySettings settings;
    public final GatewayMetrics metrics;
    public final CredentialStore credentials;
    public final GatewayExtension gateway = new GatewayExtension();
    public final EngineServer server;
    private final CommandWriter adminWriter = new CommandWriter();

    public TestExchange(final Path dir, final String gatewayOverrides, final int ringSize) throws Exception
    {
        final Config config = ConfigFactory.parseString("bourse.gateway { binary-port = 0, admin-port = 0, " +
            "admin-token = \"" + ADMIN_TOKEN + "\", pbkdf2-iterations = 100000, credentials-file = \"" +
            dir.resolve("credentials") + "\"\n" + gatewayOverrides + " }")
            .withFallback(ConfigFactory.parseResources("bourse.conf")).resolve();
        settings = GatewaySettings.fromConfig(config);
        gateway.configure(settings);
        metrics = gateway.metrics();
        credentials = gateway.credentials();
        final ServerSettings serverSettings = new ServerSettings(dir.resolve("journal"), dir.resolve("snapshots"),
            FsyncPolicy.NONE, ringSize, "blocking", 0, 3, false);
        server = EngineServer.start(serverSettings, config, gateway.listeners());
        gateway.start(server);
    }

    public TestExchange(final Path dir) throws Exception
    {
        this(dir, "", 1024);
    }

    public int port()
    {
        return gateway.binaryPort();
    }

    /** Creates the account, funds it with 1000 BTC and 100M USDT, and returns its new API secret. */
    public synchronized String fundedAccount(final long accountId) throws Exception
    {
        admin((buffer, w) ->
        {
            w.wrap(buffer).createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("test");
            return w.length();
        });
        admin((buffer, w) ->
        {
            w.wrap(buffer).deposit().accountId(accountId).assetId(BTC).amountMinor(1000 * ONE_BTC)
                .externalRef("btc-" + accountId).reason("test");
            return w.length();
        });
        admin((buffer, w) ->
        {
            w.wrap(buffer).deposit().accountId(accountId).assetId(USDT).amountMinor(100_000_000_000_000L)
                .externalRef("usdt-" + accountId).reason("test");
            return w.length();
        });
        return credentials.issueSecret(accountId);
    }

    public int adminPort()
    {
        return gateway.adminPort();
    }

    private void admin(final CommandFiller<CommandWriter> filler) throws Exception
    {
        final long sequence = server.publisher().tryPublish(filler, adminWriter);
        if (sequence < 0)
        {
            throw new IllegalStateException("admin command not published: " + sequence);
        }
        // A query completes after everything published before it is journaled.
        server.query(view -> null).get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close()
    {
        gateway.close();
        server.close();
    }
}
