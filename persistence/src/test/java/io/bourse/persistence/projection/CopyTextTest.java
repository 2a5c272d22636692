package io.bourse.persistence.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CopyTextTest
{
    @ParameterizedTest
    @CsvSource({
        "0, 0, 0",
        "0, 8, 0.00000000",
        "1, 8, 0.00000001",
        "12345, 8, 0.00012345",
        "100000000, 8, 1.00000000",
        "-150, 2, -1.50",
        "-1, 6, -0.000001",
        "9223372036854775807, 18, 9.223372036854775807",
        "-9223372036854775808, 18, -9.223372036854775808",
        "42, 0, 42",
    })
    void shouldWriteMinorUnitsAsExactDecimals(final long minor, final int scale, final String expected)
    {
        assertThat(CopyText.appendDecimal(new StringBuilder(), minor, scale).toString()).isEqualTo(expected);
    }

    @Test
    void shouldAgreeWithBigDecimalOnRandomAmounts()
    {
        final Random random = new Random(1);
        for (int i = 0; i < 100_000; i++)
        {
            final long minor = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt();
            final int scale = random.nextInt(19);
            assertThat(CopyText.appendDecimal(new StringBuilder(), minor, scale).toString())
                .isEqualTo(BigDecimal.valueOf(minor, scale).toPlainString());
        }
    }

    @Test
    void shouldFormatEngineTimeAsUtcMicroseconds()
    {
        final CopyText text = new CopyText();
        final DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
        final Random random = new Random(2);
        for (int i = 0; i < 10_000; i++)
        {
            final long ns = 1_700_000_000_000_000_000L + (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) % 400_000_000_000_000_000L;
            final Instant instant = Instant.ofEpochSecond(0, ns);
            assertThat(text.timestamp(ns)).isEqualTo(format.format(instant) + "+00");
        }
    }

    @Test
    void shouldTrimAndEscapeAsciiFields()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        buffer.putStringWithoutLengthAscii(0, "a\\b  ");
        assertThat(CopyText.ascii(buffer, 0, 8, false)).isEqualTo("a\\\\b  ");
        assertThat(CopyText.ascii(buffer, 0, 8, true)).isEqualTo("a\\\\b");
        assertThat(CopyText.ascii(new UnsafeBuffer(new byte[8]), 0, 8, false)).isEqualTo(CopyText.NULL);
        buffer.putByte(0, (byte)9);
        assertThat(CopyText.ascii(buffer, 0, 3, false)).isEqualTo("\\\\x09\\\\b");
    }
}
