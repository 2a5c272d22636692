/**
 * The {@code bourse} command line and its demo: a simulated market (market makers, takers, stops) driven through
 * the engine with a live summary and end-of-run checks. Tooling, not hot path; single-threaded.
 */
package io.bourse.demo;
