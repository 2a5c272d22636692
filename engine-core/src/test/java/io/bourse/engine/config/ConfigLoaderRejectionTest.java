package io.bourse.engine.config;

import static io.bourse.engine.config.HoconFixture.STANDARD_ASSETS;
import static io.bourse.engine.config.HoconFixture.btcUsdt;
import static io.bourse.engine.config.HoconFixture.q;
import static io.bourse.engine.config.HoconFixture.withAssetsAndSymbols;
import static io.bourse.engine.config.HoconFixture.withSymbols;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.typesafe.config.ConfigFactory;

/**
 * A table of invalid configs, each rejected as a whole with a message that names the key (or symbol) and the rule.
 */
class ConfigLoaderRejectionTest
{
    private static final String ETH_USDT = btcUsdt("id", "2", "code", q("ETH-USDT"), "base-asset", q("ETH"),
        "lot-size", q("0.001"), "min-qty", q("0.001"), "max-qty", q("10000"), "max-price", q("1000000"),
        "reference-price", q("2000"));

    private static Arguments row(final String behaviour, final String hocon, final String... messageParts)
    {
        return Arguments.of(behaviour, hocon, messageParts);
    }

    static Stream<Arguments> invalidConfigs()
    {
        return Stream.of(
            // Exact conversion of human units.
            row("shouldRejectTickSizeFinerThanQuoteScale", withSymbols(btcUsdt("tick-size", q("0.0000001"))),
                "bourse.symbols[0].tick-size (symbol BTC-USDT): \"0.0000001\" has more decimals than quote asset USDT allows (scale 6)"),
            row("shouldRejectZeroTickSize", withSymbols(btcUsdt("tick-size", q("0"))),
                "bourse.symbols[0].tick-size (symbol BTC-USDT): \"0\" must be positive"),
            row("shouldRejectNegativeTickSize", withSymbols(btcUsdt("tick-size", q("-0.01"))),
                "bourse.symbols[0].tick-size (symbol BTC-USDT): \"-0.01\" must be positive"),
            row("shouldRejectLotSizeFinerThanBaseScale", withSymbols(btcUsdt("lot-size", q("0.000000001"))),
                "bourse.symbols[0].lot-size (symbol BTC-USDT): \"0.000000001\" has more decimals than base asset BTC allows (scale 8)"),
            row("shouldRejectZeroLotSize", withSymbols(btcUsdt("lot-size", q("0.0000"))),
                "bourse.symbols[0].lot-size (symbol BTC-USDT): \"0.0000\" must be positive"),
            row("shouldRejectMaxPriceOffTick", withSymbols(btcUsdt("max-price", q("10000000.005"))),
                "bourse.symbols[0].max-price (symbol BTC-USDT): \"10000000.005\" is not a multiple of tick-size \"0.01\""),
            row("shouldRejectReferencePriceOffTick", withSymbols(btcUsdt("reference-price", q("30000.001"))),
                "bourse.symbols[0].reference-price (symbol BTC-USDT): \"30000.001\" is not a multiple of tick-size \"0.01\""),
            row("shouldRejectMinQtyNotMultipleOfLot", withSymbols(btcUsdt("min-qty", q("0.00015"))),
                "bourse.symbols[0].min-qty (symbol BTC-USDT): \"0.00015\" is not a multiple of lot-size \"0.0001\""),
            row("shouldRejectMaxQtyNotMultipleOfLot", withSymbols(btcUsdt("max-qty", q("999.99999"))),
                "bourse.symbols[0].max-qty (symbol BTC-USDT): \"999.99999\" is not a multiple of lot-size \"0.0001\""),
            row("shouldRejectMaxNotionalFinerThanQuoteScale", withSymbols(btcUsdt("max-notional", q("10000000.0000001"))),
                "bourse.symbols[0].max-notional (symbol BTC-USDT): \"10000000.0000001\" has more decimals than quote asset USDT allows (scale 6)"),
            row("shouldRejectTickTimesLotNotWholeQuoteMinorUnits",
                withSymbols(btcUsdt("tick-size", q("0.000001"), "lot-size", q("0.00000001"), "min-qty", q("0.00000001"))),
                "symbol BTC-USDT: tick size x lot size must be a whole number of quote minor units (got 1 / 10^8)"),

            // Value ranges (ExchangeConfig.validate).
            row("shouldRejectMakerFeeAboveTenThousandBps", withSymbols(btcUsdt("maker-fee-bps", "10001")),
                "symbol BTC-USDT: maker fee must be 0..10000 bps"),
            row("shouldRejectNegativeTakerFee", withSymbols(btcUsdt("taker-fee-bps", "-1")),
                "symbol BTC-USDT: taker fee must be 0..10000 bps"),
            row("shouldRejectZeroPriceBand", withSymbols(btcUsdt("price-band-bps", "0")),
                "symbol BTC-USDT: price band must be 1..9999 bps"),
            row("shouldRejectPriceBandOfTenThousandBps", withSymbols(btcUsdt("price-band-bps", "10000")),
                "symbol BTC-USDT: price band must be 1..9999 bps"),
            row("shouldRejectMinQtyAboveMaxQty", withSymbols(btcUsdt("min-qty", q("10"), "max-qty", q("1"))),
                "symbol BTC-USDT: max quantity must be at least min quantity"),
            row("shouldRejectZeroMinQty", withSymbols(btcUsdt("min-qty", q("0"))),
                "symbol BTC-USDT: min quantity must be at least one lot"),
            row("shouldRejectZeroMaxNotional", withSymbols(btcUsdt("max-notional", q("0"))),
                "symbol BTC-USDT: max notional must be positive"),
            row("shouldRejectReferencePriceAboveMaxPrice", withSymbols(btcUsdt("reference-price", q("10000000.01"))),
                "symbol BTC-USDT: reference price must be between one tick and the max price"),
            row("shouldRejectSymbolIdAboveMaxId", withSymbols(btcUsdt("id", "65536")),
                "symbol BTC-USDT: id must be 1..65535"),
            row("shouldRejectAssetScaleAbove18",
                withAssetsAndSymbols(STANDARD_ASSETS + "{ id = 5, code = \"HUGE\", scale = 19 }\n", btcUsdt()),
                "asset HUGE: scale must be 0..18"),

            // Identity.
            row("shouldRejectDuplicateSymbolId", withSymbols(btcUsdt(), ETH_USDT.replace("id = 2", "id = 1")),
                "symbol id 1 is used twice"),
            row("shouldRejectDuplicateSymbolCode", withSymbols(btcUsdt(), ETH_USDT.replace("ETH-USDT", "BTC-USDT")),
                "symbol code BTC-USDT is used twice"),
            row("shouldRejectDuplicateAssetId",
                withAssetsAndSymbols(STANDARD_ASSETS + "{ id = 3, code = \"USDC\", scale = 6 }\n", btcUsdt()),
                "asset id 3 is used twice"),
            row("shouldRejectDuplicateAssetCode",
                withAssetsAndSymbols(STANDARD_ASSETS + "{ id = 5, code = \"USDT\", scale = 6 }\n", btcUsdt()),
                "asset code USDT is used twice"),
            row("shouldRejectUnknownQuoteAssetCode", withSymbols(btcUsdt("quote-asset", q("USDC"))),
                "bourse.symbols[0].quote-asset (symbol BTC-USDT): unknown asset code USDC; bourse.assets has [BTC, ETH, USD, USDT]"),
            row("shouldRejectUnknownBaseAssetCode", withSymbols(btcUsdt("base-asset", q("btc"))),
                "bourse.symbols[0].base-asset (symbol BTC-USDT): unknown asset code btc"),
            row("shouldRejectSameBaseAndQuoteAsset", withSymbols(btcUsdt("quote-asset", q("BTC"), "tick-size", q("0.0001"))),
                "symbol BTC-USDT: base and quote assets must differ"),

            // Shape and types.
            row("shouldRejectMissingKey", withSymbols(btcUsdt(), ETH_USDT.replace("tick-size", "# tick-size")),
                "bourse.symbols[1].tick-size (symbol ETH-USDT): missing (expected a decimal string like \"0.01\")"),
            row("shouldRejectNullValueAsMissing", withSymbols(btcUsdt("lot-size", "null")),
                "bourse.symbols[0].lot-size (symbol BTC-USDT): missing"),
            row("shouldRejectMissingCode", withSymbols(btcUsdt("code", null)),
                "bourse.symbols[0].code: missing (expected a string)"),
            row("shouldRejectBlankCode", withSymbols(btcUsdt("code", q(" "))),
                "bourse.symbols[0].code: must not be blank"),
            row("shouldRejectMisspeltKey", withSymbols(btcUsdt("tick_size", q("0.01"))),
                "bourse.symbols[0].tick_size (symbol BTC-USDT): unknown key; expected one of [base-asset, code, id,"),
            row("shouldRejectBooleanWhereDecimalExpected", withSymbols(btcUsdt("max-qty", "true")),
                "bourse.symbols[0].max-qty (symbol BTC-USDT): must be a decimal string like \"0.01\", got BOOLEAN"),
            row("shouldRejectObjectWhereDecimalExpected", withSymbols(btcUsdt("max-price", "{ value = 1 }")),
                "bourse.symbols[0].max-price (symbol BTC-USDT): must be a decimal string like \"0.01\", got OBJECT"),
            row("shouldRejectNonNumericDecimal", withSymbols(btcUsdt("max-price", q("ten"))),
                "bourse.symbols[0].max-price (symbol BTC-USDT): \"ten\" is not a plain decimal like \"0.01\""),
            row("shouldRejectExponentNotation", withSymbols(btcUsdt("max-qty", q("1e3"))),
                "bourse.symbols[0].max-qty (symbol BTC-USDT): \"1e3\" is not a plain decimal like \"0.01\""),
            row("shouldRejectFractionalFee", withSymbols(btcUsdt("maker-fee-bps", "10.5")),
                "bourse.symbols[0].maker-fee-bps (symbol BTC-USDT): \"10.5\" is not a whole number"),
            row("shouldRejectIdOutOfIntRange", withSymbols(btcUsdt("id", "99999999999")),
                "bourse.symbols[0].id (symbol BTC-USDT): 99999999999 is out of range"),
            row("shouldRejectNumberWhereCodeExpected", withSymbols(btcUsdt("quote-asset", "3")),
                "bourse.symbols[0].quote-asset (symbol BTC-USDT): must be a string, got NUMBER"),
            row("shouldRejectAssetWithMissingScale",
                withAssetsAndSymbols("{ id = 1, code = \"BTC\" }\n{ id = 3, code = \"USDT\", scale = 6 }\n", btcUsdt()),
                "bourse.assets[0].scale (asset BTC): missing (expected a whole number)"),
            row("shouldRejectMissingSymbolsList", "bourse { assets = [" + STANDARD_ASSETS + "] }",
                "bourse.symbols: missing (expected a list of objects)"),
            row("shouldRejectMissingAssetsList", "bourse { symbols = [] }",
                "bourse.assets: missing (expected a list of objects)"),
            row("shouldRejectEmptyAssetsList", withAssetsAndSymbols(""), "no assets configured"),
            row("shouldRejectSymbolsGivenAsObject", "bourse { assets = [" + STANDARD_ASSETS + "], symbols { a = 1 } }",
                "bourse.symbols: must be a list [ { ... }, ... ], got OBJECT"),
            row("shouldRejectSymbolEntryThatIsNotAnObject", withSymbols(q("BTC-USDT")),
                "bourse.symbols[0]: must be an object { ... }, got STRING"),
            row("shouldRejectBourseThatIsNotAnObject", "bourse = 5",
                "bourse.assets: missing (expected a list of objects)"),

            // Overflow: limits whose products do not fit in a long are rejected naming the symbol and the product.
            row("shouldRejectNotionalAtMaxPriceAndMaxQtyOverflowingLong", withSymbols(btcUsdt(),
                    btcUsdt("id", "2", "code", q("WHALE-USDT"), "max-qty", q("100000000"), "max-price", q("100000000000"))),
                // 10^13 ticks x 10^12 lots x 1; each limit alone fits, and max price x 1 x 10000 = 10^17 fits
                "symbol WHALE-USDT: notional at max price and max quantity = 10000000000000000000000000 overflows a long"),
            row("shouldRejectMaxNotionalOverflowingWithFees", withSymbols(btcUsdt("max-notional", q("1000000000000"))),
                "symbol BTC-USDT: max notional x (10000 + fee bps) = 10020000000000000000000 overflows a long"),
            row("shouldRejectMaxQtyOverflowingInBaseMinorUnits",
                withAssetsAndSymbols(STANDARD_ASSETS + "{ id = 5, code = \"WEI\", scale = 18 }\n",
                    btcUsdt("code", q("WEI-USDT"), "base-asset", q("WEI"), "tick-size", q("0.000001"), "lot-size", q("1"),
                        "min-qty", q("1"), "max-qty", q("10"), "max-price", q("10"), "reference-price", q("1"))),
                "symbol WEI-USDT: max quantity in base minor units = 10000000000000000000 overflows a long"),
            row("shouldRejectMaxNotionalNotFittingLongInMinorUnits", withSymbols(btcUsdt("max-notional", q("10000000000000"))),
                "bourse.symbols[0].max-notional (symbol BTC-USDT): 10000000000000000000 quote minor units does not fit in a long"),
            row("shouldRejectMaxQtyNotFittingLongInLots", withSymbols(btcUsdt("max-qty", q("1000000000000000"))),
                "bourse.symbols[0].max-qty (symbol BTC-USDT): 10000000000000000000 lots does not fit in a long"),
            row("shouldRejectMaxPriceNotFittingLongInWireUnits", withSymbols(btcUsdt("max-price", q("10000000000000"))),
                "bourse.symbols[0].max-price (symbol BTC-USDT): 10000000000000000000 quote minor units does not fit in a long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void shouldRejectInvalidConfig(final String behaviour, final String hocon, final String[] messageParts)
    {
        assertThatThrownBy(() -> ConfigLoader.fromConfig(ConfigFactory.parseString(hocon)))
            .isInstanceOf(ConfigException.class)
            .hasMessageContainingAll(messageParts);
    }
}
