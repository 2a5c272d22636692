/**
 * The persistence sidecar's command-line entry points: {@code bourse sidecar} ({@link
 * io.bourse.persistence.SidecarCommand}), which projects the journal into PostgreSQL exactly once, and {@code bourse
 * reconcile} ({@link io.bourse.persistence.ReconcileCommand}), which checks PostgreSQL against the engine state
 * rebuilt from the journal. Separate processes from the engine; they only read the journal.
 */
package io.bourse.persistence;
