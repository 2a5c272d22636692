package io.bourse.persistence.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the database is and how to connect to it. An explicit JDBC URL (flag or {@code bourse.persistence.db-url})
 * wins; otherwise a PostgreSQL listening on 127.0.0.1:5432 (database {@code bourse}, user {@code postgres}); with
 * neither, {@link #resolve} fails with a message that says what was tried. Immutable; any thread.
 */
public final class Database
{
    /** Used when no URL is configured and a local server answers. */
    public static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/bourse?user=postgres";
    private static final int PROBE_TIMEOUT_MS = 500;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final String url;

    private Database(final String url)
    {
        this.url = url;
    }

    /** A database at an explicit JDBC URL. */
    public static Database at(final String url)
    {
        if (!url.startsWith("jdbc:postgresql:"))
        {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...): " + url);
        }
        return new Database(url);
    }

    /**
     * The configured URL if not blank, else the local server if one answers on 127.0.0.1:5432.
     *
     * @throws IllegalStateException naming both when neither is available.
     */
    public static Database resolve(final String configuredUrl)
    {
        if (configuredUrl != null && !configuredUrl.isBlank())
        {
            return at(configuredUrl.trim());
        }
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), PROBE_TIMEOUT_MS);
            return new Database(LOCAL_URL);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("no database: --db and bourse.persistence.db-url (BOURSE_DB_URL) are empty, and " +
                "nothing listens on 127.0.0.1:5432 (" + ex.getMessage() + "). Give a JDBC URL with --db.");
        }
    }

    public String url()
    {
        return url;
    }

    /** Opens a new connection with a bounded connect timeout (so a dead server is noticed, not waited on forever). */
    public Connection connect() throws SQLException
    {
        final Properties properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "bourse");
        // Socket-level keepalive so a silently vanished server eventually fails a blocked read.
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    /** The URL without its password, for logs. */
    public String describe()
    {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
