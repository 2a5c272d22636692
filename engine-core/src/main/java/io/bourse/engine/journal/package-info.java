/**
 * The journal: a Chronicle Queue directory with one document per processed command, the SBE {@code JournalEntry}
 * holding the command and every event it caused, stamped with engine sequence and time and checksummed (CRC32C).
 * {@link io.bourse.engine.journal.JournalWriter} is used only by the pipeline's journal stage, on its one thread, with
 * a configurable {@link io.bourse.engine.journal.FsyncPolicy} and fail-stop on any write error;
 * {@link io.bourse.engine.journal.JournalReader} is used by recovery, the replay tool and the sidecar, each reader
 * on one thread of its own (any number of readers, in any process, alongside the writer). Neither touches engine
 * state.
 */
package io.bourse.engine.journal;
