package io.bourse.engine.server;

/** The ring was full or the pipeline has stopped: the request was not accepted and may be retried later. */
public final class EngineBusyException extends RuntimeException
{
    public EngineBusyException(final String message)
    {
        super(message);
    }
}
