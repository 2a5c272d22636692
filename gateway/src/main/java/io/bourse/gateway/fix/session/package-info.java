/**
 * The FIX 4.4 session layer: {@link io.bourse.gateway.fix.session.FixSession} (logon, sequence numbers, heartbeats,
 * resends, logout) per connection, the {@link io.bourse.gateway.fix.session.FixSessionState} that outlives a
 * connection (sequence numbers and the in-memory outbound store), the
 * {@link io.bourse.gateway.fix.session.SequenceStore} that keeps each session's numbers and account binding across
 * restarts (a memory-mapped {@link io.bourse.gateway.fix.session.SequenceRecord} file per session), and the
 * {@link io.bourse.gateway.fix.session.FixSessionRegistry} the reply thread routes by. Used by the FIX acceptor.
 */
package io.bourse.gateway.fix.session;
