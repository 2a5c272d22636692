package io.bourse.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which PostgreSQL the demo picks, in the documented order, and that its database starts empty every time. */
class DemoPostgresTest
{
    private static final String DATABASE = "bourse_demo_pg_test";

    @Test
    void startsAnEmbeddedServerWhenNoneIsConfiguredAndNothingAnswersLocally() throws Exception
    {
        final List<String> tried = new ArrayList<>();
        final String nowhere = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres?user=postgres";
        final int port;
        try (DemoPostgres postgres = DemoPostgres.open("", nowhere, DATABASE, tried))
        {
            assertThat(postgres.embedded()).isTrue();
            assertThat(postgres.description()).startsWith("embedded PostgreSQL");
            assertThat(tried).singleElement().asString().startsWith("no usable PostgreSQL at 127.0.0.1:");
            assertThat(currentDatabase(postgres)).isEqualTo(DATABASE);
            port = Integer.parseInt(postgres.url().replaceAll(".*:(\\d+)/.*", "$1"));
            assertThat(listening(port)).isTrue();
        }
        assertThat(listening(port)).as("the embedded server stops on close").isFalse();
    }

    @Test
    void usesTheLocalServerWhenOneAnswersAndRecreatesItsDatabase() throws Exception
    {
        assumeTrue(listening(5432), "no PostgreSQL on 127.0.0.1:5432");
        try (DemoPostgres first = DemoPostgres.open(null, DemoPostgres.LOCAL_SERVER, DATABASE, new ArrayList<>()))
        {
            assertThat(first.embedded()).isFalse();
            assertThat(first.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + DATABASE + "?user=postgres");
            execute(first, "CREATE TABLE left_over (id INT)");
        }
        try (DemoPostgres second = DemoPostgres.open(null, DemoPostgres.LOCAL_SERVER, DATABASE, new ArrayList<>());
            Connection connection = second.connect();
            Statement statement = connection.createStatement();
            ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'left_over'"))
        {
            tables.next();
            assertThat(tables.getInt(1)).as("a new run starts from an empty database").isZero();
            execute(second, "SELECT 1");
        }
        try (Connection connection = DriverManager.getConnection(DemoPostgres.LOCAL_SERVER);
            Statement statement = connection.createStatement())
        {
            statement.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void aSecondDemoCannotTakeADatabaseAnotherOneIsUsing() throws Exception
    {
        assumeTrue(listening(5432), "no PostgreSQL on 127.0.0.1:5432");
        try (DemoPostgres first = DemoPostgres.open(null, DemoPostgres.LOCAL_SERVER, DATABASE, new ArrayList<>()))
        {
            execute(first, "CREATE TABLE in_use (id INT)");
            final List<String> tried = new ArrayList<>();
            assertThatThrownBy(() -> DemoPostgres.open(null, DemoPostgres.LOCAL_SERVER, DATABASE, tried))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another bourse demo is using database " + DATABASE);
            assertThat(tried).as("not a reason to fall back to an embedded server").isEmpty();
            execute(first, "SELECT count(*) FROM in_use");
        }
        try (DemoPostgres again = DemoPostgres.open(null, DemoPostgres.LOCAL_SERVER, DATABASE, new ArrayList<>()))
        {
            assertThat(again.embedded()).isFalse();
        }
        try (Connection connection = DriverManager.getConnection(DemoPostgres.LOCAL_SERVER);
            Statement statement = connection.createStatement())
        {
            statement.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void aConfiguredServerThatCannotBeReachedIsAnErrorNamingIt() throws IOException
    {
        final String configured = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/bourse?user=postgres";
        final List<String> tried = new ArrayList<>();
        assertThatThrownBy(() -> DemoPostgres.open(configured, DemoPostgres.LOCAL_SERVER, DATABASE, tried))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot use the configured PostgreSQL " + configured);
        assertThat(tried).as("no fallback from a configured server").isEmpty();
    }

    @Test
    void refusesNamesThatAreNotPlainPostgresIdentifiers()
    {
        assertThat(DemoPostgres.isValidName("bourse_demo")).isTrue();
        assertThat(DemoPostgres.isValidName("Bourse")).isFalse();
        assertThat(DemoPostgres.isValidName("demo; DROP DATABASE x")).isFalse();
        assertThatThrownBy(() -> DemoPostgres.open("", DemoPostgres.LOCAL_SERVER, "a-b", new ArrayList<>()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a-b");
    }

    @Test
    void replacesOnlyTheDatabaseOfAUrl()
    {
        assertThat(DemoPostgres.withDatabase("jdbc:postgresql://db.example:6543/prod?user=u&ssl=true", "bourse_demo"))
            .isEqualTo("jdbc:postgresql://db.example:6543/bourse_demo?user=u&ssl=true");
        assertThat(DemoPostgres.withDatabase("jdbc:postgresql://h/", "d")).isEqualTo("jdbc:postgresql://h/d");
        assertThat(DemoCommand.psqlUrl("jdbc:postgresql://127.0.0.1:5432/bourse_demo?user=postgres"))
            .isEqualTo("postgresql://127.0.0.1:5432/bourse_demo?user=postgres");
    }

    private static String currentDatabase(final DemoPostgres postgres) throws SQLException
    {
        try (Connection connection = postgres.connect();
            Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT current_database()"))
        {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(final DemoPostgres postgres, final String sql) throws SQLException
    {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement())
        {
            statement.execute(sql);
        }
    }

    private static int closedPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(final int port)
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
