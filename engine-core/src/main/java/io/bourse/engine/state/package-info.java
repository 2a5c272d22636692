/**
 * Whole-state operations on the engine: the deterministic state hash and the snapshot format. No I/O here; the
 * caller decides where the bytes go.
 */
package io.bourse.engine.state;
