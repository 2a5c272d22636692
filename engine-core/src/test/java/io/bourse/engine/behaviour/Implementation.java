package io.bourse.engine.behaviour;

import java.util.function.Function;

import io.bourse.engine.ExchangeStateMachine;
import io.bourse.engine.config.ExchangeConfig;

/**
 * One implementation of the state machine under contract test: a name for the report and a factory.
 */
public record Implementation(String name, Function<ExchangeConfig, ExchangeStateMachine> factory)
{
    /** A new state machine for this config wrapped in a driver. */
    public ExchangeDriver driver(final ExchangeConfig config)
    {
        return new ExchangeDriver(factory.apply(config));
    }

    @Override
    public String toString()
    {
        return name;
    }
}
