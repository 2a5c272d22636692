package io.bourse.engine.server;

import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.CommandWriter;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * A deterministic command stream for the default config's BTC-USDT book, where command {@code i} depends only on
 * the seed and {@code i} (never on replies), so a client that crashes and resumes can regenerate any command: ten
 * funded accounts, then crossing and resting limit orders, cancels of earlier orders by client order id, and mass
 * cancels. Orders and cancels carry the index in their client order id; mass cancels can repeat.
 */
final class CrashWorkload
{
    static final int ACCOUNTS = 10;
    private static final int SETUP_COMMANDS = ACCOUNTS * 3;
    private static final int BTC = 1;
    private static final int USDT = 3;
    private static final int BTC_USDT = 1;
    private static final long MID_PRICE_MINOR = 30_000_000_000L;
    private static final long PRICE_STEP_MINOR = 1_000_000L;
    private static final long LOT_MINOR = 10_000L;

    private final long seed;
    private final CommandWriter writer = new CommandWriter(new UnsafeBuffer(new byte[CommandWriter.MAX_COMMAND_LENGTH]));

    CrashWorkload(final long seed)
    {
        this.seed = seed;
    }

    /** The bytes of command {@code index} (0-based). */
    byte[] command(final long index)
    {
        if (index < SETUP_COMMANDS)
        {
            setup(index);
        }
        else
        {
            trade(index);
        }
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    private void setup(final long index)
    {
        final long accountId = index / 3 + 1;
        switch ((int)(index % 3))
        {
            case 0 -> writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("crash test");
            case 1 -> writer.deposit().accountId(accountId).assetId(USDT).amountMinor(100_000_000_000_000L)
                .externalRef("usdt-" + accountId).reason("crash test");
            default -> writer.deposit().accountId(accountId).assetId(BTC).amountMinor(100_000_000_000L)
                .externalRef("btc-" + accountId).reason("crash test");
        }
    }

    private void trade(final long index)
    {
        final SplittableRandom random = random(index);
        final int kind = random.nextInt(100);
        if (kind < 30)
        {
            final long target = index - 1 - random.nextInt(60);
            if (target >= SETUP_COMMANDS && isPlace(target))
            {
                writer.cancelOrder().accountId(account(target)).orderId(0).clientOrderId(clientOrderId(target));
                return;
            }
        }
        else if (kind < 32)
        {
            writer.massCancel().accountId(1 + random.nextInt(ACCOUNTS)).symbolId(BTC_USDT);
            return;
        }
        place(index);
    }

    private void place(final long index)
    {
        final SplittableRandom random = random(index);
        random.nextInt(100);
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        // Buys and sells overlap around the mid price, so about half the orders trade on arrival.
        final long offset = (random.nextInt(41) - 20) * PRICE_STEP_MINOR;
        writer.placeOrder()
            .accountId(account(index))
            .symbolId(BTC_USDT)
            .clientOrderId(clientOrderId(index))
            .side(side)
            .orderType(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE)
            .priceMinor(MID_PRICE_MINOR + offset)
            .stopPriceMinor(0)
            .qtyMinor((1 + random.nextInt(20)) * LOT_MINOR)
            .expireTimeNs(0);
    }

    private boolean isPlace(final long index)
    {
        final SplittableRandom random = random(index);
        final int kind = random.nextInt(100);
        if (kind < 30)
        {
            final long target = index - 1 - random.nextInt(60);
            return !(target >= SETUP_COMMANDS && isPlace(target));
        }
        return kind >= 32;
    }

    private long account(final long index)
    {
        return 1 + Math.floorMod(index * 7 + seed, ACCOUNTS);
    }

    private static String clientOrderId(final long index)
    {
        return "o" + index;
    }

    private SplittableRandom random(final long index)
    {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }
}
