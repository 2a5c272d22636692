/**
 * What the engine says: the reusable, SBE-encoded event buffer the state machine writes each command's events
 * into, and a formatter that renders commands and events as text. The journal and the gateway read the same bytes.
 */
package io.bourse.engine.event;
