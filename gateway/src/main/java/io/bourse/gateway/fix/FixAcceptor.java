package io.bourse.gateway.fix;

import java.net.InetSocketAddress;

import io.bourse.gateway.fix.session.FixSession;
import io.bourse.gateway.fix.session.FixSessionContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The FIX TCP listener: one Netty acceptor thread and {@code ioThreads} event loops (epoll where available), one
 * {@link FixSession} per connection. A connection's unsent output is bounded by a write-buffer high-water mark of
 * {@code maxOutboundBytes}; the session disconnects when it is passed. Start once, close once.
 */
public final class FixAcceptor implements AutoCloseable
{
    private final FixSessionContext context;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private Channel serverChannel;

    public FixAcceptor(final FixSessionContext context, final int ioThreads)
    {
        this.context = context;
        final IoHandlerFactory factory = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("bourse-fix-accept", true), factory);
        workerGroup = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("bourse-fix-io", true), factory);
    }

    /** Binds the configured address and port (0 for any free port) and returns the bound port. */
    public int start() throws InterruptedException
    {
        final Class<? extends ServerChannel> channelClass =
            Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        final int maxOutbound = context.settings().maxOutboundBytes();
        final int maxMessage = context.settings().maxMessageBytes();
        serverChannel = new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(channelClass)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(maxOutbound / 2, maxOutbound))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline().addLast(new FixConnectionHandler(new FixSession(channel, context), maxMessage));
                }
            })
            .bind(context.settings().bindAddress(), context.settings().port())
            .sync()
            .channel();
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    @Override
    public void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().syncUninterruptibly();
        }
        bossGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
