package io.bourse.gateway.auth;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.bourse.gateway.GatewaySettings;

/**
 * One {@link CredentialStore} per credentials file in the process, so every acceptor (binary, FIX) checks logons
 * against the same store the admin API issues secrets into. Thread-safe.
 */
public final class SharedCredentials
{
    private static final ConcurrentHashMap<Path, CredentialStore> STORES = new ConcurrentHashMap<>();

    private SharedCredentials()
    {
    }

    /** The store for {@code settings.credentialsFile()}, opened on first use with the settings' hashing and throttle. */
    public static CredentialStore forSettings(final GatewaySettings settings)
    {
        return STORES.computeIfAbsent(settings.credentialsFile().toAbsolutePath().normalize(), file ->
            CredentialStore.open(file, new SecretHasher(settings.pbkdf2Iterations()), new LogonThrottle(
                settings.logonFreeFailures(), TimeUnit.MILLISECONDS.toNanos(settings.logonLockBaseMs()),
                TimeUnit.MILLISECONDS.toNanos(settings.logonLockMaxMs()), System::nanoTime)));
    }
}
