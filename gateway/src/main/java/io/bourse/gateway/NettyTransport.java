package io.bourse.gateway;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Picks Netty's native epoll transport when it is available (Linux x86_64) and NIO otherwise. Stateless. */
public final class NettyTransport
{
    private NettyTransport()
    {
    }

    public static boolean epoll()
    {
        return Epoll.isAvailable();
    }

    public static EventLoopGroup newGroup(final int threads, final String name)
    {
        final IoHandlerFactory factory = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new io.netty.util.concurrent.DefaultThreadFactory(name, true),
            factory);
    }

    public static Class<? extends ServerChannel> serverChannel()
    {
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> clientChannel()
    {
        return epoll() ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
