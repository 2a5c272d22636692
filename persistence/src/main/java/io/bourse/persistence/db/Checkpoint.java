package io.bourse.persistence.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the database holds: every journal entry up to {@code engineSequence} (0 before the first), the last at
 * Chronicle index {@code journalIndex} (-1 before the first).
 */
public record Checkpoint(long engineSequence, long journalIndex)
{
    /** Reads the stored checkpoint. */
    public static Checkpoint read(final Connection connection) throws SQLException
    {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT engine_seq, journal_index FROM sidecar_checkpoint WHERE id = 1"))
        {
            if (!result.next())
            {
                throw new SQLException("sidecar_checkpoint has no row: the schema was not created by the migrations", "BO004");
            }
            return new Checkpoint(result.getLong(1), result.getLong(2));
        }
    }
}
