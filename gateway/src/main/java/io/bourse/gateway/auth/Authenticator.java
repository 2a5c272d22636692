package io.bourse.gateway.auth;

/**
 * Checks a session's logon credentials. Shared by the binary and FIX acceptors; implementations store secrets only as
 * salted slow hashes and throttle repeated wrong secrets. Thread-safe.
 */
public interface Authenticator
{
    /**
     * @return whether {@code secret} is the API secret of {@code accountId}; false for an unknown account, a wrong
     * secret, or an account currently throttled after wrong secrets.
     */
    boolean authenticate(long accountId, String secret);
}
