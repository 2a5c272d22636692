/**
 * The deterministic exchange state machine, {@link io.bourse.engine.ExchangeEngine}: one SBE command in, its
 * events out, no I/O, no threads, no clock (the caller stamps each command). Commands are validated and applied by
 * {@code OrderEntry} (trading) and {@code AdminCommands} (operator), matched by {@code Matcher}, and every balance
 * movement goes through {@code Ledger}. {@link io.bourse.engine.SnapshotCodec} turns the whole state into bytes
 * and back. The contract is docs/semantics.md. Engine thread only.
 */
package io.bourse.engine;
