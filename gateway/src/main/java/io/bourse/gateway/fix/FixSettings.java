package io.bourse.gateway.fix;

import com.typesafe.config.Config;

/**
 * Configuration of the FIX acceptor, read from {@code bourse.gateway.fix-port} and {@code bourse.gateway.fix.*}.
 *
 * @param senderCompId         our SenderCompID(49); clients must send it as their TargetCompID(56).
 * @param minHeartbeatSeconds  smallest HeartBtInt(108) a client may ask for.
 * @param maxHeartbeatSeconds  largest HeartBtInt(108) a client may ask for.
 * @param logonTimeoutMs       a connection that has not logged on by then is closed.
 * @param maxMessageBytes      largest inbound message, header and trailer included; larger input disconnects.
 * @param maxOutboundBytes     a session whose unsent output passes this many bytes is a slow consumer: disconnected.
 * @param outboundStoreMessages how many recent application messages per session are kept for resends; older ones are
 *                             answered with a GapFill.
 * @param sessionDir           directory of the sessions' sequence numbers (relative to the working directory), or
 *                             {@link #IN_MEMORY} to keep them for the server's lifetime only.
 */
public record FixSettings(
    String bindAddress,
    int port,
    String senderCompId,
    int minHeartbeatSeconds,
    int maxHeartbeatSeconds,
    long logonTimeoutMs,
    int maxMessageBytes,
    int maxOutboundBytes,
    int outboundStoreMessages,
    String sessionDir)
{
    /** The {@code sessionDir} that persists nothing. */
    public static final String IN_MEMORY = "";
    private static final String SECTION = "bourse.gateway.fix.";

    public FixSettings
    {
        if (minHeartbeatSeconds < 1 || maxHeartbeatSeconds < minHeartbeatSeconds)
        {
            throw new IllegalArgumentException(SECTION + "heartbeat bounds: 1 <= min <= max");
        }
        if (maxMessageBytes < 256 || maxOutboundBytes < maxMessageBytes || outboundStoreMessages < 1)
        {
            throw new IllegalArgumentException(SECTION + "max-message-bytes >= 256, max-outbound-bytes >= it, "
                + "outbound-store-messages >= 1");
        }
        if (sessionDir == null)
        {
            throw new IllegalArgumentException(SECTION + "session-dir: a directory, or \"\" for memory only");
        }
    }

    /** Defaults for tests: loopback, any free port, sequence numbers in memory. */
    public static FixSettings defaults()
    {
        return new FixSettings("127.0.0.1", 0, "BOURSE", 1, 120, 10_000, 8192, 16 * 1024 * 1024, 100_000, IN_MEMORY);
    }

    public static FixSettings fromConfig(final Config config)
    {
        return new FixSettings(
            config.getString(SECTION + "bind"),
            config.getInt("bourse.gateway.fix-port"),
            config.getString(SECTION + "sender-comp-id"),
            config.getInt(SECTION + "min-heartbeat-seconds"),
            config.getInt(SECTION + "max-heartbeat-seconds"),
            config.getDuration(SECTION + "logon-timeout").toMillis(),
            config.getBytes(SECTION + "max-message-bytes").intValue(),
            config.getBytes(SECTION + "max-outbound-bytes").intValue(),
            config.getInt(SECTION + "outbound-store-messages"),
            config.getString(SECTION + "session-dir"));
    }

    public FixSettings withPort(final int port)
    {
        return new FixSettings(bindAddress, port, senderCompId, minHeartbeatSeconds, maxHeartbeatSeconds, logonTimeoutMs,
            maxMessageBytes, maxOutboundBytes, outboundStoreMessages, sessionDir);
    }

    public FixSettings withMaxOutboundBytes(final int maxOutboundBytes)
    {
        return new FixSettings(bindAddress, port, senderCompId, minHeartbeatSeconds, maxHeartbeatSeconds, logonTimeoutMs,
            maxMessageBytes, maxOutboundBytes, outboundStoreMessages, sessionDir);
    }

    public FixSettings withSessionDir(final String sessionDir)
    {
        return new FixSettings(bindAddress, port, senderCompId, minHeartbeatSeconds, maxHeartbeatSeconds, logonTimeoutMs,
            maxMessageBytes, maxOutboundBytes, outboundStoreMessages, sessionDir);
    }
}
