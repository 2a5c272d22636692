package io.bourse.engine.pipeline;

/** The pipeline's failure latch: set once by any stage, read by publishers and later stages. Thread-safe. */
final class FailStop
{
    private volatile Throwable cause;

    synchronized void fail(final Throwable cause)
    {
        if (this.cause == null)
        {
            this.cause = cause;
        }
    }

    boolean failed()
    {
        return cause != null;
    }

    /** The first failure, or null. */
    Throwable cause()
    {
        return cause;
    }
}
