/**
 * Rebuilding the engine at start-up and in the replay tool: the newest valid snapshot, then every later journal entry
 * re-executed and checked against the events the journal recorded for it. Any difference stops recovery loudly.
 */
package io.bourse.engine.recovery;
