/**
 * The {@code bourse} command line ({@link io.bourse.demo.BourseCommand}) and its demos. {@code bourse demo}
 * ({@link io.bourse.demo.DemoCommand}) orchestrates the real system: it picks or starts PostgreSQL
 * ({@link io.bourse.demo.DemoPostgres}), runs the server and the sidecar as child JVMs
 * ({@link io.bourse.demo.ChildProcess}), trades over the binary protocol and FIX
 * ({@link io.bourse.demo.NetworkMarket}), watches the system from outside ({@link io.bourse.demo.ExchangeGauges},
 * {@link io.bourse.demo.SummaryScreen}) and ends with reconcile and candles. {@code bourse engine-demo}
 * ({@link io.bourse.demo.EngineDemo}) drives the state machine alone on one thread. Tooling, not hot path.
 */
package io.bourse.demo;
