package io.bourse.engine.behaviour;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.ExchangeStateMachine;
import io.bourse.engine.config.ExchangeConfig;

/**
 * The implementations every behaviour test runs against: the engine, and the test-scope reference model when it is
 * on the classpath. The reference is loaded by reflection so this folder compiles without it; when it is missing
 * its runs are reported as skipped (aborted), not silently dropped.
 */
public final class Implementations
{
    static final String REFERENCE_CLASS = "io.bourse.engine.reference.ReferenceExchange";

    private Implementations()
    {
    }

    /** Source for {@link ContractTest}. */
    public static Stream<Implementation> all()
    {
        return Stream.of(new Implementation("engine", ExchangeEngine::new), reference());
    }

    private static Implementation reference()
    {
        final Constructor<?> constructor = referenceConstructor();
        return new Implementation("reference", config ->
        {
            Assumptions.assumeTrue(constructor != null, REFERENCE_CLASS + " is not on the test classpath");
            return newReference(constructor, config);
        });
    }

    private static Constructor<?> referenceConstructor()
    {
        try
        {
            final Class<?> type = Class.forName(REFERENCE_CLASS);
            if (!ExchangeStateMachine.class.isAssignableFrom(type))
            {
                throw new IllegalStateException(REFERENCE_CLASS + " does not implement ExchangeStateMachine");
            }
            return type.getConstructor(ExchangeConfig.class);
        }
        catch (final ClassNotFoundException ex)
        {
            return null;
        }
        catch (final NoSuchMethodException ex)
        {
            throw new IllegalStateException(REFERENCE_CLASS + " has no (ExchangeConfig) constructor", ex);
        }
    }

    private static ExchangeStateMachine newReference(final Constructor<?> constructor, final ExchangeConfig config)
    {
        try
        {
            return (ExchangeStateMachine)constructor.newInstance(config);
        }
        catch (final InvocationTargetException ex)
        {
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
