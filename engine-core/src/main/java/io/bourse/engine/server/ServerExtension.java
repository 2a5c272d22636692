package io.bourse.engine.server;

/**
 * Something that runs inside {@code bourse server} beside the engine, found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/io.bourse.engine.server.ServerExtension}): the gateway's acceptors, say. The
 * server calls {@link #configure} before recovery, {@link #start} once the pipeline runs, and {@link #close} (in
 * reverse order of starting) before it stops the pipeline, so no extension publishes into a closed ring.
 */
public interface ServerExtension extends AutoCloseable
{
    /** A short name for logs. */
    default String name()
    {
        return getClass().getSimpleName();
    }

    /** Before recovery: read config, register reply listeners. */
    default void configure(final ServerSetup setup)
    {
    }

    /** After recovery, with the pipeline running: bind ports, start threads. */
    void start(EngineServer server) throws Exception;

    /** Stop accepting work and release resources; must not throw. */
    @Override
    void close();
}
