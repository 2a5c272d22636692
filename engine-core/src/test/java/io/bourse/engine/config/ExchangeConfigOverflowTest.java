package io.bourse.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each overflow rule of {@link ExchangeConfig#validate} (docs/semantics.md §2) tripped on its own: the test first
 * checks that its symbol overflows exactly that one product, then that validate rejects it naming the symbol and
 * the product.
 */
class ExchangeConfigOverflowTest
{
    private static final String MAX_PRICE_X_TICK_LOT_X_BPS = "max price x tick-lot value x 10000";
    private static final String NOTIONAL_AT_MAX = "notional at max price and max quantity";
    private static final String MAX_NOTIONAL_WITH_FEE = "max notional x (10000 + fee bps)";
    private static final String MAX_PRICE_WITH_BAND = "max price x (10000 + band bps)";
    private static final String MAX_QTY_IN_MINOR = "max quantity in base minor units";

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int BASE = 1;
    private static final int QUOTE = 2;
    private static final int FINE_BASE = 3;
    /** BASE and QUOTE have scale 0, so tick and lot are plain integers; FINE_BASE has scale 18. */
    private static final List<AssetSpec> ASSETS = List.of(
        new AssetSpec(BASE, "BASE", 0), new AssetSpec(QUOTE, "QUOTE", 0), new AssetSpec(FINE_BASE, "FINE", 18));

    private static SymbolSpec symbol(
        final int baseAssetId,
        final long tickMinor,
        final long lotMinor,
        final long quotePerTickLot,
        final long maxQtyLots,
        final long maxNotionalMinor,
        final int priceBandBps,
        final long maxPriceTicks)
    {
        return new SymbolSpec(7, "OVER", baseAssetId, QUOTE, tickMinor, lotMinor, quotePerTickLot,
            1L, maxQtyLots, maxNotionalMinor, 10, 20, priceBandBps, 1L, maxPriceTicks);
    }

    /** The §2 products this symbol overflows, computed independently of ExchangeConfig. */
    private static List<String> overflowingProducts(final SymbolSpec symbol, final int baseScale)
    {
        final BigInteger maxPrice = BigInteger.valueOf(symbol.maxPriceTicks());
        final BigInteger maxQty = BigInteger.valueOf(symbol.maxQtyLots());
        final BigInteger perTickLot = BigInteger.valueOf(symbol.tickMinor())
            .multiply(BigInteger.valueOf(symbol.lotMinor())).divide(BigInteger.TEN.pow(baseScale));
        final BigInteger bps = BigInteger.valueOf(10_000);
        final List<String> overflowing = new ArrayList<>();
        addIfOverflows(overflowing, maxPrice.multiply(perTickLot).multiply(bps), MAX_PRICE_X_TICK_LOT_X_BPS);
        addIfOverflows(overflowing, maxPrice.multiply(maxQty).multiply(perTickLot), NOTIONAL_AT_MAX);
        addIfOverflows(overflowing, BigInteger.valueOf(symbol.maxNotionalMinor())
            .multiply(bps.add(BigInteger.valueOf(symbol.maxFeeBps()))), MAX_NOTIONAL_WITH_FEE);
        addIfOverflows(overflowing, maxPrice.multiply(bps.add(BigInteger.valueOf(symbol.priceBandBps()))), MAX_PRICE_WITH_BAND);
        addIfOverflows(overflowing, maxQty.multiply(BigInteger.valueOf(symbol.lotMinor())), MAX_QTY_IN_MINOR);
        return overflowing;
    }

    private static void addIfOverflows(final List<String> overflowing, final BigInteger value, final String product)
    {
        if (value.compareTo(LONG_MAX) > 0)
        {
            overflowing.add(product);
        }
    }

    static Stream<Arguments> overflowingSymbols()
    {
        return Stream.of(
            // quotePerTickLot 2; 4.7e14 x 2 x 10000 = 9.4e18 > 9.22e18, while 4.7e14 x 15000 = 7.05e18 fits.
            Arguments.of("shouldRejectMaxPriceTimesTickLotValueTimesBpsOverflow", MAX_PRICE_X_TICK_LOT_X_BPS, 0,
                symbol(BASE, 2L, 1L, 2L, 1L, 1_000_000L, 5_000, 470_000_000_000_000L)),
            // 10^6 ticks x 10^13 lots x 1 = 10^19.
            Arguments.of("shouldRejectNotionalAtMaxPriceAndMaxQtyOverflow", NOTIONAL_AT_MAX, 0,
                symbol(BASE, 1L, 1L, 1L, 10_000_000_000_000L, 1_000_000L, 5_000, 1_000_000L)),
            // 10^15 x 10020 = 1.002e19.
            Arguments.of("shouldRejectMaxNotionalTimesFeeOverflow", MAX_NOTIONAL_WITH_FEE, 0,
                symbol(BASE, 1L, 1L, 1L, 1L, 1_000_000_000_000_000L, 5_000, 1_000_000L)),
            // floor(Long.MAX / 10000) ticks: x 1 x 10000 just fits, x 15000 does not.
            Arguments.of("shouldRejectMaxPriceTimesBandOverflow", MAX_PRICE_WITH_BAND, 0,
                symbol(BASE, 1L, 1L, 1L, 1L, 1_000_000L, 5_000, Long.MAX_VALUE / 10_000)),
            // Base scale 18, lot 10^18 minor (one whole unit), tick 1: quotePerTickLot 1; 10 lots = 10^19 minor.
            Arguments.of("shouldRejectMaxQtyInBaseMinorUnitsOverflow", MAX_QTY_IN_MINOR, 18,
                symbol(FINE_BASE, 1L, 1_000_000_000_000_000_000L, 1L, 10L, 1_000_000L, 5_000, 1_000_000L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overflowingSymbols")
    void shouldRejectSymbolOverflowingOneProduct(
        final String behaviour, final String product, final int baseScale, final SymbolSpec symbol)
    {
        assertThat(overflowingProducts(symbol, baseScale)).containsExactly(product);

        assertThatThrownBy(() -> ExchangeConfig.validate(ASSETS, List.of(symbol)))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("symbol OVER: " + product + " = ")
            .hasMessageEndingWith(" overflows a long; lower the limits");
    }

    @Test
    void shouldRejectTickTimesLotOverflowingLong()
    {
        final SymbolSpec symbol = symbol(BASE, Long.MAX_VALUE / 2, 4L, 1L, 1L, 1_000_000L, 5_000, 1L);

        assertThatThrownBy(() -> ExchangeConfig.validate(ASSETS, List.of(symbol)))
            .isInstanceOf(ConfigException.class)
            .hasMessage("symbol OVER: tick size x lot size overflows a long");
    }

    @Test
    void shouldAcceptMaxNotionalThatJustFits()
    {
        final long largest = Long.MAX_VALUE / 10_020;
        final SymbolSpec fits = symbol(BASE, 1L, 1L, 1L, 1L, largest, 5_000, 1_000_000L);
        final SymbolSpec overflows = symbol(BASE, 1L, 1L, 1L, 1L, largest + 1, 5_000, 1_000_000L);

        assertThatCode(() -> ExchangeConfig.validate(ASSETS, List.of(fits))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExchangeConfig.validate(ASSETS, List.of(overflows)))
            .hasMessageStartingWith("symbol OVER: " + MAX_NOTIONAL_WITH_FEE);
    }

    @Test
    void shouldAcceptMaxPriceThatJustFitsWithBand()
    {
        final long largest = Long.MAX_VALUE / 15_000;
        final SymbolSpec fits = symbol(BASE, 1L, 1L, 1L, 1L, 1_000_000L, 5_000, largest);
        final SymbolSpec overflows = symbol(BASE, 1L, 1L, 1L, 1L, 1_000_000L, 5_000, largest + 1);

        assertThatCode(() -> ExchangeConfig.validate(ASSETS, List.of(fits))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ExchangeConfig.validate(ASSETS, List.of(overflows)))
            .hasMessageStartingWith("symbol OVER: " + MAX_PRICE_WITH_BAND);
    }

    @Test
    void shouldRejectQuotePerTickLotThatDisagreesWithTickAndLot()
    {
        final SymbolSpec symbol = symbol(BASE, 2L, 3L, 5L, 1L, 1_000_000L, 5_000, 1L);

        assertThatThrownBy(() -> ExchangeConfig.validate(ASSETS, List.of(symbol)))
            .isInstanceOf(ConfigException.class)
            .hasMessage("symbol OVER: quotePerTickLot must be 6, got 5");
    }
}
