package io.bourse.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder between the sidecar and PostgreSQL that a test can take down (connection refused), bring back on
 * the same port, or use to cut every open connection: a database outage or restart without touching the shared
 * server. Thread-safe.
 */
final class TcpProxy implements AutoCloseable
{
    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpProxy(final String targetHost, final int targetPort) throws IOException
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0))
        {
            this.port = probe.getLocalPort();
        }
    }

    int port()
    {
        return port;
    }

    synchronized void start() throws IOException
    {
        if (server != null)
        {
            return;
        }
        final ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", port));
        server = listening;
        final Thread acceptor = new Thread(() -> accept(listening), "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Stops listening and cuts every connection: the database is "down". */
    synchronized void stop() throws IOException
    {
        if (server != null)
        {
            server.close();
            server = null;
        }
        cutConnections();
    }

    /** Closes every open connection (both sides) but keeps listening. */
    void cutConnections()
    {
        for (final Socket socket : sockets)
        {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException
    {
        stop();
    }

    private void accept(final ServerSocket listening)
    {
        while (!listening.isClosed())
        {
            try
            {
                final Socket client = listening.accept();
                final Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            }
            catch (final IOException ex)
            {
                // Closed by stop(), or the target refused: the client sees its connection fail.
            }
        }
    }

    private void pipe(final Socket from, final Socket to)
    {
        final Thread thread = new Thread(() ->
        {
            final byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream())
            {
                int read;
                while ((read = in.read(buffer)) >= 0)
                {
                    out.write(buffer, 0, read);
                }
            }
            catch (final IOException ex)
            {
                // Cut: fall through and close both ends.
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(final Socket socket)
    {
        try
        {
            socket.close();
        }
        catch (final IOException ex)
        {
            // Already closed.
        }
    }
}
