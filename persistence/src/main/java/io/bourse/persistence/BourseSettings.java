package io.bourse.persistence;

import java.nio.file.Path;

import com.typesafe.config.Config;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.server.ConfigOption;

/**
 * The config file a command runs with ({@link ConfigOption}: its {@code --config}, else ./config/bourse.conf, else the
 * packaged default), parsed
 * once: the exchange config plus the raw keys of the pipeline and persistence sections.
 */
record BourseSettings(Config raw, ExchangeConfig exchange)
{
    static final String JOURNAL_DIR = "bourse.pipeline.journal-dir";
    static final String SNAPSHOT_DIR = "bourse.pipeline.snapshot-dir";
    static final String DB_URL = "bourse.persistence.db-url";
    static final String BATCH_SIZE = "bourse.persistence.batch-size";
    static final String MAX_BATCH_LATENCY_MS = "bourse.persistence.max-batch-latency-ms";

    static BourseSettings load(final Path file)
    {
        final Config raw = ConfigOption.load(file);
        return new BourseSettings(raw, ConfigLoader.fromConfig(raw));
    }

    String string(final String path, final String fallback)
    {
        return raw.hasPath(path) ? raw.getString(path) : fallback;
    }

    long number(final String path, final long fallback)
    {
        return raw.hasPath(path) ? raw.getLong(path) : fallback;
    }
}
