/**
 * The test-scope reference model of the exchange ({@link io.bourse.engine.reference.ReferenceExchange}): docs/semantics.md
 * written out as plainly as possible, with sorted maps, linear scans and allocation, so that it is obviously right.
 * Used by the differential and behaviour tests to hold the engine to the spec; never used in production code.
 */
package io.bourse.engine.reference;
