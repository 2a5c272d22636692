package io.bourse.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;

import io.bourse.benchmarks.loadgen.AdminClient;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.engine.server.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse demo}: the whole system on one machine. Starts {@code bourse server} (engine and gateways) and
 * {@code bourse sidecar} as separate processes against a PostgreSQL it finds or starts, funds accounts over the admin
 * API, runs {@link NetworkMarket} (makers on the binary protocol, takers on FIX) while showing a live summary, then
 * waits for the sidecar to catch up, runs {@code bourse reconcile}, prints 1-minute candles straight from PostgreSQL
 * and tells the user how to look further. Exit 0 only if reconcile passes and there are candles. Ctrl-C (or SIGTERM)
 * stops the market and every process it started, each through its own clean shutdown.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the whole exchange on this machine: server and sidecar as separate processes, PostgreSQL "
        + "(configured, local or embedded), market makers over the binary protocol and takers over FIX; then "
        + "reconcile PostgreSQL against the journal and show 1-minute candles.",
        "Exit status: 0 when reconcile passes and candles were written, 1 otherwise, 2 on bad options."})
public final class DemoCommand implements Callable<Integer>
{
    static final long FIRST_MAKER_ACCOUNT = 1_001;
    static final long FIRST_TAKER_ACCOUNT = 2_001;
    private static final long READY_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(3);
    private static final long CATCH_UP_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(3);
    private static final long STOP_GRACE_MS = TimeUnit.SECONDS.toMillis(30);
    /** Below this many cores the demo's server does not let its pipeline stages yield-spin. */
    private static final int SPINNING_CORES = 8;
    private static final String LOCK_FILE = "demo.lock";

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS",
        defaultValue = "${env:BOURSE_DEMO_SECONDS:-30}",
        description = "How long the market trades (default: ${DEFAULT-VALUE}; env BOURSE_DEMO_SECONDS).")
    int seconds;

    @Option(names = {"-r", "--rate"}, paramLabel = "REQUESTS_PER_SECOND", defaultValue = "2000",
        description = "Requests the traders send per second, all together (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--makers", defaultValue = "3", description = "Market makers on the binary port (default: ${DEFAULT-VALUE}).")
    int makerCount;

    @Option(names = "--takers", defaultValue = "4", description = "Takers on the FIX port (default: ${DEFAULT-VALUE}).")
    int takerCount;

    @Option(names = "--db", paramLabel = "JDBC_URL",
        description = "PostgreSQL server to use (default: bourse.persistence.db-url, else 127.0.0.1:5432, else an "
            + "embedded one). The demo uses a database of its own on it, recreated each run (--database).")
    String dbUrl;

    @Option(names = "--database", paramLabel = "NAME", defaultValue = DemoPostgres.DATABASE,
        description = "Name of the demo's database, dropped and created at start (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
        description = "Where the journal, snapshots, credentials and logs go; emptied at start (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "Configuration file (default: ./config/bourse.conf if present, else the built-in one).")
    Path configFile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the traders' choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plain", description = "Print progress lines instead of redrawing the screen (automatic when "
        + "the output is not a terminal).")
    boolean plain;

    @Option(names = "--keep-running", description = "After the summary, keep the server, sidecar and PostgreSQL "
        + "running so you can connect with psql or a FIX client; Ctrl-C stops them.")
    boolean keepRunning;

    private final PrintStream out = System.out;
    private final List<ChildProcess> children = new ArrayList<>();
    private volatile boolean interrupted;
    private NetworkMarket market;
    private DemoPostgres postgres;
    private boolean cleanedUp;
    private FileChannel dataDirLock;

    @Override
    public Integer call() throws Exception
    {
        final String invalid = invalidOptions();
        if (invalid != null)
        {
            System.err.println("bourse demo: " + invalid);
            return 2;
        }
        final Config config = ConfigOption.load(configFile);
        final ExchangeConfig exchange = ConfigLoader.fromConfig(config);
        final Thread hook = new Thread(this::onSignal, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            return run(config, exchange);
        }
        catch (final Exception ex)
        {
            if (interrupted)
            {
                return 130;
            }
            System.err.println("bourse demo failed: " + ex.getMessage());
            children.forEach(child -> System.err.println("  " + child.name() + " log: " + child.log()));
            return 1;
        }
        finally
        {
            cleanUp();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // the hook is running: it waits for cleanUp above
            }
        }
    }

    private int run(final Config config, final ExchangeConfig exchange) throws Exception
    {
        final Path data = dataDir.toAbsolutePath().normalize();
        prepareDataDir(data);
        final Path journal = data.resolve("journal");
        final Path snapshots = data.resolve("snapshots");
        final Path logs = data.resolve("logs");

        step("PostgreSQL");
        final List<String> tried = new ArrayList<>();
        postgres = DemoPostgres.open(dbUrl != null ? dbUrl : config.getString("bourse.persistence.db-url"),
            DemoPostgres.LOCAL_SERVER, database, tried);
        tried.forEach(line -> out.println("  " + line));
        out.println("  using the " + postgres.description() + ", database " + postgres.database());

        step("server (engine + binary, FIX and admin gateways)");
        final String host = "127.0.0.1";
        final int binaryPort = freePort(config.getInt("bourse.gateway.binary-port"));
        final int fixPort = freePort(config.getInt("bourse.gateway.fix-port"));
        final int adminPort = freePort(config.getInt("bourse.gateway.admin-port"));
        final String adminToken = newToken();
        final Path readyFile = data.resolve("server.ready");
        final Map<String, String> serverEnvironment = new HashMap<>(Map.of(
            "BOURSE_BINARY_PORT", Integer.toString(binaryPort),
            "BOURSE_FIX_PORT", Integer.toString(fixPort),
            "BOURSE_FIX_BIND", host,
            "BOURSE_ADMIN_PORT", Integer.toString(adminPort),
            "BOURSE_ADMIN_TOKEN", adminToken,
            "BOURSE_CREDENTIALS_FILE", data.resolve("credentials").toString(),
            "BOURSE_FIX_SESSION_DIR", data.resolve("fix-sessions").toString()));
        if (System.getenv("BOURSE_WAIT_STRATEGY") == null && Runtime.getRuntime().availableProcessors() < SPINNING_CORES)
        {
            // Server, sidecar, PostgreSQL and traders share this machine: yielding stages would starve the others.
            serverEnvironment.put("BOURSE_WAIT_STRATEGY", "blocking");
            out.printf("  %d cores: the pipeline waits with the blocking strategy (set BOURSE_WAIT_STRATEGY to choose)%n",
                Runtime.getRuntime().availableProcessors());
        }
        final ChildProcess server = startChild("server", withConfig(List.of("server", "--journal", journal.toString(),
            "--snapshots", snapshots.toString(), "--ready-file", readyFile.toString())), serverEnvironment,
            logs.resolve("server.log"));
        awaitReady(server, readyFile);
        out.printf("  pid %d: binary %s:%d, FIX %s:%d, admin http://%s:%d (log %s)%n", server.pid(), host, binaryPort,
            host, fixPort, host, adminPort, relative(server.log()));

        step("sidecar (journal -> PostgreSQL)");
        final ChildProcess sidecar = startChild("sidecar", withConfig(List.of("sidecar", "--journal", journal.toString(),
            "--db", postgres.url())), Map.of(), logs.resolve("sidecar.log"));
        out.printf("  pid %d (log %s)%n", sidecar.pid(), relative(sidecar.log()));

        step("accounts, funded over the admin API");
        final AdminClient admin = new AdminClient(host, adminPort, adminToken, "demo");
        final List<NetworkMarket.Trader> makers = fund(admin, exchange, FIRST_MAKER_ACCOUNT, makerCount);
        final List<NetworkMarket.Trader> takers = fund(admin, exchange, FIRST_TAKER_ACCOUNT, takerCount);
        out.printf("  makers %d..%d, takers %d..%d, each with %s%n", FIRST_MAKER_ACCOUNT, FIRST_MAKER_ACCOUNT + makerCount - 1,
            FIRST_TAKER_ACCOUNT, FIRST_TAKER_ACCOUNT + takerCount - 1, depositText(exchange));

        step(String.format("market: %d makers (binary) and %d takers (FIX) on %s, %,d requests/s for %d s", makerCount,
            takerCount, symbolCodes(exchange), rate, seconds));
        final MarketStats stats = new MarketStats();
        market = new NetworkMarket(exchange, stats, seed);
        final String fixCompId = config.getString("bourse.gateway.fix.sender-comp-id");
        market.connect(host, binaryPort, fixPort, fixCompId, makers, takers);

        final String header = String.format(
            "server   pid %-7d binary %s:%d  FIX %s:%d  admin %s:%d%n" +
            "sidecar  pid %-7d -> %s, database %s%n" +
            "logs     %s%n", server.pid(), host, binaryPort, host, fixPort, host, adminPort, sidecar.pid(),
            postgres.description(), postgres.database(), relative(logs));
        final SummaryScreen screen = new SummaryScreen(out, !plain && System.console() != null &&
            !"dumb".equals(System.getenv("TERM")), header);
        try (ExchangeGauges gauges = new ExchangeGauges(admin, journal, postgres))
        {
            final long start = System.nanoTime();
            market.start(rate, TimeUnit.SECONDS.toNanos(seconds));
            final long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long second = 0;
            while (second < seconds && !interrupted)
            {
                // The next whole second, or now if reading the gauges fell behind: the market stops on time either way.
                second = Math.min(seconds, Math.max(second + 1, (System.nanoTime() - start) / TimeUnit.SECONDS.toNanos(1)));
                sleepUntil(Math.min(end, start + TimeUnit.SECONDS.toNanos(second)));
                checkAlive(server, sidecar);
                stats.sampleInterval();
                screen.show(second, seconds, stats, gauges.read());
            }
            market.close();
            final double tradedSeconds = market.sendingSeconds();
            if (interrupted)
            {
                return 130;
            }

            step("waiting for the sidecar to catch up with the journal");
            final ExchangeGauges.Reading reading = awaitCatchUp(gauges, server, sidecar);
            stats.sampleInterval();
            screen.showFinal(tradedSeconds, stats, reading);

            step("reconcile: PostgreSQL against the engine state rebuilt from the journal");
            final ChildProcess reconcile = startChild("reconcile", withConfig(List.of("reconcile", "--journal",
                journal.toString(), "--db", postgres.url())), Map.of(), logs.resolve("reconcile.log"));
            final int reconcileExit = reconcile.waitFor(TimeUnit.MINUTES.toMillis(10));
            final List<String> verdictLines = Files.readAllLines(reconcile.log());
            verdictLines.forEach(line -> out.println("  " + line));
            final boolean reconciled = reconcileExit == 0 && !verdictLines.isEmpty() &&
                "PASS".equals(verdictLines.get(verdictLines.size() - 1).trim());
            out.println("reconcile verdict: " + (reconciled ? "PASS" : "FAIL (exit " + reconcileExit + ")"));

            step("1-minute candles, straight from PostgreSQL");
            final int candles = CandleTable.print(out, postgres);

            final boolean ok = reconciled && candles > 0 && stats.trades.sum() > 0;
            if (keepRunning && !interrupted)
            {
                printHowToConnect(host, fixPort, fixCompId, adminPort, adminToken, takers.get(0), journal, true);
                out.println("\nStill running: press Ctrl-C to stop the server, the sidecar and PostgreSQL.");
                while (!interrupted && server.isAlive() && sidecar.isAlive())
                {
                    Thread.sleep(500);
                }
                return ok ? 0 : 1;
            }
            step("stopping the server (final snapshot) and the sidecar");
            final int serverExit = server.stop(STOP_GRACE_MS);
            final int sidecarExit = sidecar.stop(STOP_GRACE_MS);
            out.printf("  server %s, sidecar %s%n", exitText(serverExit), exitText(sidecarExit));
            printHowToConnect(host, fixPort, fixCompId, adminPort, adminToken, takers.get(0), journal, false);
            out.println();
            out.println(ok ? "DEMO PASS" : "DEMO FAIL: " + (reconciled ? "" : "reconcile did not pass; ") +
                (candles > 0 ? "" : "no candles in PostgreSQL; ") + (stats.trades.sum() > 0 ? "" : "no trades"));
            return ok ? 0 : 1;
        }
    }

    private String invalidOptions()
    {
        if (seconds < 1)
        {
            return "--duration must be at least 1 second, was " + seconds;
        }
        if (rate < 1)
        {
            return "--rate must be at least 1 request per second, was " + rate;
        }
        if (makerCount < 1 || makerCount > 100 || takerCount < 1 || takerCount > 100)
        {
            return "--makers and --takers must be between 1 and 100, were " + makerCount + " and " + takerCount;
        }
        if (!DemoPostgres.isValidName(database))
        {
            return "--database must be lower-case letters, digits and _ (an unquoted PostgreSQL name), was " + database;
        }
        return null;
    }

    /** Locks and empties the demo's own data directory; refuses one that holds anything else. */
    private void prepareDataDir(final Path data) throws IOException
    {
        final List<String> ours = List.of("journal", "snapshots", "logs", "credentials", "credentials.tmp",
            "fix-sessions", "server.ready", "server.ready.tmp", LOCK_FILE);
        if (Files.isDirectory(data))
        {
            try (var entries = Files.list(data))
            {
                final List<Path> foreign = entries.filter(p -> !ours.contains(p.getFileName().toString())).toList();
                if (!foreign.isEmpty())
                {
                    throw new IOException(data + " holds files the demo did not write (" + foreign.get(0).getFileName() +
                        "); choose another --data-dir");
                }
            }
        }
        Files.createDirectories(data);
        lockDataDir(data);
        for (final String name : ours)
        {
            if (!LOCK_FILE.equals(name))
            {
                deleteRecursively(data.resolve(name));
            }
        }
        out.println("Bourse demo: data in " + relative(data) + " (emptied at start)");
    }

    /** Held for the whole run, so a second demo cannot empty this directory under the first one's processes. */
    private void lockDataDir(final Path data) throws IOException
    {
        final FileChannel channel = FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException heldInThisJvm)
        {
            lock = null;
        }
        if (lock == null)
        {
            channel.close();
            throw new IOException("another bourse demo is running with " + relative(data) + "; stop it or choose " +
                "another --data-dir (and --database)");
        }
        dataDirLock = channel;
    }

    private List<String> withConfig(final List<String> args)
    {
        final List<String> all = new ArrayList<>(args);
        if (configFile != null)
        {
            all.add("--config");
            all.add(configFile.toAbsolutePath().toString());
        }
        return all;
    }

    private ChildProcess startChild(final String name, final List<String> args, final Map<String, String> environment,
        final Path log) throws IOException
    {
        synchronized (children)
        {
            if (interrupted)
            {
                throw new IOException("stopping");
            }
            final ChildProcess child = ChildProcess.start(name, args, environment, log);
            children.add(child);
            return child;
        }
    }

    private void awaitReady(final ChildProcess server, final Path readyFile) throws Exception
    {
        final long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (!Files.exists(readyFile))
        {
            if (!server.isAlive())
            {
                throw new IllegalStateException("the server exited with status " + server.exitValue() +
                    " before it was ready; its log:\n" + tail(server.log()));
            }
            if (System.currentTimeMillis() > deadline || interrupted)
            {
                throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(100);
        }
    }

    private ExchangeGauges.Reading awaitCatchUp(final ExchangeGauges gauges, final ChildProcess server,
        final ChildProcess sidecar) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + CATCH_UP_TIMEOUT_MS;
        while (true)
        {
            checkAlive(server, sidecar);
            final ExchangeGauges.Reading reading = gauges.read();
            if (reading.journalSequence() >= 0 && reading.sidecarLag() == 0)
            {
                out.printf("  PostgreSQL holds everything up to engine sequence %,d%n", reading.sidecarSequence());
                return reading;
            }
            if (System.currentTimeMillis() > deadline || interrupted)
            {
                throw new IllegalStateException("the sidecar did not catch up within " + CATCH_UP_TIMEOUT_MS / 1000 +
                    " s (journal at " + reading.journalSequence() + ", PostgreSQL at " + reading.sidecarSequence() + ")");
            }
            Thread.sleep(200);
        }
    }

    private static void checkAlive(final ChildProcess... processes)
    {
        for (final ChildProcess process : processes)
        {
            if (!process.isAlive())
            {
                throw new IllegalStateException("the " + process.name() + " exited with status " + process.exitValue() +
                    "; its log ends:\n" + tail(process.log()));
            }
        }
    }

    private List<NetworkMarket.Trader> fund(final AdminClient admin, final ExchangeConfig exchange, final long first,
        final int count) throws IOException, InterruptedException
    {
        final List<NetworkMarket.Trader> traders = new ArrayList<>();
        for (long accountId = first; accountId < first + count; accountId++)
        {
            final String secret = admin.account(accountId);
            for (final AssetSpec asset : tradedAssets(exchange))
            {
                admin.deposit(accountId, asset.code(), deposit(exchange, asset).toPlainString(),
                    "demo-" + accountId + "-" + asset.code());
            }
            traders.add(new NetworkMarket.Trader(accountId, secret));
        }
        return traders;
    }

    /**
     * Enough of an asset for a few thousand of the market's largest orders on every symbol that trades it: 20 lots at
     * the reference price plus the 10% a market or stop buy may hold above it.
     */
    static BigDecimal deposit(final ExchangeConfig exchange, final AssetSpec asset)
    {
        long minor = 0;
        for (final SymbolSpec symbol : exchange.symbols())
        {
            final long lots = 2_000L * 20 * symbol.minQtyLots();
            if (symbol.baseAssetId() == asset.id())
            {
                minor += lots * symbol.lotMinor();
            }
            if (symbol.quoteAssetId() == asset.id())
            {
                minor += lots * symbol.quotePerTickLot() * symbol.referencePriceTicks() / 10 * 12;
            }
        }
        return BigDecimal.valueOf(minor, asset.scale()).stripTrailingZeros();
    }

    private static List<AssetSpec> tradedAssets(final ExchangeConfig exchange)
    {
        return exchange.assets().stream().filter(asset -> exchange.symbols().stream().anyMatch(symbol ->
            symbol.baseAssetId() == asset.id() || symbol.quoteAssetId() == asset.id())).toList();
    }

    private static String depositText(final ExchangeConfig exchange)
    {
        final StringBuilder text = new StringBuilder();
        for (final AssetSpec asset : tradedAssets(exchange))
        {
            text.append(text.length() == 0 ? "" : ", ").append(deposit(exchange, asset).toPlainString()).append(' ')
                .append(asset.code());
        }
        return text.toString();
    }

    private static String symbolCodes(final ExchangeConfig exchange)
    {
        return String.join(", ", exchange.symbols().stream().map(SymbolSpec::code).toList());
    }

    private void printHowToConnect(final String host, final int fixPort, final String fixCompId, final int adminPort,
        final String adminToken,
        final NetworkMarket.Trader fixAccount, final Path journal, final boolean running)
    {
        step("look further");
        if (running || !postgres.embedded())
        {
            out.printf("  psql:        psql \"%s\"%n", psqlUrl(postgres.url()));
            out.println("               e.g. SELECT * FROM candles WHERE interval = '1m' ORDER BY open_time;");
        }
        else
        {
            out.println("  psql:        the embedded PostgreSQL stops with the demo; run with --keep-running to query it");
        }
        if (running)
        {
            out.printf("  FIX 4.4:     %s:%d, SenderCompID any, TargetCompID %s, Username(553) %d, Password(554) %s%n", host,
                fixPort, fixCompId, fixAccount.accountId(), fixAccount.secret());
            out.printf("  admin API:   curl -H 'Authorization: Bearer %s' http://%s:%d/accounts/%d/balances%n", adminToken,
                host, adminPort, fixAccount.accountId());
        }
        else
        {
            out.println("  FIX 4.4:     bin/bourse server, then create an account over the admin API and log on with "
                + "Username(553) = account id, Password(554) = its secret (README, \"FIX 4.4\"); --keep-running keeps "
                + "this demo's server up");
        }
        out.printf("  journal:     %s   (bin/bourse replay --journal %s --verify)%n", relative(journal), relative(journal));
    }

    /** libpq accepts the JDBC URL's host, port, database and user as a postgresql:// URI. */
    static String psqlUrl(final String jdbcUrl)
    {
        return jdbcUrl.substring("jdbc:".length());
    }

    private void step(final String what)
    {
        out.println();
        out.println("== " + what);
        out.flush();
    }

    private void sleepUntil(final long deadlineNs) throws InterruptedException
    {
        long remaining;
        while ((remaining = deadlineNs - System.nanoTime()) > 0 && !interrupted)
        {
            TimeUnit.NANOSECONDS.sleep(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /** Ctrl-C or SIGTERM: let the main thread see it, then stop everything and wait for that to finish. */
    private void onSignal()
    {
        interrupted = true;
        cleanUp();
        System.out.println("\nbourse demo: stopped; every process it started has exited. Data in " + relative(dataDir));
    }

    private synchronized void cleanUp()
    {
        if (cleanedUp)
        {
            return;
        }
        cleanedUp = true;
        if (market != null)
        {
            try
            {
                market.close();
            }
            catch (final RuntimeException ex)
            {
                System.err.println("bourse demo: closing the traders' connections: " + ex);
            }
        }
        synchronized (children)
        {
            for (final ChildProcess child : children)
            {
                if (child.stop(STOP_GRACE_MS) < 0)
                {
                    System.err.println("bourse demo: the " + child.name() + " did not stop in time and was killed");
                }
            }
        }
        if (postgres != null)
        {
            postgres.close();
        }
        if (dataDirLock != null)
        {
            try
            {
                dataDirLock.close();
            }
            catch (final IOException ex)
            {
                System.err.println("bourse demo: releasing the data directory lock: " + ex.getMessage());
            }
        }
    }

    private static String newToken()
    {
        final byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String exitText(final int exit)
    {
        return exit < 0 ? "had to be killed" : "stopped (exit " + exit + ")";
    }

    /** A port to listen on: the configured one if free, else any free port. */
    static int freePort(final int preferred)
    {
        try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress()))
        {
            return preferred;
        }
        catch (final IOException taken)
        {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
            {
                return socket.getLocalPort();
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("no free TCP port on loopback", ex);
            }
        }
    }

    private static String tail(final Path log)
    {
        try
        {
            final List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        }
        catch (final IOException ex)
        {
            return "(cannot read " + log + ": " + ex.getMessage() + ")";
        }
    }

    private static String relative(final Path path)
    {
        final Path cwd = Path.of("").toAbsolutePath();
        final Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    private static void deleteRecursively(final Path path) throws IOException
    {
        if (!Files.exists(path))
        {
            return;
        }
        try (var walk = Files.walk(path))
        {
            for (final Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }
}
