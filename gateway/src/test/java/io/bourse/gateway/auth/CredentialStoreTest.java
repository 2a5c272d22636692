package io.bourse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest
{
    private static final long LOCK_NS = TimeUnit.SECONDS.toNanos(1);

    @TempDir
    Path dir;

    private final AtomicLong clockNs = new AtomicLong(1_000_000_000L);

    private CredentialStore open()
    {
        return CredentialStore.open(dir.resolve("sub/credentials"), new SecretHasher(SecretHasher.MIN_ITERATIONS),
            new LogonThrottle(3, LOCK_NS, 8 * LOCK_NS, clockNs::get));
    }

    @Test
    void shouldAuthenticateIssuedSecretOnlyAndStoreNoSecretOnDisk() throws Exception
    {
        final CredentialStore store = open();
        final String secret = store.issueSecret(5);
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(store.authenticate(5, secret)).isTrue();
        assertThat(store.authenticate(5, secret + "x")).isFalse();
        assertThat(store.authenticate(6, secret)).isFalse();

        final String file = Files.readString(dir.resolve("sub/credentials"));
        assertThat(file).doesNotContain(secret).contains("5 pbkdf2-sha256 100000 ");
        assertThat(Files.exists(dir.resolve("sub/credentials.tmp"))).isFalse();
    }

    @Test
    void shouldKeepCredentialsAcrossRestartAndReplaceOnReissue()
    {
        final String first = open().issueSecret(5);
        final CredentialStore reopened = open();
        assertThat(reopened.authenticate(5, first)).isTrue();
        final String second = reopened.issueSecret(5);
        final CredentialStore again = open();
        assertThat(again.authenticate(5, first)).isFalse();
        assertThat(again.authenticate(5, second)).isTrue();
        assertThat(again.size()).isEqualTo(1);
    }

    @Test
    void shouldLockAccountAfterRepeatedWrongSecretsWithGrowingDelay()
    {
        final CredentialStore store = open();
        final String secret = store.issueSecret(5);
        for (int i = 0; i < 4; i++)
        {
            assertThat(store.authenticate(5, "wrong")).isFalse();
        }
        // Locked for 1 s after the 4th failure: even the right secret is refused.
        assertThat(store.authenticate(5, secret)).isFalse();
        clockNs.addAndGet(LOCK_NS);
        assertThat(store.authenticate(5, "wrong")).isFalse();
        clockNs.addAndGet(LOCK_NS);
        // The 5th failure doubled the lock to 2 s.
        assertThat(store.authenticate(5, secret)).isFalse();
        clockNs.addAndGet(LOCK_NS);
        assertThat(store.authenticate(5, secret)).isTrue();
        // Success resets the count.
        assertThat(store.authenticate(5, "wrong")).isFalse();
        assertThat(store.authenticate(5, secret)).isTrue();
    }

    @Test
    void shouldRefuseTooFewIterationsAndCorruptFiles() throws Exception
    {
        assertThatThrownBy(() -> new SecretHasher(1000)).isInstanceOf(IllegalArgumentException.class);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/credentials"), "5 md5 1 xx yy\n");
        assertThatThrownBy(this::open).hasMessageContaining("line 1");
    }
}
