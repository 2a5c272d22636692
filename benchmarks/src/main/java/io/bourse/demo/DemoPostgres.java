package io.bourse.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server the demo writes to, chosen in this order: the configured URL if there is one, else a server
 * answering on 127.0.0.1:5432, else an embedded one started for the demo's lifetime. On whichever server is chosen
 * the demo uses a database of its own ({@value #DATABASE} unless told otherwise), dropped and created afresh, so it
 * never touches another database's data. {@link #close()} stops the embedded server, if one was started.
 */
final class DemoPostgres implements AutoCloseable
{
    static final String DATABASE = "bourse_demo";
    static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    /** jdbc:postgresql://host:port/ then the database name, then the parameters. */
    private static final Pattern URL_PATTERN = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]*)(\\?.*)?");

    private final String url;
    private final String database;
    private final String description;
    private final EmbeddedPostgres embedded;
    /** Holds the advisory lock that keeps a second demo off this database; closed with it. */
    private final Connection lockConnection;

    private DemoPostgres(
        final String url,
        final String database,
        final String description,
        final EmbeddedPostgres embedded,
        final Connection lockConnection)
    {
        this.lockConnection = lockConnection;
        this.url = url;
        this.database = database;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * Finds or starts a server and creates a fresh {@value #DATABASE} on it.
     *
     * @param configuredUrl  a JDBC URL from {@code --db} or {@code bourse.persistence.db-url}; blank if none.
     * @param localServerUrl where a local server would be ({@link #LOCAL_SERVER}).
     * @param tried          receives one line per server tried and why it was not used.
     * @throws IllegalStateException naming everything tried when no server can be used.
     */
    static DemoPostgres open(final String configuredUrl, final String localServerUrl, final String database,
        final List<String> tried)
    {
        if (!isValidName(database))
        {
            throw new IllegalArgumentException("database name must be lower-case letters, digits and _: " + database);
        }
        if (configuredUrl != null && !configuredUrl.isBlank())
        {
            final String url = configuredUrl.trim();
            try
            {
                return fresh(url, "configured server " + serverPart(url), database, null);
            }
            catch (final SQLException ex)
            {
                throw new IllegalStateException("cannot use the configured PostgreSQL " + url + ": " + ex.getMessage());
            }
        }
        try
        {
            return fresh(localServerUrl, "local server " + serverPart(localServerUrl), database, null);
        }
        catch (final SQLException ex)
        {
            tried.add("no usable PostgreSQL at " + serverPart(localServerUrl) + " (" + firstLine(ex.getMessage()) + ")");
        }
        EmbeddedPostgres embedded = null;
        try
        {
            embedded = EmbeddedPostgres.builder().start();
            final String url = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres?user=postgres";
            return fresh(url, "embedded PostgreSQL on port " + embedded.getPort() + " (stops with the demo)", database,
                embedded);
        }
        catch (final IOException | SQLException | RuntimeException ex)
        {
            closeQuietly(embedded);
            tried.add("embedded PostgreSQL could not start (" + firstLine(ex.getMessage()) + ")");
            throw new IllegalStateException("no PostgreSQL for the demo. Tried: no --db and no " +
                "bourse.persistence.db-url (BOURSE_DB_URL); " + String.join("; ", tried) +
                ". Give a server with --db jdbc:postgresql://HOST:PORT/DB?user=USER");
        }
    }

    /** Lower-case letters, digits and underscores, as PostgreSQL takes an unquoted name. */
    static boolean isValidName(final String database)
    {
        return database.matches("[a-z_][a-z0-9_]{0,62}");
    }

    /** JDBC URL of the demo database. */
    String url()
    {
        return url;
    }

    String database()
    {
        return database;
    }

    /** Which server this is, for people. */
    String description()
    {
        return description;
    }

    boolean embedded()
    {
        return embedded != null;
    }

    Connection connect() throws SQLException
    {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close()
    {
        try
        {
            lockConnection.close();
        }
        catch (final SQLException ex)
        {
            System.err.println("demo: releasing the database lock: " + ex.getMessage());
        }
        closeQuietly(embedded);
    }

    /** Drops and creates {@code database} on the server of {@code serverUrl}. */
    private static DemoPostgres fresh(
        final String serverUrl, final String description, final String database, final EmbeddedPostgres embedded)
        throws SQLException
    {
        final String adminUrl = withDatabase(serverUrl, databaseOf(serverUrl).isEmpty() ? "postgres" : databaseOf(serverUrl));
        final Properties properties = new Properties();
        properties.setProperty("connectTimeout", "3");
        final Connection connection = DriverManager.getConnection(adminUrl, properties);
        try (Statement statement = connection.createStatement();
            PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))"))
        {
            // Held on this connection for the whole run: a second demo must not drop the database under the first.
            lock.setString(1, "bourse demo " + database);
            try (ResultSet locked = lock.executeQuery())
            {
                if (!locked.next() || !locked.getBoolean(1))
                {
                    throw new IllegalStateException("another bourse demo is using database " + database + " on the " +
                        description + "; stop it or choose another --database");
                }
            }
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
            return new DemoPostgres(withDatabase(serverUrl, database), database, description, embedded, connection);
        }
        catch (final SQLException | RuntimeException ex)
        {
            connection.close();
            throw ex;
        }
    }

    static String withDatabase(final String url, final String database)
    {
        final Matcher matcher = URL_PATTERN.matcher(url);
        if (!matcher.matches())
        {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...): " + url);
        }
        return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    private static String databaseOf(final String url)
    {
        final Matcher matcher = URL_PATTERN.matcher(url);
        return matcher.matches() ? matcher.group(2) : "";
    }

    private static String serverPart(final String url)
    {
        final Matcher matcher = URL_PATTERN.matcher(url);
        return matcher.matches() ? matcher.group(1).substring("jdbc:postgresql://".length()).replace("/", "") : url;
    }

    private static String firstLine(final String message)
    {
        if (message == null)
        {
            return "no message";
        }
        final int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(final EmbeddedPostgres embedded)
    {
        if (embedded != null)
        {
            try
            {
                embedded.close();
            }
            catch (final IOException ex)
            {
                System.err.println("demo: stopping the embedded PostgreSQL failed: " + ex.getMessage());
            }
        }
    }
}
