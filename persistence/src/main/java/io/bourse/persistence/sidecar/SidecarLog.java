package io.bourse.persistence.sidecar;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The sidecar's log: one line per event worth an operator's attention (start, resume point, progress, database lost
 * and regained, stop), on stderr with a UTC wall-clock stamp. Never per journal entry. Thread-safe.
 */
public final class SidecarLog
{
    private final PrintStream out;

    public SidecarLog(final PrintStream out)
    {
        this.out = out;
    }

    public void info(final String message)
    {
        out.println(Instant.now() + " sidecar INFO  " + message);
    }

    public void warn(final String message)
    {
        out.println(Instant.now() + " sidecar WARN  " + message);
    }

    public void error(final String message)
    {
        out.println(Instant.now() + " sidecar ERROR " + message);
    }
}
