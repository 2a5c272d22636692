/**
 * Behaviour (contract) tests of the state machine, written from docs/semantics.md: an {@link
 * io.bourse.engine.behaviour.ExchangeDriver} DSL encodes commands at an explicit engine time and returns each
 * command's events as {@link io.bourse.engine.behaviour.Event} values; every {@link
 * io.bourse.engine.behaviour.ContractTest} runs against the engine and, when on the classpath, the reference model.
 * Expected numbers are worked out by hand in comments, never by engine code. Test scope only.
 */
package io.bourse.engine.behaviour;
