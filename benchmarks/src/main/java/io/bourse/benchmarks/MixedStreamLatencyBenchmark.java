package io.bourse.benchmarks;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;

/**
 * Per-command latency of the state machine on the {@link MixedStream} (JMH SampleTime: one invocation is one
 * command, a random subset of invocations is timed). When the stream runs out, the benchmark takes the next engine
 * of an {@link EngineSupply} prebuilt in trial setup (one array read) and restarts the stream, so no engine build is
 * timed unless the supply runs out (counted and printed at the end).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class MixedStreamLatencyBenchmark
{
    /** 48 x 3 M commands: far more than 8 iterations of 2 s run here (about 6 M commands/s at most). */
    private static final int PREBUILT_ENGINES = 48;

    private final EventLog events = new EventLog();
    private EngineSupply engines;
    private UnsafeBuffer buffer;
    private int[] offsets;
    private int commands;
    private ExchangeEngine engine;
    private int cursor;

    @Setup(Level.Trial)
    public void generateStream()
    {
        final MixedStream stream = MixedStream.standard();
        buffer = stream.body().buffer();
        offsets = stream.body().offsets();
        commands = stream.body().size();
        engines = new EngineSupply(stream, events, PREBUILT_ENGINES);
        engine = engines.next();
    }

    @TearDown(Level.Trial)
    public void report()
    {
        System.out.printf("%nengines used %d (stream restarted %d times), built inside the measurement %d%n",
            engines.taken(), engines.taken() - 1, engines.builtLate());
    }

    /** One command of the stream, events reset first as a pipeline would. */
    @Benchmark
    public int command()
    {
        int i = cursor;
        if (i == commands)
        {
            engine = engines.next();
            i = 0;
        }
        cursor = i + 1;
        final EventLog events = this.events;
        events.reset();
        engine.process(buffer, offsets[i], offsets[i + 1] - offsets[i], MixedStream.bodyTimeNs(i), events);
        return events.length();
    }
}
