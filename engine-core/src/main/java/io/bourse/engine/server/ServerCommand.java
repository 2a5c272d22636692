package io.bourse.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.ReplyListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse server}: loads the config, recovers, runs the pipeline and every {@link ServerExtension} on the
 * classpath (the gateway), until SIGTERM or Ctrl-C, then shuts down cleanly (extensions first, then the engine, with a
 * final snapshot if configured). If the journal fails it reports why and exits with status 3: it never keeps
 * accepting commands it cannot journal.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = "Run the exchange: recover from snapshot + journal, then serve until SIGTERM.")
public final class ServerCommand implements Callable<Integer>
{
    /** Exit status when the pipeline stopped itself (fail-stop). */
    public static final int EXIT_FAIL_STOP = 3;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Config file (default: ./config/bourse.conf, else the packaged default).")
    Path configFile;

    @Option(names = "--journal", paramLabel = "DIR", description = "Journal directory (overrides bourse.pipeline.journal-dir).")
    Path journalDir;

    @Option(names = "--snapshots", paramLabel = "DIR", description = "Snapshot directory (overrides bourse.pipeline.snapshot-dir).")
    Path snapshotDir;

    @Option(names = "--fsync", paramLabel = "POLICY", description = "none, batch or every (overrides bourse.pipeline.fsync).")
    String fsync;

    @Option(names = "--snapshot-every", paramLabel = "N",
        description = "Snapshot every N commands, 0 for never (overrides bourse.pipeline.snapshot-every-commands).")
    Long snapshotEvery;

    @Option(names = "--command-port", paramLabel = "PORT", defaultValue = "-1",
        description = "Open the raw command port (tests and tools) on loopback; 0 picks a free port. Off by default.")
    int commandPort;

    @Option(names = "--no-extensions", description = "Run the engine alone, without the gateway or other extensions.")
    boolean noExtensions;

    @Option(names = "--ready-file", paramLabel = "FILE",
        description = "Once serving, write sequence, state hash and command port to FILE (for scripts).")
    Path readyFile;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<ServerExtension> started = new ArrayList<>();
    private EngineServer server;
    private CommandPort port;
    private boolean shutDown;

    @Override
    public Integer call() throws Exception
    {
        final Config config = ConfigOption.load(configFile);
        final ExchangeConfig exchangeConfig = ConfigLoader.fromConfig(config);
        final ServerSettings settings = settings(config);
        final List<ReplyListener> listeners = new ArrayList<>();
        final List<ServerExtension> extensions = noExtensions ? List.of() : loadExtensions();
        final ServerSetup setup = new Setup(config, exchangeConfig, settings, listeners);
        for (final ServerExtension extension : extensions)
        {
            extension.configure(setup);
        }
        if (commandPort >= 0)
        {
            port = new CommandPort(commandPort);
            listeners.add(port);
        }

        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "bourse-shutdown"));
        server = EngineServer.start(settings, exchangeConfig, listeners, ServerCommand::log);
        for (final ServerExtension extension : extensions)
        {
            extension.start(server);
            started.add(extension);
            log("started " + extension.name());
        }
        if (port != null)
        {
            port.start(server.publisher());
        }
        final String ready = String.format("sequence=%d%nstate-hash=%016x%ncommand-port=%d%n",
            server.recovery().lastSequence(), server.recovery().stateHash(), port == null ? -1 : port.port());
        writeReadyFile(ready);
        log(String.format("serving: journal %s, snapshots %s, fsync %s, last sequence %d, state hash %016x%s",
            settings.journalDir(), settings.snapshotDir(), settings.fsync().name().toLowerCase(),
            server.recovery().lastSequence(), server.recovery().stateHash(),
            port == null ? "" : ", command port " + port.port()));

        while (!stopped.await(100, TimeUnit.MILLISECONDS))
        {
            if (server.failed())
            {
                System.err.println("FAIL-STOP: the engine stopped accepting commands: " + server.failureCause());
                shutdown();
                return EXIT_FAIL_STOP;
            }
        }
        return 0;
    }

    private ServerSettings settings(final Config config)
    {
        ServerSettings settings = ServerSettings.fromConfig(config);
        if (journalDir != null)
        {
            settings = settings.withJournalDir(journalDir);
        }
        if (snapshotDir != null)
        {
            settings = settings.withSnapshotDir(snapshotDir);
        }
        if (fsync != null)
        {
            final FsyncPolicy policy = ServerSettings.fsyncPolicy(fsync);
            settings = settings.withFsync(policy);
        }
        if (snapshotEvery != null)
        {
            settings = settings.withSnapshotEveryCommands(snapshotEvery);
        }
        return settings;
    }

    private static List<ServerExtension> loadExtensions()
    {
        final List<ServerExtension> extensions = new ArrayList<>();
        ServiceLoader.load(ServerExtension.class).forEach(extensions::add);
        return extensions;
    }

    /** Once, from the shutdown hook or on fail-stop: extensions (newest first), the command port, then the engine. */
    private synchronized void shutdown()
    {
        if (shutDown)
        {
            return;
        }
        shutDown = true;
        for (int i = started.size() - 1; i >= 0; i--)
        {
            started.get(i).close();
        }
        if (port != null)
        {
            port.close();
        }
        if (server != null)
        {
            server.close();
            log(String.format("stopped at sequence %d", server.stats().lastJournaledSequence()));
        }
        stopped.countDown();
    }

    private void writeReadyFile(final String contents) throws IOException
    {
        if (readyFile == null)
        {
            return;
        }
        final Path temp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
        Files.writeString(temp, contents, StandardCharsets.US_ASCII);
        Files.move(temp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void log(final String line)
    {
        System.out.println("[server] " + line);
        System.out.flush();
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ServerCommand()).execute(args));
    }

    private record Setup(
        Config config, ExchangeConfig exchangeConfig, ServerSettings settings, List<ReplyListener> listeners)
        implements ServerSetup
    {
        @Override
        public void addReplyListener(final ReplyListener listener)
        {
            listeners.add(listener);
        }
    }
}
