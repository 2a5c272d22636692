package io.bourse.engine.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a server's {@link CommandPort}: sends commands tagged with request ids and records each acknowledgement
 * (request id → engine sequence) as it arrives, on its own reader thread.
 */
final class CommandPortClient implements AutoCloseable
{
    private final Socket socket;
    private final DataOutputStream out;
    private final Map<Long, Long> acks = new ConcurrentHashMap<>();
    private final AtomicLong ackCount = new AtomicLong();
    private final Thread reader;

    CommandPortClient(final int port) throws IOException
    {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        reader = new Thread(this::readAcks, "command-port-client");
        reader.setDaemon(true);
        reader.start();
    }

    void send(final long requestId, final byte[] command) throws IOException
    {
        out.writeInt(Long.BYTES + command.length);
        out.writeLong(requestId);
        out.write(command);
    }

    void flush() throws IOException
    {
        out.flush();
    }

    /** Acknowledged request ids and the engine sequence each was journaled at. */
    Map<Long, Long> acks()
    {
        return acks;
    }

    long ackCount()
    {
        return ackCount.get();
    }

    private void readAcks()
    {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream())))
        {
            while (true)
            {
                final long requestId = in.readLong();
                final long sequence = in.readLong();
                acks.put(requestId, sequence);
                ackCount.incrementAndGet();
            }
        }
        catch (final IOException ex)
        {
            // the server died or the test closed the socket: acknowledgements end here
        }
    }

    /** Waits for the reader to see the end of the stream (after the server died). */
    void awaitDisconnect() throws InterruptedException
    {
        reader.join(10_000);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
