package io.bourse.engine.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.MutableDirectBuffer;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;

/**
 * A plain loopback TCP port that takes raw engine commands, for tests and tools that drive a real server process
 * (the crash test) without the gateway. Not for clients: no authentication, and acknowledgements are written by the
 * reply thread itself, so a client that stops reading stalls the pipeline.
 *
 * <p>Request: {@code int32 length, int64 requestId, length - 8 bytes of one SBE command}, big-endian. Reply, once the
 * command is journaled: {@code int64 requestId, int64 engineSequence}; the engine sequence is negative when the
 * pipeline has failed ({@link CommandPublisher#FAILED}), after which the connection is closed. A full ring is not
 * an error here: the reader retries, so the client is slowed by TCP back-pressure instead.
 */
public final class CommandPort implements ReplyListener, AutoCloseable
{
    private static final int CONNECTION_SHIFT = 40;
    private static final long REQUEST_MASK = (1L << CONNECTION_SHIFT) - 1;
    private static final CommandFiller<byte[]> COPY = (buffer, bytes) -> copy(buffer, bytes);

    private final ServerSocket serverSocket;
    private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger nextConnectionId = new AtomicInteger();
    private volatile CommandPublisher publisher;
    private volatile boolean closed;

    /** Binds to {@code port} on loopback (0 for any free port); accepts once {@link #start} is called. */
    public CommandPort(final int port) throws IOException
    {
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    public int port()
    {
        return serverSocket.getLocalPort();
    }

    public void start(final CommandPublisher publisher)
    {
        this.publisher = publisher;
        final Thread acceptor = new Thread(this::acceptLoop, "bourse-command-port");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop()
    {
        while (!closed)
        {
            try
            {
                final Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                final Connection connection = new Connection(nextConnectionId.incrementAndGet(), socket);
                connections.put(connection.id, connection);
                final Thread reader = new Thread(connection::readLoop, "bourse-command-port-" + connection.id);
                reader.setDaemon(true);
                reader.start();
            }
            catch (final IOException ex)
            {
                if (!closed)
                {
                    System.err.println("command port: accept failed: " + ex);
                }
            }
        }
    }

    @Override
    public void onReply(final CommandSlot slot, final boolean endOfBatch)
    {
        final long sourceId = slot.sourceId();
        if (sourceId == 0)
        {
            return;
        }
        final Connection connection = connections.get((int)(sourceId >>> CONNECTION_SHIFT));
        if (connection != null)
        {
            connection.reply(sourceId & REQUEST_MASK, slot.engineSequence());
        }
    }

    @Override
    public void close()
    {
        closed = true;
        try
        {
            serverSocket.close();
        }
        catch (final IOException ignored)
        {
            // closing anyway
        }
        connections.values().forEach(Connection::close);
    }

    private static int copy(final MutableDirectBuffer buffer, final byte[] bytes)
    {
        buffer.putBytes(0, bytes);
        return bytes.length;
    }

    private final class Connection
    {
        private final int id;
        private final Socket socket;
        private final DataOutputStream out;

        Connection(final int id, final Socket socket) throws IOException
        {
            this.id = id;
            this.socket = socket;
            this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        }

        void readLoop()
        {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream())))
            {
                while (!closed)
                {
                    final int length = in.readInt();
                    final long requestId = in.readLong();
                    if (length < Long.BYTES || length - Long.BYTES > CommandWriter.MAX_COMMAND_LENGTH
                        || requestId <= 0 || requestId > REQUEST_MASK)
                    {
                        throw new IOException("bad frame: length " + length + ", request id " + requestId);
                    }
                    final byte[] command = new byte[length - Long.BYTES];
                    in.readFully(command);
                    publish(requestId, command);
                }
            }
            catch (final EOFException ex)
            {
                // client closed
            }
            catch (final IOException ex)
            {
                if (!closed)
                {
                    System.err.println("command port connection " + id + ": " + ex);
                }
            }
            finally
            {
                close();
            }
        }

        private void publish(final long requestId, final byte[] command) throws IOException
        {
            final long sourceId = ((long)id << CONNECTION_SHIFT) | requestId;
            while (true)
            {
                final long result = publisher.tryPublish(COPY, command, sourceId);
                if (result == CommandPublisher.FAILED)
                {
                    reply(requestId, CommandPublisher.FAILED);
                    throw new IOException("engine stopped");
                }
                if (result != CommandPublisher.BUSY)
                {
                    return;
                }
                Thread.onSpinWait();
            }
        }

        /** Flushes every reply: simple and prompt; this port is for tests and tools, not throughput. */
        synchronized void reply(final long requestId, final long engineSequence)
        {
            try
            {
                out.writeLong(requestId);
                out.writeLong(engineSequence);
                out.flush();
            }
            catch (final IOException ex)
            {
                close();
            }
        }

        void close()
        {
            connections.remove(id);
            try
            {
                socket.close();
            }
            catch (final IOException ignored)
            {
                // already closing
            }
        }
    }
}
