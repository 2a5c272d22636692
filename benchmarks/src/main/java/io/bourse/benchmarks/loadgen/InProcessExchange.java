package io.bourse.benchmarks.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.server.EngineServer;
import io.bourse.engine.server.ServerSettings;
import io.bourse.gateway.GatewayExtension;
import io.bourse.gateway.GatewaySettings;

/**
 * {@code bourse server} in the load generator's own JVM, on a temporary journal, with the gateway on free loopback
 * ports and a random admin token; everything is deleted on close.
 */
final class InProcessExchange implements AutoCloseable
{
    final String adminToken = UUID.randomUUID().toString();
    final GatewayExtension gateway = new GatewayExtension();
    final EngineServer server;
    private final Path dir;

    InProcessExchange(final Config baseConfig, final String waitStrategy) throws Exception
    {
        dir = Files.createTempDirectory("bourse-loadgen");
        final Config config = ConfigFactory.parseString("bourse.gateway { binary-port = 0, admin-port = 0, " +
            "admin-token = \"" + adminToken + "\", credentials-file = \"" + dir.resolve("credentials") + "\" }")
            .withFallback(baseConfig).resolve();
        final ServerSettings configured = ServerSettings.fromConfig(config);
        final ServerSettings settings = new ServerSettings(dir.resolve("journal"), dir.resolve("snapshots"),
            configured.fsync(), configured.ringSize(), waitStrategy == null ? configured.waitStrategy() : waitStrategy,
            0, 1, false);
        gateway.configure(GatewaySettings.fromConfig(config));
        server = EngineServer.start(settings, ConfigLoader.fromConfig(config), gateway.listeners(), line -> { });
        gateway.start(server);
    }

    @Override
    public void close() throws IOException
    {
        gateway.close();
        server.close();
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
