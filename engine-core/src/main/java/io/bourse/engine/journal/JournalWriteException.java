package io.bourse.engine.journal;

/**
 * The journal could not write or force an entry (I/O error, disk full, closed queue). The writer is failed from
 * then on: the caller must stop accepting commands and never acknowledge the entry that failed, or any later one.
 */
public final class JournalWriteException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalWriteException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
