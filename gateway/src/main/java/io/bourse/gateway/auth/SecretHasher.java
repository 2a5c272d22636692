package io.bourse.gateway.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Generates API secrets and hashes them with PBKDF2-HMAC-SHA256 (JDK only): a random 16-byte salt per secret and a
 * configurable iteration count, at least {@link #MIN_ITERATIONS}. Thread-safe.
 */
public final class SecretHasher
{
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int MIN_ITERATIONS = 100_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** Random bytes in a generated secret; it is sent as 43 URL-safe base64 characters. */
    public static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public SecretHasher(final int iterations)
    {
        if (iterations < MIN_ITERATIONS)
        {
            throw new IllegalArgumentException("PBKDF2 iterations below " + MIN_ITERATIONS + ": " + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations()
    {
        return iterations;
    }

    /** A new random secret: URL-safe base64 without padding, printable ASCII. */
    public String newSecret()
    {
        final byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public byte[] newSalt()
    {
        final byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    /** The PBKDF2 hash of {@code secret} with {@code salt} and {@code iterations}. */
    public static byte[] hash(final String secret, final byte[] salt, final int iterations)
    {
        final PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BYTES * Byte.SIZE);
        try
        {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", ex);
        }
        finally
        {
            spec.clearPassword();
        }
    }

    /** Whether {@code secret} hashes to {@code expected}, compared in constant time. */
    public static boolean matches(final String secret, final StoredCredential credential)
    {
        final byte[] actual = hash(secret, credential.salt(), credential.iterations());
        final boolean equal = MessageDigest.isEqual(actual, credential.hash());
        Arrays.fill(actual, (byte)0);
        return equal;
    }
}
