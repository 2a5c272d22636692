/**
 * JMH benchmarks of the state machine. Run from the shaded jar: {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.bourse.benchmarks;
