package io.bourse.persistence.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version with the Flyway migrations in {@code db/migration} (classpath). Safe to
 * run at every start and by several processes: Flyway serialises them with a lock.
 */
public final class Migrations
{
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
