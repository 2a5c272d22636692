package io.bourse.engine.recovery;

/**
 * Recovery cannot produce a trustworthy engine: the journal is corrupt or has a gap, or re-executing an entry did not
 * reproduce its journaled events. The message names the engine sequence and what differed.
 */
public final class RecoveryException extends RuntimeException
{
    private final long engineSequence;

    public RecoveryException(final long engineSequence, final String message, final Throwable cause)
    {
        super(message, cause);
        this.engineSequence = engineSequence;
    }

    public RecoveryException(final long engineSequence, final String message)
    {
        this(engineSequence, message, null);
    }

    /** The engine sequence of the entry that failed. */
    public long engineSequence()
    {
        return engineSequence;
    }
}
