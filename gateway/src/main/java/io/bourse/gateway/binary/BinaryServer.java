package io.bourse.gateway.binary;

import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.server.EngineServer;
import io.bourse.gateway.CommandSink;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.NettyTransport;
import io.bourse.gateway.OpenOrders;
import io.bourse.gateway.auth.Authenticator;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The binary order-entry acceptor: a Netty server whose connections are {@link BinarySession}s, and the
 * {@link #replyListener()} the engine's reply stage must call. Create (before the engine starts, so the listener can be
 * registered), {@link #seedOpenOrders} and {@link #start} once the engine runs, {@link #close} at shutdown.
 * Thread-safe.
 */
public final class BinaryServer implements AutoCloseable
{
    /** Logons waiting for a hash check; more are refused rather than queued without bound. */
    private static final int AUTH_QUEUE = 256;
    /** Lets the LoggedOut(SHUTDOWN) messages leave before the event loops stop. */
    private static final long SHUTDOWN_QUIET_MS = 100;

    private final GatewaySettings settings;
    private final SessionRegistry registry = new SessionRegistry();
    private final ExecutionReportRouter router = new ExecutionReportRouter(registry);
    private final GatewayMetrics metrics;
    private final Authenticator authenticator;
    private ThreadPoolExecutor authExecutor;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    public BinaryServer(final GatewaySettings settings, final Authenticator authenticator, final GatewayMetrics metrics)
    {
        this.settings = settings;
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    /** Routes journaled events to the sessions as execution reports; register it with the engine's reply stage. */
    public ReplyListener replyListener()
    {
        return router;
    }

    /**
     * Starts the execution report router from the engine's open orders, so that orders placed before a restart are
     * reported with their client order id and quantities; call once the engine runs and before {@link #start}.
     *
     * @return the number of open orders.
     */
    public int seedOpenOrders(final EngineServer server) throws Exception
    {
        return OpenOrders.seed(server, router::seed);
    }

    /** Binds the port and starts accepting; commands go to {@code sink}. */
    public synchronized void start(final CommandSink sink) throws InterruptedException
    {
        authExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(AUTH_QUEUE),
            runnable ->
            {
                final Thread thread = new Thread(runnable, "bourse-binary-auth");
                thread.setDaemon(true);
                return thread;
            });
        final BinaryGatewayContext context = new BinaryGatewayContext(
            settings, sink, authenticator, authExecutor, registry, metrics);
        bossGroup = NettyTransport.newGroup(1, "bourse-binary-accept");
        workerGroup = NettyTransport.newGroup(settings.ioThreads(), "bourse-binary-io");
        final int maxOutbound = settings.maxOutboundBytes();
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NettyTransport.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(maxOutbound / 2, maxOutbound))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    addHandlers(channel.pipeline(), context);
                }
            });
        serverChannel = bootstrap.bind(settings.binaryBind(), settings.binaryPort()).sync().channel();
    }

    /** The handlers of one connection, in order: the fuzz harness drives the same on an embedded channel. */
    static void addHandlers(final ChannelPipeline pipeline, final BinaryGatewayContext context)
    {
        final GatewaySettings settings = context.settings();
        final BinarySession session = new BinarySession(context);
        final long readerIdleMs = (long)settings.heartbeatIntervalMs() * settings.missedHeartbeats();
        pipeline
            .addLast(BinarySession.IDLE_HANDLER, new IdleStateHandler(
                readerIdleMs, settings.heartbeatIntervalMs(), 0, TimeUnit.MILLISECONDS))
            .addLast("stamp", new SeqNoStamper())
            .addLast("frames", new SofhFrameDecoder(settings.maxFrameLength(), session))
            .addLast("session", session);
    }

    /** The bound port (useful when configured as 0). */
    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** Logged-on sessions. */
    public int sessions()
    {
        return registry.size();
    }

    @Override
    public synchronized void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        for (final BinarySession session : registry.all())
        {
            session.shutdown();
        }
        if (workerGroup != null)
        {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workerGroup.shutdownGracefully(SHUTDOWN_QUIET_MS, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
            workerGroup = null;
        }
        if (authExecutor != null)
        {
            authExecutor.shutdownNow();
            authExecutor = null;
        }
    }
}
