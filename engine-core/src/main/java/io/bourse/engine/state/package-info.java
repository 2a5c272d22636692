/**
 * The state hash primitive: an order-dependent 64-bit hasher over longs, used by the engine, the reference model
 * and snapshots to agree on "the same state" (docs/semantics.md §11).
 */
package io.bourse.engine.state;
