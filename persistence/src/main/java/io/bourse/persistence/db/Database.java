package io.bourse.persistence.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** jdbc:postgresql://host:port/ then the database name, then the parameters. */
    private static final Pattern URL_PATTERN = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]+)(\\?.*)?");

    private final String url;

    private Database(final String url)
    {
        this.url = url;
    }

    /** The configured URL if not blank, else {@link #LOCAL_URL}, without probing (the sidecar waits for it). */
    public static Database configuredOrLocal(final String configuredUrl)
    {
        return configuredUrl == null || configuredUrl.isBlank() ? new Database(LOCAL_URL) : at(configuredUrl.trim());
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

    /**
     * Creates the URL's database if the server says it does not exist (SQLState 3D000), connecting to the server's
     * {@code postgres} database with the same parameters; a no-op when it exists.
     *
     * @return whether it created the database.
     */
    public boolean createIfMissing() throws SQLException
    {
        try (Connection probe = connect())
        {
            return false;
        }
        catch (final SQLException ex)
        {
            if (!"3D000".equals(ex.getSQLState()))
            {
                throw ex;
            }
        }
        final Matcher url = URL_PATTERN.matcher(this.url);
        if (!url.matches())
        {
            throw new SQLException("cannot tell the database name in " + describe(), "3D000");
        }
        final String name = url.group(2);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*"))
        {
            throw new SQLException("database " + name + " does not exist and its name is not a plain identifier: create it first",
                "3D000");
        }
        try (Connection admin = new Database(url.group(1) + "postgres" + java.util.Objects.toString(url.group(3), "")).connect();
            Statement statement = admin.createStatement())
        {
            statement.execute("CREATE DATABASE " + name);
            return true;
        }
    }

    /** The URL without its password, for logs. */
    public String describe()
    {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
