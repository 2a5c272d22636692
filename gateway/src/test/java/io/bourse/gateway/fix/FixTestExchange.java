package io.bourse.gateway.fix;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.MutableDirectBuffer;

import com.typesafe.config.Config;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.engine.server.EngineServer;
import io.bourse.engine.server.ServerSettings;
import io.bourse.gateway.auth.Authenticator;
import io.bourse.gateway.fix.order.OrderSink;
import io.bourse.sbe.BooleanType;

/**
 * An in-process exchange for FIX tests: an {@link EngineServer} on a temporary journal with the shipped config and a
 * {@link FixGateway} on an ephemeral loopback port. Accounts are created funded; the secret of account N is
 * {@code "secret-N"} (an in-memory {@link Authenticator} stands in for the credential store).
 */
public final class FixTestExchange implements AutoCloseable
{
    public static final int BTC = 1;
    public static final int USDT = 3;
    private static final int RING_SIZE = Integer.getInteger("bourse.test.ring-size", 4096);
    private static final CommandFiller<byte[]> COPY = FixTestExchange::copy;

    private final EngineServer server;
    private final FixGateway gateway;
    private final int port;

    public FixTestExchange(final Path dir, final FixSettings settings) throws Exception
    {
        final Config config = ConfigLoader.loadDefaultRaw();
        final ServerSettings defaults = ServerSettings.fromConfig(config);
        // A small ring: every slot preallocates its event buffer, and tests need no depth.
        final ServerSettings serverSettings = new ServerSettings(dir.resolve("journal"), dir.resolve("snapshots"),
            FsyncPolicy.NONE, RING_SIZE, defaults.waitStrategy(), 0, defaults.snapshotRetention(), false);
        final Authenticator authenticator = (accountId, secret) -> ("secret-" + accountId).equals(secret);
        gateway = new FixGateway(settings, ConfigLoader.fromConfig(config), authenticator);
        server = EngineServer.start(serverSettings, config, List.of(gateway.replyListener()));
        gateway.seedOpenOrders(server);
        port = gateway.start(OrderSink.of(server.publisher()), 1);
    }

    public FixTestExchange(final Path dir) throws Exception
    {
        this(dir, FixSettings.defaults());
    }

    public int port()
    {
        return port;
    }

    public EngineServer server()
    {
        return server;
    }

    public FixGateway gateway()
    {
        return gateway;
    }

    public ExchangeConfig exchangeConfig()
    {
        return server.exchangeConfig();
    }

    /** Creates the accounts with 1000 BTC and 100M USDT each, and waits until that is journaled. */
    public FixTestExchange fundedAccounts(final long... accountIds) throws Exception
    {
        final CommandWriter writer = new CommandWriter();
        for (final long accountId : accountIds)
        {
            writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("test");
            publish(writer);
            writer.deposit().accountId(accountId).assetId(BTC).amountMinor(1_000L * 100_000_000L)
                .externalRef("btc-" + accountId).reason("test");
            publish(writer);
            writer.deposit().accountId(accountId).assetId(USDT).amountMinor(100_000_000L * 1_000_000L)
                .externalRef("usdt-" + accountId).reason("test");
            publish(writer);
        }
        server.query(view -> 0).get(10, TimeUnit.SECONDS);
        return this;
    }

    public long available(final long accountId, final int assetId) throws Exception
    {
        return server.query(view -> view.availableMinor(accountId, assetId)).get(10, TimeUnit.SECONDS);
    }

    private void publish(final CommandWriter writer)
    {
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        final long result = server.publisher().tryPublish(COPY, bytes);
        if (result < 0)
        {
            throw new IllegalStateException("publish failed: " + (result == CommandPublisher.BUSY ? "busy" : "failed"));
        }
    }

    private static int copy(final MutableDirectBuffer buffer, final byte[] bytes)
    {
        buffer.putBytes(0, bytes);
        return bytes.length;
    }

    @Override
    public void close()
    {
        gateway.close();
        server.close();
    }
}
