package io.bourse.engine.server;

import java.nio.file.Files;
import java.nio.file.Path;

import com.typesafe.config.Config;

import io.bourse.engine.config.ConfigLoader;

/** The {@code --config} rule shared by the commands: the given file, else ./config/bourse.conf, else the packaged one. */
public final class ConfigOption
{
    /** Where the commands look when no {@code --config} is given. */
    public static final Path LOCAL_DEFAULT = Path.of("config", "bourse.conf");

    private ConfigOption()
    {
    }

    public static Config load(final Path file)
    {
        if (file != null)
        {
            return ConfigLoader.loadRaw(file);
        }
        return Files.isRegularFile(LOCAL_DEFAULT) ? ConfigLoader.loadRaw(LOCAL_DEFAULT) : ConfigLoader.loadDefaultRaw();
    }
}
