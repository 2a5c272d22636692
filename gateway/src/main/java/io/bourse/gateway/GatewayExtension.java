package io.bourse.gateway;

import java.util.List;

import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.server.EngineServer;
import io.bourse.engine.server.ServerExtension;
import io.bourse.engine.server.ServerSetup;
import io.bourse.gateway.admin.AdminServer;
import io.bourse.gateway.auth.CredentialStore;
import io.bourse.gateway.auth.SharedCredentials;
import io.bourse.gateway.binary.BinaryServer;

/**
 * Plugs the binary order-entry acceptor and the admin API into {@code bourse server}: reads {@code bourse.gateway},
 * opens the credential store, registers the reply listeners, then, once the engine runs, seeds the binary report
 * router with the engine's open orders (the orders of a restarted server) and binds both ports. The FIX
 * acceptor is its own {@link ServerExtension}, one more line in {@code META-INF/services}; it checks logons against
 * the same store through {@link SharedCredentials#forSettings}.
 */
public final class GatewayExtension implements ServerExtension
{
    private static final System.Logger LOG = System.getLogger(GatewayExtension.class.getName());

    private final GatewayMetrics metrics = new GatewayMetrics();
    private GatewaySettings settings;
    private CredentialStore credentials;
    private BinaryServer binary;
    private AdminServer admin;

    @Override
    public String name()
    {
        return "gateway (binary + admin)";
    }

    @Override
    public void configure(final ServerSetup setup)
    {
        configure(GatewaySettings.fromConfig(setup.config()));
        setup.addReplyListener(new RejectCounter(metrics));
        setup.addReplyListener(binary.replyListener());
        setup.addReplyListener(admin.replyListener());
    }

    /** Builds the servers from explicit settings (tests); register the listeners yourself with {@link #listeners()}. */
    public void configure(final GatewaySettings settings)
    {
        this.settings = settings;
        credentials = SharedCredentials.forSettings(settings);
        binary = new BinaryServer(settings, credentials, metrics);
        admin = new AdminServer(settings, credentials, metrics);
    }

    /** The reply listeners to register, in order, when not configured through a {@link ServerSetup}. */
    public List<ReplyListener> listeners()
    {
        return List.of(new RejectCounter(metrics), binary.replyListener(), admin.replyListener());
    }

    @Override
    public void start(final EngineServer server) throws Exception
    {
        final int openOrders = binary.seedOpenOrders(server);
        binary.start(server.publisher()::tryPublish);
        admin.start(server);
        LOG.log(System.Logger.Level.INFO, "binary order entry on {0}:{1,number,#} ({2}), admin API on "
            + "{3}:{4,number,#}, {5,number,#} open orders known", settings.binaryBind(), binary.port(),
            NettyTransport.epoll() ? "epoll" : "nio", settings.adminBind(), admin.port(), openOrders);
    }

    public CredentialStore credentials()
    {
        return credentials;
    }

    public GatewayMetrics metrics()
    {
        return metrics;
    }

    public int binaryPort()
    {
        return binary.port();
    }

    public int adminPort()
    {
        return admin.port();
    }

    @Override
    public void close()
    {
        if (admin != null)
        {
            admin.close();
        }
        if (binary != null)
        {
            binary.close();
        }
    }
}
