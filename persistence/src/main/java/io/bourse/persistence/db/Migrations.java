package io.bourse.persistence.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version with the Flyway migrations in {@code db/migration} (classpath). Safe to
 * run at every start and by several processes: Flyway serialises them with a lock.
 */
public final class Migrations
{
    /** Flyway's per-step INFO lines would drown the sidecar's own log; held strongly so the level sticks. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static
    {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private Migrations()
    {
    }

    /** Applies pending migrations; returns how many were applied. */
    public static int migrate(final Database database)
    {
        final MigrateResult result = Flyway.configure()
            .dataSource(database.url(), null, null)
            .locations("classpath:db/migration")
            .load()
            .migrate();
        return result.migrationsExecuted;
    }
}
