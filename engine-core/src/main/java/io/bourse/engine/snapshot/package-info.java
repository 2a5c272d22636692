/**
 * Engine snapshots on disk: {@link io.bourse.engine.snapshot.SnapshotStore} keeps a directory of files, each the
 * {@link io.bourse.engine.SnapshotCodec} bytes of the whole state after a given engine sequence, written atomically
 * and durably, loaded newest-valid-first with fallback to older ones, pruned to a retention count. Written by the
 * engine thread (snapshots are taken in sequence); loaded by recovery and the replay tool before any pipeline runs.
 * Not thread-safe: one thread at a time per store.
 */
package io.bourse.engine.snapshot;
