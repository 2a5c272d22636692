/**
 * JMH benchmarks of the state machine on one thread — micro benchmarks of place, cancel, amend and a 10-level sweep,
 * and a realistic mixed command stream generated against a shadow engine — plus the fixtures they share. Run from
 * the shaded jar: {@code java -jar benchmarks/target/benchmarks.jar}; see benchmarks/README.md. Nothing here is used
 * by the exchange itself.
 */
package io.bourse.benchmarks;
