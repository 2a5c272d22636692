package io.bourse.engine.journal;

/**
 * The journal holds something that is not a valid, contiguous sequence of entries: a checksum mismatch, a document
 * that does not decode, a gap or a repeat in engine sequences. The message names the engine sequence (or, when no
 * sequence could be read, the Chronicle index) and what is wrong. Never replay past it.
 */
public final class JournalCorruptException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final long engineSequence;
    private final long chronicleIndex;

    public JournalCorruptException(final long engineSequence, final long chronicleIndex, final String problem)
    {
        this(engineSequence, chronicleIndex, problem, null);
    }

    public JournalCorruptException(
        final long engineSequence, final long chronicleIndex, final String problem, final Throwable cause)
    {
        super(describe(engineSequence, chronicleIndex) + ": " + problem, cause);
        this.engineSequence = engineSequence;
        this.chronicleIndex = chronicleIndex;
    }

    /** The engine sequence of the bad entry, or {@link JournalEntryView#NO_SEQUENCE} when none could be read. */
    public long engineSequence()
    {
        return engineSequence;
    }

    /** The Chronicle index of the bad document, or {@link JournalEntryView#NO_INDEX} when unknown. */
    public long chronicleIndex()
    {
        return chronicleIndex;
    }

    private static String describe(final long engineSequence, final long chronicleIndex)
    {
        final String index = chronicleIndex == JournalEntryView.NO_INDEX ? "unknown" : "0x" + Long.toHexString(chronicleIndex);
        return engineSequence == JournalEntryView.NO_SEQUENCE
            ? "journal corrupt at Chronicle index " + index + " (no engine sequence readable)"
            : "journal corrupt at engine sequence " + engineSequence + " (Chronicle index " + index + ")";
    }
}
