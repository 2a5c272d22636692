/**
 * PostgreSQL access of the sidecar and reconcile: locating the database, Flyway migrations, reference data, the
 * checkpoint, and {@link io.bourse.persistence.db.BatchWriter}, which commits a batch and its checkpoint in one
 * transaction (COPY for append-only tables, staged upserts for current state and candles). One connection per user;
 * not thread-safe.
 */
package io.bourse.persistence.db;
