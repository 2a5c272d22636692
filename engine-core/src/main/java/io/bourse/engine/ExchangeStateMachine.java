package io.bourse.engine;

import org.agrona.DirectBuffer;

import io.bourse.engine.event.EventLog;

/**
 * A deterministic exchange state machine: applies one SBE-encoded command at a time and appends the events it
 * causes. Implemented by {@link ExchangeEngine} and, in tests, by the reference model. Single-threaded; no I/O,
 * no clock: the caller passes the engine time of each command.
 */
public interface ExchangeStateMachine extends ExchangeView
{
    /**
     * Applies one command. Never throws for bad input: a malformed or invalid command becomes a
     * {@code CommandRejected} event (docs/semantics.md §4).
     *
     * @param command buffer holding the message header and body.
     * @param offset  of the message header.
     * @param length  bytes available for the message.
     * @param nowNs   engine time of this command, nanoseconds since the epoch; non-decreasing.
     * @param events  where the command's events are appended (not reset here).
     */
    void process(DirectBuffer command, int offset, int length, long nowNs, EventLog events);
}
