package io.bourse.benchmarks;

/** Mean, minimum and maximum of sampled values. */
final class RunningStat
{
    private long count;
    private double sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    void add(final long value)
    {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    double mean()
    {
        return count == 0 ? 0 : sum / count;
    }

    @Override
    public String toString()
    {
        return count == 0 ? "n/a" : String.format("avg %.0f (min %d, max %d)", mean(), min, max);
    }
}
