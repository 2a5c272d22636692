/**
 * The order gateway: Netty servers for the SBE binary and FIX 4.4 protocols, admin HTTP, sessions and the
 * {@code server} main. Built in its own issue (#4); this module only depends on {@code engine-core} so far.
 */
package io.bourse.gateway;
