package io.bourse.engine.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.recovery.Recovery;
import io.bourse.engine.recovery.RecoveryException;
import io.bourse.engine.recovery.RecoveryResult;
import io.bourse.engine.snapshot.SnapshotStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse replay}: rebuilds the engine from a journal (optionally starting from the newest valid snapshot) and
 * prints what it replayed, the final sequence, the state hash and the speed. With {@code --verify} every re-executed
 * command's events are compared with the journaled ones; the first difference fails the run with exit status 2.
 * Reads only: it never writes to the journal or the snapshots.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a journal, print entries, final sequence, state hash, time and commands/s.")
public final class ReplayCommand implements Callable<Integer>
{
    /** Exit status when the journal is corrupt or diverges. */
    public static final int EXIT_DIVERGED = 2;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "Journal directory.")
    Path journalDir;

    @Option(names = "--snapshots", paramLabel = "DIR",
        description = "Start from the newest valid snapshot in DIR (default: replay the whole journal).")
    Path snapshotDir;

    @Option(names = "--verify", description = "Check each re-executed command's events against the journaled ones.")
    boolean verify;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Config file with the assets and symbols the journal was written with "
            + "(default: ./config/bourse.conf, else the packaged default).")
    Path configFile;

    @Override
    public Integer call() throws IOException
    {
        final ExchangeConfig config = ConfigLoader.fromConfig(ConfigOption.load(configFile));
        final SnapshotStore snapshots = snapshotDir == null ? null : new SnapshotStore(snapshotDir, Integer.MAX_VALUE);
        final RecoveryResult result;
        try
        {
            result = new Recovery(config, journalDir, snapshots).verifyEvents(verify).recover();
        }
        catch (final RecoveryException ex)
        {
            System.err.println("replay FAILED at sequence " + ex.engineSequence() + ": " + ex.getMessage());
            return EXIT_DIVERGED;
        }
        System.out.println(result.describe());
        System.out.printf("entries replayed: %d%n", result.entriesReplayed());
        System.out.printf("final sequence:   %d%n", result.lastSequence());
        System.out.printf("state hash:       %016x%n", result.stateHash());
        System.out.printf("time:             %.3f s%n", result.elapsedNs() / 1e9);
        System.out.printf("commands/s:       %.0f%n", result.entriesPerSecond());
        System.out.printf("verified:         %s%n", verify ? "yes, every event matched" : "no (use --verify)");
        return 0;
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }
}
