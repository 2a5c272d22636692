package io.bourse.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints the 1-minute candles the sidecar wrote, straight from PostgreSQL. */
final class CandleTable
{
    private static final int MAX_ROWS = 12;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final String QUERY = """
        SELECT s.code, c.open_time, c.open, c.high, c.low, c.close, c.base_volume, c.trade_count
          FROM candles c JOIN symbols s ON s.symbol_id = c.symbol_id
         WHERE c.interval = '1m'
         ORDER BY c.open_time, s.code""";

    private CandleTable()
    {
    }

    /** Prints up to {@value #MAX_ROWS} candles with the query that found them; returns how many there are in all. */
    static int print(final PrintStream out, final DemoPostgres postgres) throws SQLException
    {
        out.println("  " + QUERY.replace("\n", "\n  "));
        out.printf("  %-10s %-17s %14s %14s %14s %14s %14s %7s%n", "symbol", "minute (UTC)", "open", "high", "low", "close",
            "volume", "trades");
        int rows = 0;
        try (Connection connection = postgres.connect();
            Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(QUERY))
        {
            while (result.next())
            {
                if (rows++ < MAX_ROWS)
                {
                    out.printf("  %-10s %-17s %14s %14s %14s %14s %14s %7d%n", result.getString(1),
                        MINUTE.format(result.getTimestamp(2).toInstant()), plain(result.getBigDecimal(3)),
                        plain(result.getBigDecimal(4)), plain(result.getBigDecimal(5)), plain(result.getBigDecimal(6)),
                        plain(result.getBigDecimal(7)), result.getLong(8));
                }
            }
        }
        if (rows > MAX_ROWS)
        {
            out.printf("  ... %d more%n", rows - MAX_ROWS);
        }
        out.printf("  %d one-minute candles%n", rows);
        return rows;
    }

    private static String plain(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }
}
