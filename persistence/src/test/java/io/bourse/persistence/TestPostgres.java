package io.bourse.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server tests run against: the one on 127.0.0.1:5432 (trust auth, user postgres) when it answers,
 * otherwise an embedded one started once per JVM. Each test gets a database of its own, dropped afterwards.
 */
final class TestPostgres
{
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String host;
    private static int port;
    private static EmbeddedPostgres embedded;

    private TestPostgres()
    {
    }

    /** Creates a fresh, empty database with a unique name. */
    static synchronized TestDatabase createDatabase()
    {
        start();
        final String name = "bourse_test_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000 + "_" +
            COUNTER.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"));
            Statement statement = admin.createStatement())
        {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("cannot create test database " + name + " on " + host + ":" + port, ex);
        }
        return new TestDatabase(name, url(name));
    }

    static void drop(final String name)
    {
        try (Connection admin = DriverManager.getConnection(url("postgres"));
            Statement statement = admin.createStatement())
        {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("cannot drop test database " + name, ex);
        }
    }

    static String url(final String database)
    {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=postgres";
    }

    static String host()
    {
        return host;
    }

    static int port()
    {
        return port;
    }

    private static void start()
    {
        if (host != null)
        {
            return;
        }
        if (reachable("127.0.0.1", 5432))
        {
            host = "127.0.0.1";
            port = 5432;
            return;
        }
        try
        {
            embedded = EmbeddedPostgres.builder().start();
            host = "localhost";
            port = embedded.getPort();
            System.err.println("TestPostgres: nothing on 127.0.0.1:5432, started an embedded PostgreSQL on port " + port);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("no PostgreSQL: nothing listens on 127.0.0.1:5432 and the embedded one did not " +
                "start (as root it needs user namespaces)", ex);
        }
    }

    private static boolean reachable(final String address, final int port)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(address, port), 500);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    /** A database of one test; {@link #close()} drops it. */
    record TestDatabase(String name, String url) implements AutoCloseable
    {
        Connection connect() throws SQLException
        {
            return DriverManager.getConnection(url);
        }

        @Override
        public void close()
        {
            drop(name);
        }
    }
}
