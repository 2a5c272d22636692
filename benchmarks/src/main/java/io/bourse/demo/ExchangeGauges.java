package io.bourse.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.bourse.benchmarks.loadgen.AdminClient;

/**
 * Reads what the demo shows from outside the processes, the way an operator would: the server's {@code /metrics}
 * page, the journal's size on disk, and the sidecar's checkpoint and row counts in PostgreSQL. Any source that does not
 * answer reads as unknown (-1) instead of failing the demo. One thread.
 */
final class ExchangeGauges implements AutoCloseable
{
    static final String[] COUNTED_TABLES = {"orders", "trades", "ledger_entries", "balances", "candles"};
    private static final Pattern JOURNAL_SEQUENCE = Pattern.compile("(?m)^bourse_journal_sequence (\\d+)");

    private final AdminClient admin;
    private final Path journalDir;
    private final DemoPostgres postgres;
    private Connection connection;

    /** One reading. */
    record Reading(long journalSequence, long journalBytes, long sidecarSequence, Map<String, Long> rows)
    {
        long sidecarLag()
        {
            return journalSequence < 0 || sidecarSequence < 0 ? -1 : Math.max(0, journalSequence - sidecarSequence);
        }
    }

    ExchangeGauges(final AdminClient admin, final Path journalDir, final DemoPostgres postgres)
    {
        this.admin = admin;
        this.journalDir = journalDir;
        this.postgres = postgres;
    }

    Reading read()
    {
        final Map<String, Long> rows = new LinkedHashMap<>();
        long sidecarSequence = -1;
        try
        {
            if (connection == null || connection.isClosed())
            {
                connection = postgres.connect();
            }
            try (Statement statement = connection.createStatement())
            {
                sidecarSequence = single(statement, "SELECT engine_seq FROM sidecar_checkpoint WHERE id = 1");
                for (final String table : COUNTED_TABLES)
                {
                    rows.put(table, single(statement, "SELECT count(*) FROM " + table));
                }
            }
        }
        catch (final SQLException ex)
        {
            // Before the sidecar has created its schema, or while the database restarts: unknown for now.
            closeConnection();
        }
        return new Reading(journalSequence(), journalBytes(), sidecarSequence, rows);
    }

    /** Engine sequence of the last journaled command, from the server's metrics; -1 if the server does not answer. */
    long journalSequence()
    {
        try
        {
            final Matcher matcher = JOURNAL_SEQUENCE.matcher(admin.get("/metrics"));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        }
        catch (final IOException ex)
        {
            return -1;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Bytes the journal takes on disk ({@code du}), else the files' apparent size (Chronicle preallocates). */
    long journalBytes()
    {
        try
        {
            final Process du = new ProcessBuilder("du", "-sk", journalDir.toString()).redirectErrorStream(true).start();
            final String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (du.waitFor() == 0 && !out.isEmpty())
            {
                return Long.parseLong(out.split("\\s+")[0]) * 1024;
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            // no du here: fall back to the apparent size below
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(journalDir))
        {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    @Override
    public void close()
    {
        closeConnection();
    }

    private void closeConnection()
    {
        if (connection != null)
        {
            try
            {
                connection.close();
            }
            catch (final SQLException ignored)
            {
                // already broken
            }
            connection = null;
        }
    }

    private static long single(final Statement statement, final String sql) throws SQLException
    {
        try (ResultSet result = statement.executeQuery(sql))
        {
            return result.next() ? result.getLong(1) : -1;
        }
    }
}
