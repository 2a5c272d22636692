/** Logon credentials: API secrets stored as salted slow hashes, checked by every acceptor. */
package io.bourse.gateway.auth;
