/**
 * {@code bourse reconcile}: rebuilds the engine state at the sidecar's checkpoint from the journal (optionally from a
 * snapshot) and compares PostgreSQL with it, printing PASS or FAIL per check. Read-only; one thread.
 */
package io.bourse.persistence.reconcile;
