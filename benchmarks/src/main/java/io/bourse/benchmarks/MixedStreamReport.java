package io.bourse.benchmarks;

/**
 * Generates the standard mixed stream, prints its properties and checks it replays identically, without running
 * JMH: {@code java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * io.bourse.benchmarks.MixedStreamReport}.
 */
public final class MixedStreamReport
{
    private MixedStreamReport()
    {
    }

    public static void main(final String[] args)
    {
        final MixedStream stream = MixedStream.standard();
        if (stream.tradingShare() < 0.05 || stream.tradingShare() > 0.07)
        {
            throw new IllegalStateException("trading share " + stream.tradingShare() + " is not about 6%");
        }
    }
}
