/**
 * The persistence sidecar: drains the journal into PostgreSQL exactly once and reconciles it against the
 * engine. Built in its own issue (#5); this module only depends on {@code engine-core} so far.
 */
package io.bourse.persistence;
