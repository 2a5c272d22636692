package io.bourse.gateway.binary;

import java.util.concurrent.Executor;

import io.bourse.gateway.CommandSink;
import io.bourse.gateway.GatewayMetrics;
import io.bourse.gateway.GatewaySettings;
import io.bourse.gateway.auth.Authenticator;

/**
 * What every binary session shares: settings, where commands go, how logons are checked (on {@code authExecutor}, off
 * the event loops, because a check is a deliberately slow hash), the session registry and the metrics. Immutable.
 */
record BinaryGatewayContext(
    GatewaySettings settings,
    CommandSink commandSink,
    Authenticator authenticator,
    Executor authExecutor,
    SessionRegistry registry,
    GatewayMetrics metrics)
{
}
