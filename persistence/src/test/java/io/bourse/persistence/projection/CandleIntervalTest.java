package io.bourse.persistence.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Random;

import org.junit.jupiter.api.Test;

final class CandleIntervalTest
{
    @Test
    void shouldOpenEachIntervalWhereCalendarArithmeticDoes()
    {
        final Random random = new Random(3);
        for (int i = 0; i < 10_000; i++)
        {
            final long ns = 1_700_000_000_000_000_000L + Math.floorMod(random.nextLong(), 300_000_000_000_000_000L);
            final ZonedDateTime time = Instant.ofEpochSecond(0, ns).atZone(ZoneOffset.UTC);
            assertThat(open(CandleInterval.M1, ns)).isEqualTo(time.truncatedTo(ChronoUnit.MINUTES));
            assertThat(open(CandleInterval.M5, ns)).isEqualTo(time.truncatedTo(ChronoUnit.MINUTES).withMinute(time.getMinute() / 5 * 5));
            assertThat(open(CandleInterval.M15, ns)).isEqualTo(time.truncatedTo(ChronoUnit.MINUTES).withMinute(time.getMinute() / 15 * 15));
            assertThat(open(CandleInterval.H1, ns)).isEqualTo(time.truncatedTo(ChronoUnit.HOURS));
            assertThat(open(CandleInterval.H4, ns)).isEqualTo(time.truncatedTo(ChronoUnit.HOURS).withHour(time.getHour() / 4 * 4));
            assertThat(open(CandleInterval.D1, ns)).isEqualTo(time.truncatedTo(ChronoUnit.DAYS));
            assertThat(open(CandleInterval.W1, ns))
                .isEqualTo(time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        }
    }

    private static ZonedDateTime open(final CandleInterval interval, final long ns)
    {
        return Instant.ofEpochSecond(0, interval.openTimeNs(ns)).atZone(ZoneOffset.UTC);
    }
}
