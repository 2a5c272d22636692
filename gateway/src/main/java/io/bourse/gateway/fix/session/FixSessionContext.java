package io.bourse.gateway.fix.session;

import java.util.concurrent.Executor;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.gateway.auth.Authenticator;
import io.bourse.gateway.fix.FixSettings;
import io.bourse.gateway.fix.order.OrderSink;

/**
 * What every FIX session of one acceptor shares.
 *
 * @param authExecutor runs {@link Authenticator#authenticate} (a slow hash) off the event loops.
 */
public record FixSessionContext(
    FixSettings settings,
    ExchangeConfig exchangeConfig,
    FixSessionRegistry registry,
    FixSessionStates states,
    Authenticator authenticator,
    Executor authExecutor,
    OrderSink sink)
{
}
