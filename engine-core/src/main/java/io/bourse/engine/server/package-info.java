/**
 * The engine as a running process: settings from config, recovery, the pipeline, snapshots written off the engine
 * thread, engine tasks for admin reads, the {@code bourse server} and {@code bourse replay} commands, and the
 * {@link io.bourse.engine.server.ServerExtension} SPI through which the gateway plugs in.
 */
package io.bourse.engine.server;
