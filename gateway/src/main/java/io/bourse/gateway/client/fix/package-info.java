/**
 * The FIX 4.4 client library: {@link io.bourse.gateway.client.fix.FixClient} connects to a Bourse FIX acceptor, logs
 * on and trades. For tests, the demo and load generators; real trading firms use their own FIX engine.
 */
package io.bourse.gateway.client.fix;
