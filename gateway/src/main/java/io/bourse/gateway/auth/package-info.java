/**
 * Logon credentials: API secrets issued at random and stored only as salted PBKDF2 hashes in a file rewritten
 * atomically, checked by every acceptor through {@link io.bourse.gateway.auth.Authenticator}, with wrong secrets
 * throttled per account.
 */
package io.bourse.gateway.auth;
