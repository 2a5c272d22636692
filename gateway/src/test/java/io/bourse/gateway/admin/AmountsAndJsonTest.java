package io.bourse.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsAndJsonTest
{
    @ParameterizedTest
    @CsvSource({
        "1, 8, 100000000",
        "1.5, 8, 150000000",
        "0.00000001, 8, 1",
        "100000.500000, 6, 100000500000",
        "12.30, 2, 1230",
        "0, 2, 0",
        "92233720368547758.07, 2, 9223372036854775807"})
    void shouldConvertExactDecimalsToMinorUnits(final String text, final int scale, final long minor)
    {
        assertThat(Amounts.toMinor(text, scale)).isEqualTo(minor);
        assertThat(Amounts.toMinor(Amounts.toText(minor, scale), scale)).isEqualTo(minor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000000001", "1e3", "-1", "+1", "1.", ".5", "", "abc", "1,5", "92233720368547758.08",
        " 1", "0x10"})
    void shouldRefuseAmountsThatAreNotExactPlainDecimals(final String text)
    {
        assertThatThrownBy(() -> Amounts.toMinor(text, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.toMinor("92233720368547758.08", 2))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,}", "{\"a\" 1}", "[1]", "{\"a\":{\"b\":1}}", "{\"a\":\"x", "{\"a\":1} x",
        "{\"a\":1,\"a\":2}", "{\"a\":\"\\q\"}", "", "{\"a\":tru}"})
    void shouldRefuseJsonThatIsNotOneFlatObject(final String text)
    {
        assertThatThrownBy(() -> Json.parseObject(text)).isInstanceOf(Json.JsonException.class);
    }

    @org.junit.jupiter.api.Test
    void shouldParseFlatObjectsKeepingNumbersAsText()
    {
        final Map<String, Object> parsed = Json.parseObject(
            " { \"id\" : 42, \"amount\": \"0.1\", \"ok\": true, \"no\": false, \"none\": null, \"s\": \"a\\\"b\\u0041\" } ");
        assertThat(parsed.get("id")).isEqualTo(new Json.Number("42"));
        assertThat(parsed).containsEntry("amount", "0.1").containsEntry("ok", true).containsEntry("no", false)
            .containsEntry("none", null).containsEntry("s", "a\"bA");
        assertThat(Json.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
    }
}
