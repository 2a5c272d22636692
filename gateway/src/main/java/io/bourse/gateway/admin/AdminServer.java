package io.bourse.gateway.admin;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.server.EngineServer;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.NettyTransport;
import io.bourse.gateway.auth.CredentialStore;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * The admin HTTP/JSON server (see {@link AdminHandler} for the routes), bound to {@code admin-bind} (loopback by
 * default) on one event-loop thread. Create before the engine starts and register {@link #replyListener()}; then
 * {@link #start}; {@link #close} at shutdown. Thread-safe.
 */
public final class AdminServer implements AutoCloseable
{
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final String PLACEHOLDER_TOKEN = "change-me";

    private final GatewaySettings settings;
    private final CredentialStore credentials;
    private final GatewayMetrics metrics;
    private final AdminReplies replies = new AdminReplies();
    private EventLoopGroup group;
    private Channel serverChannel;

    public AdminServer(final GatewaySettings settings, final CredentialStore credentials, final GatewayMetrics metrics)
    {
        this.settings = settings;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    public ReplyListener replyListener()
    {
        return replies;
    }

    /**
     * @throws IllegalStateException if the token is blank, or still the shipped placeholder while bound beyond loopback.
     */
    public synchronized void start(final EngineServer server) throws InterruptedException
    {
        final String token = settings.adminToken();
        if (token == null || token.isBlank())
        {
            throw new IllegalStateException("bourse.gateway.admin-token is empty: set BOURSE_ADMIN_TOKEN");
        }
        if (PLACEHOLDER_TOKEN.equals(token) && !isLoopback(settings.adminBind()))
        {
            throw new IllegalStateException("the admin API would listen on " + settings.adminBind() +
                " with the placeholder token: set BOURSE_ADMIN_TOKEN to a real secret");
        }
        final CommandRate rate = new CommandRate(() -> server.stats().lastJournaledSequence());
        final AdminHandler handler = new AdminHandler(server, new AdminCommands(server.publisher(), replies),
            credentials, metrics, rate, settings.adminToken());
        group = NettyTransport.newGroup(1, "bourse-admin");
        group.scheduleAtFixedRate(() -> rate.sample(System.nanoTime()), 0, 1, TimeUnit.SECONDS);
        serverChannel = new ServerBootstrap()
            .group(group)
            .channel(NettyTransport.serverChannel())
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                        .addLast(handler);
                }
            })
            .bind(settings.adminBind(), settings.adminPort()).sync().channel();
    }

    private static boolean isLoopback(final String bind)
    {
        try
        {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        }
        catch (final java.net.UnknownHostException ex)
        {
            return false;
        }
    }

    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    @Override
    public synchronized void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        if (group != null)
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            group = null;
        }
    }
}
