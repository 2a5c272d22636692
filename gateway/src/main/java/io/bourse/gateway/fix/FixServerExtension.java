package io.bourse.gateway.fix;

import io.bourse.engine.server.EngineServer;
import io.bourse.engine.server.ServerExtension;
import io.bourse.engine.server.ServerSetup;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.auth.Authenticator;
import io.bourse.gateway.auth.SharedCredentials;
import io.bourse.gateway.fix.order.OrderSink;

/**
 * Runs the FIX 4.4 acceptor inside {@code bourse server}: reads {@code bourse.gateway.fix-port} and
 * {@code bourse.gateway.fix.*}, registers the FIX reply router before recovery and, once the engine runs, seeds it with
 * the engine's open orders (the orders of a restarted server) and binds the port.
 */
public final class FixServerExtension implements ServerExtension
{
    private static final System.Logger LOG = System.getLogger(FixServerExtension.class.getName());
    private static final int IO_THREADS = 1;

    private final Authenticator authenticator;
    private FixGateway gateway;

    /** For the ServiceLoader: authenticates against the credential store the admin API issues secrets into. */
    public FixServerExtension()
    {
        this(null);
    }

    /** For embedding: authenticates with {@code authenticator}. */
    public FixServerExtension(final Authenticator authenticator)
    {
        this.authenticator = authenticator;
    }

    @Override
    public String name()
    {
        return "FIX 4.4 acceptor";
    }

    @Override
    public void configure(final ServerSetup setup)
    {
        final FixSettings settings = FixSettings.fromConfig(setup.config());
        gateway = new FixGateway(settings, setup.exchangeConfig(), authenticator != null ? authenticator
            : SharedCredentials.forSettings(GatewaySettings.fromConfig(setup.config())));
        setup.addReplyListener(gateway.replyListener());
    }

    @Override
    public void start(final EngineServer server) throws Exception
    {
        final int openOrders = gateway.seedOpenOrders(server);
        final int port = gateway.start(OrderSink.of(server.publisher()), IO_THREADS);
        LOG.log(System.Logger.Level.INFO,
            "FIX 4.4 acceptor listening on port {0,number,#}, {1,number,#} open orders known", port, openOrders);
    }

    @Override
    public void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }
}
