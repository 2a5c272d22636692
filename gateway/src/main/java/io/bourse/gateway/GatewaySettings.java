package io.bourse.gateway;

import java.nio.file.Path;

import com.typesafe.config.Config;

/**
 * The {@code bourse.gateway} section of the configuration, with defaults for keys a site file leaves out. Immutable.
 *
 * @param maxOutboundBytes a session whose unsent replies pass this many bytes is disconnected as a slow consumer.
 * @param missedHeartbeats a session that sends nothing for this many heartbeat intervals is disconnected.
 */
public record GatewaySettings(
    String binaryBind,
    int binaryPort,
    int fixPort,
    String adminBind,
    int adminPort,
    String adminToken,
    int ioThreads,
    int heartbeatIntervalMs,
    int minHeartbeatIntervalMs,
    int maxHeartbeatIntervalMs,
    int missedHeartbeats,
    int logonTimeoutMs,
    int maxFrameLength,
    int maxOutboundBytes,
    boolean cancelOnDisconnect,
    Path credentialsFile,
    int pbkdf2Iterations,
    int logonFreeFailures,
    long logonLockBaseMs,
    long logonLockMaxMs)
{
    public static final String PATH = "bourse.gateway";

    /** Reads {@code bourse.gateway} from a resolved config; missing keys take the documented defaults. */
    public static GatewaySettings fromConfig(final Config root)
    {
        final Config c = root.hasPath(PATH) ? root.getConfig(PATH) : com.typesafe.config.ConfigFactory.empty();
        final GatewaySettings settings = new GatewaySettings(
            string(c, "binary-bind", "127.0.0.1"),
            integer(c, "binary-port", 9001),
            integer(c, "fix-port", 9002),
            string(c, "admin-bind", "127.0.0.1"),
            integer(c, "admin-port", 8080),
            string(c, "admin-token", "change-me"),
            integer(c, "io-threads", 1),
            integer(c, "heartbeat-interval-ms", 1000),
            integer(c, "min-heartbeat-interval-ms", 100),
            integer(c, "max-heartbeat-interval-ms", 60_000),
            integer(c, "missed-heartbeats", 3),
            integer(c, "logon-timeout-ms", 5000),
            integer(c, "max-frame-length", 1024),
            integer(c, "max-outbound-bytes", 4 * 1024 * 1024),
            c.hasPath("cancel-on-disconnect") && c.getBoolean("cancel-on-disconnect"),
            Path.of(string(c, "credentials-file", "data/credentials")),
            integer(c, "pbkdf2-iterations", 210_000),
            integer(c, "logon-free-failures", 3),
            c.hasPath("logon-lock-base-ms") ? c.getLong("logon-lock-base-ms") : 1000,
            c.hasPath("logon-lock-max-ms") ? c.getLong("logon-lock-max-ms") : 300_000);
        settings.validate();
        return settings;
    }

    private void validate()
    {
        require(ioThreads >= 1, "io-threads must be at least 1");
        require(minHeartbeatIntervalMs > 0 && minHeartbeatIntervalMs <= heartbeatIntervalMs &&
            heartbeatIntervalMs <= maxHeartbeatIntervalMs, "need 0 < min-heartbeat-interval-ms <= " +
            "heartbeat-interval-ms <= max-heartbeat-interval-ms");
        require(missedHeartbeats >= 1, "missed-heartbeats must be at least 1");
        require(maxFrameLength >= 64 && maxFrameLength <= 65_536, "max-frame-length must be within 64..65536");
        require(maxOutboundBytes >= 4096, "max-outbound-bytes must be at least 4096");
        require(logonTimeoutMs > 0, "logon-timeout-ms must be positive");
        require(logonLockBaseMs > 0 && logonLockMaxMs >= logonLockBaseMs, "need 0 < logon-lock-base-ms <= " +
            "logon-lock-max-ms");
    }

    /** A copy with other ports, for tests and tools that want ephemeral ports (0). */
    public GatewaySettings withPorts(final int binaryPort, final int adminPort)
    {
        return new GatewaySettings(binaryBind, binaryPort, fixPort, adminBind, adminPort, adminToken, ioThreads,
            heartbeatIntervalMs, minHeartbeatIntervalMs, maxHeartbeatIntervalMs, missedHeartbeats, logonTimeoutMs,
            maxFrameLength, maxOutboundBytes, cancelOnDisconnect, credentialsFile, pbkdf2Iterations, logonFreeFailures,
            logonLockBaseMs, logonLockMaxMs);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(PATH + ": " + message);
        }
    }

    private static String string(final Config c, final String key, final String fallback)
    {
        return c.hasPath(key) ? c.getString(key) : fallback;
    }

    private static int integer(final Config c, final String key, final int fallback)
    {
        return c.hasPath(key) ? c.getInt(key) : fallback;
    }
}
