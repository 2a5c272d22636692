package io.bourse.gateway.fix.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

class FixCodecTest
{
    private static final int MAX = 4096;

    static String fix(final String body)
    {
        final String withSoh = body.replace('|', '\u0001');
        final String head = "8=FIX.4.4\u00019=" + withSoh.length() + "\u0001";
        int sum = 0;
        for (final byte b : (head + withSoh).getBytes(StandardCharsets.US_ASCII))
        {
            sum += b & 0xFF;
        }
        return head + withSoh + String.format("10=%03d\u0001", sum % 256);
    }

    static ByteBuf buf(final String text)
    {
        return Unpooled.wrappedBuffer(text.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldFrameAndIndexAValidMessage()
    {
        final String text = fix("35=D|49=C|56=BOURSE|34=2|52=20260101-00:00:00.000|11=abc|55=BTC-USDT|");
        final ByteBuf in = buf(text);
        final FixFramer framer = new FixFramer(MAX);
        assertThat(framer.frame(in)).isEqualTo(text.length());
        final FixMessage message = new FixMessage();
        assertThat(message.parse(in, framer.bodyStart(), framer.bodyEnd())).isEqualTo(FixParseError.NONE);
        assertThat(message.msgTypeChar()).isEqualTo('D');
        assertThat(message.getLong(FixTags.MSG_SEQ_NUM)).isEqualTo(2);
        assertThat(message.getString(FixTags.CL_ORD_ID)).isEqualTo("abc");
        assertThat(message.getString(FixTags.PRICE)).isNull();
        assertThat(message.getLong(FixTags.PRICE)).isEqualTo(FixMessage.MISSING);
        assertThat(message.getTimestampNs(FixTags.SENDING_TIME)).isEqualTo(1_767_225_600_000_000_000L);
    }

    @Test
    void shouldAskForMoreBytesAtEveryPrefixOfAValidMessage()
    {
        final String text = fix("35=0|49=C|56=BOURSE|34=7|52=20260101-00:00:00.000|");
        final FixFramer framer = new FixFramer(MAX);
        for (int i = 0; i < text.length(); i++)
        {
            assertThat(framer.frame(buf(text.substring(0, i)))).as("prefix %d", i).isEqualTo(FixFramer.NEED_MORE);
        }
        assertThat(framer.frame(buf(text + "8=FIX"))).isEqualTo(text.length());
    }

    @ParameterizedTest
    @CsvSource({
        "'8=FIX.4.2|9=5|35=0|10=000|', BAD_BEGIN_STRING",
        "'garbage', BAD_BEGIN_STRING",
        "'8=FIX.4.4|9=x|', BAD_BODY_LENGTH",
        "'8=FIX.4.4|9=|', BAD_BODY_LENGTH",
        "'8=FIX.4.4|9=0|10=000|', BAD_BODY_LENGTH",
        "'8=FIX.4.4|9=12345678|', BAD_BODY_LENGTH",
        "'8=FIX.4.4|9=999999|', MESSAGE_TOO_LARGE",
        "'8=FIX.4.4|9=4|35=0|10=000|', BAD_BODY_LENGTH",
        "'8=FIX.4.4|9=6|35=0|X10=000|', BAD_BODY_LENGTH",
        "'8=FIX.4.4|9=5|35=0|10=0a0|', BAD_CHECKSUM_FIELD",
        "'8=FIX.4.4|9=5|35=0|10=000X', BAD_CHECKSUM_FIELD",
        "'8=FIX.4.4|9=5|35=0|10=000|', CHECKSUM_MISMATCH",
    })
    void shouldRejectBadFraming(final String text, final FixParseError expected)
    {
        final FixFramer framer = new FixFramer(MAX);
        assertThat(framer.frame(buf(text))).isEqualTo(FixFramer.ERROR);
        assertThat(framer.error()).isEqualTo(expected);
    }

    @Test
    void shouldRejectAnUnterminatedStreamPastTheMaximumSize()
    {
        final FixFramer framer = new FixFramer(64);
        assertThat(framer.frame(buf("8=FIX.4.4|9=" + "1".repeat(3)))).isEqualTo(FixFramer.NEED_MORE);
        assertThat(framer.frame(buf("8=FIX.4.4|9=100|"))).isEqualTo(FixFramer.ERROR);
        assertThat(framer.error()).isEqualTo(FixParseError.MESSAGE_TOO_LARGE);
    }

    @ParameterizedTest
    @CsvSource({
        "'35=0|49=C|', NONE",
        "'49=C|35=0|', MSG_TYPE_NOT_THIRD",
        "'35=0|=C|', INVALID_TAG",
        "'35=0|4x9=C|', INVALID_TAG",
        "'35=0|0=C|', INVALID_TAG",
        "'35=0|1234567890=C|', INVALID_TAG",
        "'35=0|49|', INVALID_TAG",
        "'35=0|49=|', EMPTY_VALUE",
    })
    void shouldValidateFieldStructure(final String body, final FixParseError expected)
    {
        final String text = fix(body);
        final ByteBuf in = buf(text);
        final FixFramer framer = new FixFramer(MAX);
        assertThat(framer.frame(in)).isEqualTo(text.length());
        assertThat(new FixMessage().parse(in, framer.bodyStart(), framer.bodyEnd())).isEqualTo(expected);
    }

    @Test
    void shouldRejectMoreFieldsThanIndexed()
    {
        final String text = fix("35=0|" + "58=x|".repeat(10));
        final ByteBuf in = buf(text);
        final FixFramer framer = new FixFramer(MAX);
        framer.frame(in);
        assertThat(new FixMessage(5).parse(in, framer.bodyStart(), framer.bodyEnd()))
            .isEqualTo(FixParseError.TOO_MANY_FIELDS);
    }

    @Test
    void shouldEncodeExactBodyLengthAndChecksum()
    {
        final FixEncoder encoder = new FixEncoder();
        encoder.begin("8").put(FixTags.SENDER_COMP_ID, "BOURSE").put(FixTags.MSG_SEQ_NUM, 12L)
            .markApplication().put(FixTags.SIDE, '1').putScaled(FixTags.PRICE, 30_000_010_000L, 6)
            .put(FixTags.TEXT, "").putTimestampMs(FixTags.TRANSACT_TIME, 1_767_225_600_123L);
        final ByteBuf out = Unpooled.buffer();
        final int written = encoder.writeTo(out);
        final String text = out.toString(StandardCharsets.US_ASCII);
        assertThat(text).isEqualTo(fix("35=8|49=BOURSE|34=12|54=1|44=30000.01|60=20260101-00:00:00.123|"));
        assertThat(written).isEqualTo(text.length());
        assertThat(new String(encoder.copyApplicationFields(), StandardCharsets.US_ASCII))
            .isEqualTo("54=1\u000144=30000.01\u000160=20260101-00:00:00.123\u0001");
    }

    @ParameterizedTest
    @CsvSource({
        "30000.01, 6, 30000010000",
        "30000, 6, 30000000000",
        "0.0001, 8, 10000",
        "0.00010000, 8, 10000",
        "1., 2, 100",
        ".5, 2, 50",
        "-1.5, 2, -150",
        "0, 2, 0",
        "0.001, 2, " + Long.MIN_VALUE,
        "1e5, 2, " + Long.MIN_VALUE,
        "+1, 2, " + Long.MIN_VALUE,
        "1.2.3, 2, " + Long.MIN_VALUE,
        "., 2, " + Long.MIN_VALUE,
        "-, 2, " + Long.MIN_VALUE,
        "92233720368547758.08, 2, " + Long.MIN_VALUE,
        "92233720368547758.07, 2, " + Long.MAX_VALUE,
        "99999999999999999999, 0, " + Long.MIN_VALUE,
    })
    void shouldConvertDecimalsExactlyOrNotAtAll(final String text, final int scale, final long expected)
    {
        assertThat(FixDecimal.parse(text, scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"30000010000, 6, 30000.01", "10000, 8, 0.0001", "-150, 2, -1.5", "0, 8, 0", "7, 0, 7"})
    void shouldFormatDecimalsWithoutTrailingZeros(final long value, final int scale, final String expected)
    {
        assertThat(FixDecimal.toString(value, scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "20260101-00:00:00, 1767225600000000000",
        "20260101-00:00:00.5, -9223372036854775808",
        "20260101-00:00:00.500, 1767225600500000000",
        "20260101-00:00:00.500001, 1767225600500001000",
        "20240229-23:59:59.999999999, 1709251199999999999",
        "2026010100:00:00.000, -9223372036854775808",
        "20261301-00:00:00.000, -9223372036854775808",
        "20260101-0x:00:00.000, -9223372036854775808",
    })
    void shouldParseUtcTimestamps(final String text, final long expectedNs)
    {
        assertThat(FixTime.parseNs(text)).isEqualTo(expectedNs);
    }

    @Test
    void shouldFormatTimestampsBackToTheSameInstant()
    {
        for (long ms = -86_400_000L * 400; ms < 4_102_444_800_000L; ms += 86_400_000L * 37 + 12_345)
        {
            if (ms >= 0)
            {
                assertThat(FixTime.parseNs(FixTime.formatMillis(ms))).isEqualTo(ms * 1_000_000L);
            }
        }
    }
}
