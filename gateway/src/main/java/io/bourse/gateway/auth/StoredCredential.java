package io.bourse.gateway.auth;

import java.util.Base64;

/**
 * One account's stored credential: never the secret, only its PBKDF2 hash with the salt and iteration count used.
 * Immutable (the arrays are not shared outside this package).
 */
public record StoredCredential(long accountId, int iterations, byte[] salt, byte[] hash)
{
    static final String SCHEME = "pbkdf2-sha256";

    /** One line of the credentials file: {@code accountId pbkdf2-sha256 iterations salt hash}, base64. */
    String toLine()
    {
        final Base64.Encoder b64 = Base64.getEncoder();
        return accountId + " " + SCHEME + " " + iterations + " " + b64.encodeToString(salt) + " " +
            b64.encodeToString(hash);
    }

    /** @throws IllegalArgumentException naming what is wrong with the line. */
    static StoredCredential parse(final String line)
    {
        final String[] parts = line.trim().split(" +");
        if (parts.length != 5 || !SCHEME.equals(parts[1]))
        {
            throw new IllegalArgumentException("expected 'accountId " + SCHEME + " iterations salt hash'");
        }
        final long accountId = Long.parseLong(parts[0]);
        final int iterations = Integer.parseInt(parts[2]);
        if (accountId <= 0 || iterations <= 0)
        {
            throw new IllegalArgumentException("account id and iterations must be positive");
        }
        final Base64.Decoder b64 = Base64.getDecoder();
        return new StoredCredential(accountId, iterations, b64.decode(parts[3]), b64.decode(parts[4]));
    }
}
