package io.bourse.gateway.support;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.engine.pipeline.Pipeline;
import io.bourse.engine.pipeline.PipelineContext;
import io.bourse.engine.pipeline.PipelineJournal;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.auth.CredentialStore;
import io.bourse.gateway.auth.LogonThrottle;
import io.bourse.gateway.auth.SecretHasher;
import io.bourse.gateway.binary.BinaryServer;
import io.bourse.sbe.BooleanType;

/**
 * An in-process exchange for gateway tests: engine pipeline on a temp journal, a credential store, and the binary
 * server on an ephemeral port. Admin commands (accounts, deposits) go straight into the ring.
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

    public final GatewaySettings settings;
    public final GatewayMetrics metrics = new GatewayMetrics();
    public final CredentialStore credentials;
    public final BinaryServer binary;
    public final Pipeline pipeline;
    private final List<ReplyListener> extraListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong journaled = new AtomicLong();
    private final CommandWriter adminWriter = new CommandWriter();

    public TestExchange(final Path dir, final String gatewayOverrides, final int ringSize) throws Exception
    {
        final Config config = ConfigFactory.parseString("bourse.gateway { binary-port = 0, admin-port = 0, " +
            "pbkdf2-iterations = 100000, credentials-file = \"" + dir.resolve("credentials") + "\"\n" +
            gatewayOverrides + " }");
        settings = GatewaySettings.fromConfig(config);
        final ExchangeConfig exchangeConfig = ConfigLoader.loadDefault();
        credentials = CredentialStore.open(settings.credentialsFile(), new SecretHasher(settings.pbkdf2Iterations()),
            new LogonThrottle(settings.logonFreeFailures(), TimeUnit.MILLISECONDS.toNanos(settings.logonLockBaseMs()),
                TimeUnit.MILLISECONDS.toNanos(settings.logonLockMaxMs()), System::nanoTime));
        binary = new BinaryServer(settings, credentials, metrics);
        final ReplyListener router = binary.replyListener();
        pipeline = new Pipeline(new ExchangeEngine(exchangeConfig), 0,
            PipelineJournal.of(JournalWriter.open(dir.resolve("journal"), FsyncPolicy.NONE)),
            (slot, endOfBatch) ->
            {
                router.onReply(slot, endOfBatch);
                for (final ReplyListener listener : extraListeners)
                {
                    listener.onReply(slot, endOfBatch);
                }
                journaled.set(slot.engineSequence());
            },
            new PipelineContext().ringSize(ringSize).waitStrategy("blocking"));
        final CommandPublisher publisher = pipeline.publisher();
        binary.start(publisher::tryPublish);
    }

    public TestExchange(final Path dir) throws Exception
    {
        this(dir, "", 1024);
    }

    public void addListener(final ReplyListener listener)
    {
        extraListeners.add(listener);
    }

    public int port()
    {
        return binary.port();
    }

    /** Creates the account, funds it with 1000 BTC and 100M USDT, and returns its new API secret. */
    public synchronized String fundedAccount(final long accountId) throws InterruptedException
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

    private void admin(final CommandFiller<CommandWriter> filler) throws InterruptedException
    {
        final long sequence = pipeline.publisher().tryPublish(filler, adminWriter);
        if (sequence < 0)
        {
            throw new IllegalStateException("admin command not published: " + sequence);
        }
        // Ring sequences start at 0 and engine sequences at 1: wait until this one is journaled.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (journaled.get() < sequence + 1)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("admin command not journaled in time");
            }
            Thread.sleep(1);
        }
    }

    @Override
    public void close()
    {
        binary.close();
        pipeline.close();
    }
}
