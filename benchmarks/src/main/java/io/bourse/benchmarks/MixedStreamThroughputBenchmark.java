package io.bourse.benchmarks;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;

/**
 * Throughput of the state machine on the {@link MixedStream}: each iteration is one invocation that runs all
 * {@value MixedStream#COMMANDS} measured commands on a fresh engine (built, and given the setup prefix, during trial
 * setup: unmeasured). The score is nanoseconds per command; commands/s = 1e9 / score.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 10)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class MixedStreamThroughputBenchmark
{
    /** One per iteration: more than the annotated 6 + 10, so a few extra iterations also allocate nothing. */
    private static final int PREBUILT_ENGINES = 24;

    private final EventLog events = new EventLog();
    private MixedStream stream;
    private EngineSupply engines;
    private ExchangeEngine engine;

    @Setup(Level.Trial)
    public void generateStream()
    {
        stream = MixedStream.standard();
        engines = new EngineSupply(stream, events, PREBUILT_ENGINES);
    }

    @Setup(Level.Iteration)
    public void freshEngine()
    {
        engine = null;
        // Collect the previous engine here rather than during the measurement.
        System.gc();
        engine = engines.next();
    }

    @TearDown(Level.Trial)
    public void report()
    {
        if (engines.builtLate() > 0)
        {
            System.out.printf("%n%d engines were built between iterations (raise PREBUILT_ENGINES for an exact -prof gc)%n",
                engines.builtLate());
        }
    }

    /** The whole stream, one command at a time, events reset before each as a pipeline would. */
    @Benchmark
    @OperationsPerInvocation(MixedStream.COMMANDS)
    public long stream()
    {
        final ExchangeEngine engine = this.engine;
        final EventLog events = this.events;
        final CommandStream body = stream.body();
        final UnsafeBuffer buffer = body.buffer();
        final int[] offsets = body.offsets();
        final int commands = body.size();
        long eventBytes = 0;
        for (int i = 0; i < commands; i++)
        {
            events.reset();
            engine.process(buffer, offsets[i], offsets[i + 1] - offsets[i], MixedStream.bodyTimeNs(i), events);
            eventBytes += events.length();
        }
        return eventBytes;
    }
}
