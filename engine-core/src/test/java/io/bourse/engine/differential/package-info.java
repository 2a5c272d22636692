/**
 * Differential testing of the engine against the reference model: a seeded generator of realistic command streams
 * that learns from the events, an invariant checker run after every command, and the harness and tests that compare
 * event bytes and state hashes of two state machines. Test scope only.
 */
package io.bourse.engine.differential;
