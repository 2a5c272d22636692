/**
 * The deterministic exchange state machine.
 */
package io.bourse.engine;
