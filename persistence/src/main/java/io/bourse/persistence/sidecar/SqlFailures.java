package io.bourse.persistence.sidecar;

import java.sql.SQLException;

/**
 * Tells a database outage (retry: connection lost, server shutting down or starting, out of resources) from an error
 * in the data or schema (stop: retrying would fail the same way forever).
 */
final class SqlFailures
{
    private SqlFailures()
    {
    }

    static boolean isTransient(final SQLException ex)
    {
        for (Throwable cause = ex; cause != null; cause = cause.getCause())
        {
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState()))
            {
                return true;
            }
            if (cause instanceof java.io.IOException)
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(final String state)
    {
        if (state == null)
        {
            return false;
        }
        // 08 connection exceptions, 53 insufficient resources, 57P01-57P03 admin/crash shutdown and cannot connect
        // now, 40001/40P01 serialization failure and deadlock.
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") ||
            state.equals("40001") || state.equals("40P01");
    }
}
