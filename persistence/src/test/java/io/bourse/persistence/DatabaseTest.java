package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.bourse.persistence.db.Database;

final class DatabaseTest
{
    @Test
    void shouldCreateAMissingDatabaseOnce() throws Exception
    {
        final String name;
        try (TestPostgres.TestDatabase scratch = TestPostgres.createDatabase())
        {
            name = scratch.name() + "_created";
        }
        final Database database = Database.at(TestPostgres.url(name));
        try
        {
            assertThat(database.createIfMissing()).isTrue();
            assertThat(database.createIfMissing()).isFalse();
            try (var connection = database.connect())
            {
                assertThat(connection.getCatalog()).isEqualTo(name);
            }
        }
        finally
        {
            TestPostgres.drop(name);
        }
    }

    @Test
    void shouldRejectNonPostgresUrlsAndHidePasswords()
    {
        assertThatThrownBy(() -> Database.at("jdbc:mysql://localhost/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Database.at("jdbc:postgresql://h:5432/db?user=u&password=secret").describe())
            .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***");
        assertThat(Database.configuredOrLocal(" ").url()).isEqualTo(Database.LOCAL_URL);
    }
}
