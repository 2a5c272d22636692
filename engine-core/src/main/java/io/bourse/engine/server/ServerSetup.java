package io.bourse.engine.server;

import com.typesafe.config.Config;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.pipeline.ReplyListener;

/** What a {@link ServerExtension} may see and register before the server starts. */
public interface ServerSetup
{
    /** The whole configuration, for the extension's own section. */
    Config config();

    ExchangeConfig exchangeConfig();

    ServerSettings settings();

    /**
     * Adds a listener called on the reply thread for every journaled command, in engine order, after the listeners
     * added before it. It must not block: hand work to the extension's own threads.
     */
    void addReplyListener(ReplyListener listener);
}
