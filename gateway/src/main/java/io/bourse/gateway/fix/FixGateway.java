package io.bourse.gateway.fix;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.server.EngineServer;
import io.bourse.gateway.OpenOrders;
import io.bourse.gateway.auth.Authenticator;
import io.bourse.gateway.fix.order.FixReplyRouter;
import io.bourse.gateway.fix.order.OrderSink;
import io.bourse.gateway.fix.session.FixSessionContext;
import io.bourse.gateway.fix.session.FixSessionRegistry;
import io.bourse.gateway.fix.session.FixSessionStates;
import io.bourse.gateway.fix.session.MappedSequenceStore;
import io.bourse.gateway.fix.session.MemorySequenceStore;
import io.bourse.gateway.fix.session.SequenceStore;

/**
 * The FIX gateway wired together: register {@link #replyListener()} with the engine before it starts, then
 * {@link #seedOpenOrders} and {@link #start} the acceptor with the engine's publisher. Opens the session directory
 * (sequence numbers of every known session) when constructed and closes it last. Used by {@link FixServerExtension}
 * and by in-process tests.
 */
public final class FixGateway implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(FixGateway.class.getName());

    private final FixSettings settings;
    private final ExchangeConfig exchangeConfig;
    private final Authenticator authenticator;
    private final FixSessionRegistry registry = new FixSessionRegistry();
    private final SequenceStore sequences;
    private final FixSessionStates states;
    private final FixReplyRouter router;
    private final ExecutorService authExecutor;
    private FixAcceptor acceptor;
    private int port = -1;

    public FixGateway(final FixSettings settings, final ExchangeConfig exchangeConfig, final Authenticator authenticator)
    {
        this.settings = settings;
        this.exchangeConfig = exchangeConfig;
        this.authenticator = authenticator;
        this.sequences = openSequences(settings);
        this.states = new FixSessionStates(settings.outboundStoreMessages(), FixSessionStates.DEFAULT_MAX_PER_ACCOUNT,
            sequences);
        this.router = new FixReplyRouter(registry);
        this.authExecutor = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "bourse-fix-auth");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Routes engine replies to FIX sessions; add it to the engine's reply listeners. */
    public ReplyListener replyListener()
    {
        return router;
    }

    public FixReplyRouter router()
    {
        return router;
    }

    public FixSessionRegistry registry()
    {
        return registry;
    }

    /**
     * Starts the reply router from the engine's open orders, so that orders placed before a restart are reported with
     * their ClOrdID, OrderQty, CumQty and AvgPx; call once the engine runs and before {@link #start}.
     *
     * @return the number of open orders.
     */
    public int seedOpenOrders(final EngineServer server) throws Exception
    {
        return OpenOrders.seed(server, router::seed);
    }

    /** Binds the FIX port; returns the bound port. */
    public int start(final OrderSink sink, final int ioThreads) throws InterruptedException
    {
        final FixSessionContext context =
            new FixSessionContext(settings, exchangeConfig, registry, states, authenticator, authExecutor, sink);
        acceptor = new FixAcceptor(context, ioThreads);
        port = acceptor.start();
        return port;
    }

    public int port()
    {
        return port;
    }

    @Override
    public void close()
    {
        if (acceptor != null)
        {
            acceptor.close();
        }
        authExecutor.shutdownNow();
        // After the acceptor: its event loops have stopped, so no session writes a record any more.
        sequences.close();
    }

    private static SequenceStore openSequences(final FixSettings settings)
    {
        if (FixSettings.IN_MEMORY.equals(settings.sessionDir()))
        {
            LOG.log(System.Logger.Level.WARNING, "FIX sequence numbers are kept in memory only (session-dir is empty): "
                + "after a restart every session must log on with ResetSeqNumFlag(141)=Y or MsgSeqNum(34)=1");
            return new MemorySequenceStore();
        }
        final MappedSequenceStore store = MappedSequenceStore.open(Path.of(settings.sessionDir()));
        LOG.log(System.Logger.Level.INFO, "FIX sessions: {0} known in {1}", store.records().size(), store.dir());
        return store;
    }
}
