/**
 * The engine as a pipeline: a Disruptor ring of preallocated {@link io.bourse.engine.pipeline.CommandSlot}s flowing
 * through three stages wired in {@link io.bourse.engine.pipeline.Pipeline} — (1) the engine thread applies each command
 * and stamps engine sequence and time, (2) the journal thread appends command and events to the journal, (3) the reply
 * thread hands journaled entries to a {@link io.bourse.engine.pipeline.ReplyListener}. Producers on any thread publish
 * through the thread-safe {@link io.bourse.engine.pipeline.CommandPublisher}, which never blocks (BUSY when the ring is
 * full) and never allocates. A journal failure latches fail-stop: publishers get FAILED and nothing unjournaled is ever
 * replied. Used by the server process and benchmarks; the state machine itself stays single-threaded.
 */
package io.bourse.engine.pipeline;
