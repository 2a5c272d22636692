package io.bourse.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API credentials of all accounts, as salted PBKDF2 hashes only, persisted in one text file that is rewritten
 * atomically (temp file, fsync, rename, fsync of the directory) on every change, so it survives a crash or restart.
 * Wrong secrets are throttled per account by a {@link LogonThrottle}. Thread-safe: checks run concurrently, changes
 * are serialised.
 */
public final class CredentialStore implements Authenticator
{
    private static final String HEADER = "# Bourse API credentials: accountId scheme iterations salt hash (no secrets)";

    private final Path file;
    private final SecretHasher hasher;
    private final LogonThrottle throttle;
    private final ConcurrentHashMap<Long, StoredCredential> credentials = new ConcurrentHashMap<>();

    private CredentialStore(final Path file, final SecretHasher hasher, final LogonThrottle throttle)
    {
        this.file = file;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** Opens the store at {@code file}, reading it if it exists (its directory is created on the first change). */
    public static CredentialStore open(final Path file, final SecretHasher hasher, final LogonThrottle throttle)
    {
        final CredentialStore store = new CredentialStore(file.toAbsolutePath(), hasher, throttle);
        if (Files.exists(file))
        {
            final List<String> lines;
            try
            {
                lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read credentials file " + file, ex);
            }
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#"))
                {
                    continue;
                }
                try
                {
                    final StoredCredential credential = StoredCredential.parse(line);
                    store.credentials.put(credential.accountId(), credential);
                }
                catch (final RuntimeException ex)
                {
                    throw new IllegalStateException(
                        "credentials file " + file + " line " + (i + 1) + " is invalid: " + ex.getMessage(), ex);
                }
            }
        }
        return store;
    }

    /**
     * Issues a new API secret for {@code accountId}, replacing any previous one, and persists its hash before
     * returning. The secret is returned to the caller once and kept nowhere.
     */
    public synchronized String issueSecret(final long accountId)
    {
        if (accountId <= 0)
        {
            throw new IllegalArgumentException("account id must be positive: " + accountId);
        }
        final String secret = hasher.newSecret();
        final byte[] salt = hasher.newSalt();
        final StoredCredential credential = new StoredCredential(
            accountId, hasher.iterations(), salt, SecretHasher.hash(secret, salt, hasher.iterations()));
        final StoredCredential previous = credentials.put(accountId, credential);
        try
        {
            persist();
        }
        catch (final RuntimeException ex)
        {
            if (previous == null)
            {
                credentials.remove(accountId);
            }
            else
            {
                credentials.put(accountId, previous);
            }
            throw ex;
        }
        throttle.onSuccess(accountId);
        return secret;
    }

    public boolean hasCredential(final long accountId)
    {
        return credentials.containsKey(accountId);
    }

    public int size()
    {
        return credentials.size();
    }

    /** Slow by design (one PBKDF2 hash): call off the network event loops. */
    @Override
    public boolean authenticate(final long accountId, final String secret)
    {
        if (secret == null || !throttle.allowed(accountId))
        {
            return false;
        }
        final StoredCredential credential = credentials.get(accountId);
        final boolean ok = credential != null && SecretHasher.matches(secret, credential);
        if (ok)
        {
            throttle.onSuccess(accountId);
        }
        else
        {
            throttle.onFailure(accountId);
        }
        return ok;
    }

    private void persist()
    {
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        final Map<Long, StoredCredential> sorted = new TreeMap<>(credentials);
        for (final StoredCredential credential : sorted.values())
        {
            text.append(credential.toLine()).append('\n');
        }
        final Path dir = file.getParent();
        final Path temp = dir.resolve(file.getFileName() + ".tmp");
        try
        {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining())
                {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try
            {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel dirChannel = FileChannel.open(dir, StandardOpenOption.READ))
            {
                dirChannel.force(true);
            }
            catch (final IOException ex)
            {
                // Some file systems cannot open a directory for fsync; the rename itself is still atomic.
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write credentials file " + file, ex);
        }
    }
}
