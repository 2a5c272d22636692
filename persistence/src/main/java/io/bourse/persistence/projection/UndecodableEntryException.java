package io.bourse.persistence.projection;

/**
 * A journal entry whose checksum is fine but whose command or events the sidecar cannot interpret (unknown template,
 * lengths that do not add up, an enum value outside the schema). The sidecar stops on it rather than skip it.
 */
public final class UndecodableEntryException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final long engineSequence;

    public UndecodableEntryException(final long engineSequence, final String problem)
    {
        super("cannot project journal entry at engine sequence " + engineSequence + ": " + problem);
        this.engineSequence = engineSequence;
    }

    public long engineSequence()
    {
        return engineSequence;
    }
}
