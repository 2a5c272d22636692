package io.bourse.engine.differential;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.AsciiField;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.CancelOrderEncoder;
import io.bourse.sbe.CreateAccountEncoder;
import io.bourse.sbe.MessageHeaderEncoder;

/**
 * A seeded stream of realistic commands for differential and invariant tests. Call {@link #next()}, hand
 * {@link #buffer()} (0 to {@link #length()}) with {@link #nowNs()} to a state machine, then give the events back
 * through {@link #onEvents}: the generator tracks open orders, balances and prices only from those events. The same
 * seed and the same events give the same stream.
 */
public final class RandomCommandGenerator
{
    /** Engine time of the first command. */
    public static final long START_NS = 1_700_000_000_000_000_000L;
    private static final long MILLIS = 1_000_000L;
    private static final int INITIAL_ACCOUNTS = 30;
    private static final int MAX_ACCOUNTS = 40;
    private static final int MANY_OPEN_ORDERS = 400;
    private static final int FEW_OPEN_ORDERS = 80;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int FLOOD_EVERY = 30_000;
    private static final int FLOOD_LENGTH = 2_500;
    private static final long FLOOD_GTD_LIFETIME_NS = 60_000 * MILLIS;

    private final SplittableRandom random;
    private final ExchangeConfig config;
    private final long seed;
    private final MutableDirectBuffer buffer = new UnsafeBuffer(new byte[CommandWriter.MAX_COMMAND_LENGTH]);
    private final CommandWriter writer = new CommandWriter(buffer);
    private final ObservedState observed;
    private final RandomOrderCommands orders;
    /** Commands to write next, before any random one: the bootstrap, then follow-ups. */
    private final ArrayDeque<Runnable> scheduled = new ArrayDeque<>();
    /** Engine times some command must land on exactly (GTD expiries), to test {@code expireTimeNs <= now}. */
    private final TreeSet<Long> exactTimes = new TreeSet<>();
    private final List<Long> plannedAccountIds = new ArrayList<>();
    private long nowNs = START_NS;
    private long jumpNs;
    private int floodRemaining;
    private int length;
    private long refCounter;
    private long reasonCounter;

    public RandomCommandGenerator(final long seed, final ExchangeConfig config)
    {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.config = config;
        this.observed = new ObservedState(config);
        this.orders = new RandomOrderCommands(random, writer, observed, config, exactTimes);
        planBootstrap();
    }

    /** Creates the initial accounts (a quarter allowing self-trade), each funded in every asset. */
    private void planBootstrap()
    {
        while (plannedAccountIds.size() < INITIAL_ACCOUNTS)
        {
            final long id = random.nextLong(1, 1_000_000);
            if (!plannedAccountIds.contains(id))
            {
                plannedAccountIds.add(id);
            }
        }
        for (final long accountId : plannedAccountIds)
        {
            final boolean allowSelfTrade = random.nextInt(4) == 0;
            scheduled.add(() -> writeCreateAccount(accountId, allowSelfTrade ? 1 : 0, textReason()));
            for (final AssetSpec asset : config.assets())
            {
                scheduled.add(() -> writeDeposit(accountId, asset.id(), largeAmount(asset), freshRef(), textReason()));
            }
        }
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** Bytes of the current command; may be shorter than a header for a malformed one. */
    public int length()
    {
        return length;
    }

    /** Engine time of the current command; never decreases. */
    public long nowNs()
    {
        return nowNs;
    }

    public long seed()
    {
        return seed;
    }

    /** What the stream has exercised so far. */
    public StreamStats stats()
    {
        return observed.stats;
    }

    /** Learns from the events the current command produced; call once per command. */
    public void onEvents(final DirectBuffer events, final int eventsLength)
    {
        observed.onEvents(events, eventsLength);
    }

    /** Writes the next command and advances time. */
    public void next()
    {
        advanceTime();
        observed.pendingRef = null;
        buffer.setMemory(0, buffer.capacity(), (byte)0);
        if (!scheduled.isEmpty())
        {
            scheduled.poll().run();
            length = writer.length();
            return;
        }
        if (autoRestore())
        {
            length = writer.length();
            return;
        }
        if (floodRemaining == 0 && random.nextInt(FLOOD_EVERY) == 0)
        {
            floodRemaining = FLOOD_LENGTH;
        }
        if (floodRemaining > 0 && flood())
        {
            length = writer.length();
            return;
        }
        final int open = observed.openOrders.size();
        final int cancelWeight = open > MANY_OPEN_ORDERS ? 400 : open < FEW_OPEN_ORDERS ? 40 : 150;
        final int massCancelWeight = open > MANY_OPEN_ORDERS ? 25 : 6;
        int r = random.nextInt(540 + cancelWeight + 110 + 30 + 30 + 25 + massCancelWeight + 3 + 4 + 2 + 4 + 3);
        length = -1;
        if ((r -= 540) < 0)
        {
            orders.placeOrder(nowNs);
        }
        else if ((r -= cancelWeight) < 0)
        {
            orders.cancelOrder();
        }
        else if ((r -= 110) < 0)
        {
            orders.replaceOrder(nowNs);
        }
        else if ((r -= 30) < 0)
        {
            writer.tick();
        }
        else if ((r -= 30) < 0)
        {
            deposit();
        }
        else if ((r -= 25) < 0)
        {
            withdraw();
        }
        else if ((r -= massCancelWeight) < 0)
        {
            orders.massCancel();
        }
        else if ((r -= 3) < 0)
        {
            haltOrResume(true);
        }
        else if ((r -= 4) < 0)
        {
            freezeOrUnfreeze(true);
        }
        else if ((r -= 2) < 0)
        {
            if (random.nextBoolean())
            {
                haltOrResume(false);
            }
            else
            {
                freezeOrUnfreeze(false);
            }
        }
        else if ((r -= 4) < 0)
        {
            createAccount();
        }
        else
        {
            malformed();
        }
        if (length < 0)
        {
            length = writer.length();
        }
    }

    /**
     * A flood: for a while, mostly small passive orders spread over the whole band (hundreds of levels per side, many
     * long-lived GTD orders) and some large orders sweeping deep into them; then a drain by a time jump that expires
     * the GTD orders at once and/or a mass cancel of every account. Returns false to let a normal command through.
     */
    private boolean flood()
    {
        floodRemaining--;
        if (floodRemaining == 0)
        {
            if (random.nextBoolean())
            {
                jumpNs = FLOOD_GTD_LIFETIME_NS + MILLIS;
            }
            for (final long accountId : observed.accountIds)
            {
                scheduled.add(() -> writer.massCancel().accountId(accountId).symbolId(0));
            }
        }
        final int r = random.nextInt(1000);
        if (r < 900)
        {
            orders.placeWideOrder(nowNs, FLOOD_GTD_LIFETIME_NS);
            return true;
        }
        if (r < 905)
        {
            orders.placeSweep();
            return true;
        }
        return false;
    }

    /** Mostly small steps so GTD orders live a few hundred commands; sometimes none, sometimes a jump. */
    private void advanceTime()
    {
        final int r = random.nextInt(1000);
        if (r < 10)
        {
            return;
        }
        long next = nowNs + (r < 15 ? random.nextLong(50 * MILLIS, 500 * MILLIS) : random.nextLong(1, 2 * MILLIS));
        next += jumpNs;
        jumpNs = 0;
        final Long exact = exactTimes.higher(nowNs);
        if (exact != null && exact <= next)
        {
            next = exact;
            observed.stats.onPath("timeOnAnExpiry");
        }
        exactTimes.headSet(next, true).clear();
        nowNs = next;
    }

    /** Halts and freezes are short: a halted symbol or frozen account is soon restored. */
    private boolean autoRestore()
    {
        if (!observed.haltedSymbols.isEmpty() && random.nextInt(100) < 6)
        {
            final int symbolId = observed.haltedSymbols.iterator().next();
            writer.resumeSymbol().symbolId(symbolId).putReason(reason(), 0);
            return true;
        }
        if (!observed.frozenAccounts.isEmpty() && random.nextInt(100) < 4)
        {
            final long accountId = observed.frozenAccounts.iterator().next();
            writer.unfreezeAccount().accountId(accountId).putReason(reason(), 0);
            return true;
        }
        return false;
    }

    /** An admin reason: usually text, sometimes missing (all zero, all spaces, or a mix). */
    private byte[] reason()
    {
        final byte[] reason = new byte[AsciiField.REASON_LENGTH];
        final int r = random.nextInt(1000);
        if (r < 15)
        {
            return reason;
        }
        if (r < 30)
        {
            for (int i = 0; i < reason.length; i++)
            {
                reason[i] = random.nextBoolean() ? (byte)' ' : 0;
            }
            return reason;
        }
        return textReason();
    }

    /** A present reason, sometimes with leading spaces. */
    private byte[] textReason()
    {
        final byte[] reason = new byte[AsciiField.REASON_LENGTH];
        final byte[] text = ("ops ticket " + reasonCounter++).getBytes(StandardCharsets.US_ASCII);
        final int start = random.nextInt(4) == 0 ? 2 : 0;
        Arrays.fill(reason, 0, start, (byte)' ');
        System.arraycopy(text, 0, reason, start, text.length);
        return reason;
    }

    private byte[] freshRef()
    {
        final String ref = "ref-" + seed + "-" + refCounter++;
        final byte[] field = RandomOrderCommands.ascii(ref.length() > AsciiField.ID_LENGTH ?
            ref.substring(ref.length() - AsciiField.ID_LENGTH) : ref);
        observed.pendingRef = new String(field, StandardCharsets.US_ASCII);
        return field;
    }

    private byte[] externalRef()
    {
        final int r = random.nextInt(100);
        if (r < 3)
        {
            return new byte[AsciiField.ID_LENGTH];
        }
        if (r < 9 && !observed.acceptedRefs.isEmpty())
        {
            final String used = observed.acceptedRefs.get(random.nextInt(observed.acceptedRefs.size()));
            return used.getBytes(StandardCharsets.US_ASCII);
        }
        return freshRef();
    }

    private static long pow10(final int scale)
    {
        long value = 1;
        for (int i = 0; i < scale; i++)
        {
            value *= 10;
        }
        return value;
    }

    /** Enough of an asset to trade for the whole run: thousands to millions of whole units. */
    private long largeAmount(final AssetSpec asset)
    {
        final long wholeUnits = asset.scale() >= 8 ? random.nextLong(200, 2_000) : random.nextLong(2_000_000, 20_000_000);
        return wholeUnits * pow10(asset.scale());
    }

    private int randomAssetId()
    {
        if (random.nextInt(100) < 2)
        {
            return random.nextBoolean() ? 0 : 42;
        }
        return config.assets().get(random.nextInt(config.assets().size())).id();
    }

    private long adminAccount()
    {
        final int r = random.nextInt(100);
        if (r < 2)
        {
            return 555_555_555L;
        }
        if (r < 3)
        {
            return 0;
        }
        return orders.randomAccount();
    }

    private void writeCreateAccount(final long accountId, final int allowSelfTrade, final byte[] reason)
    {
        writer.createAccount().accountId(accountId).putReason(reason, 0);
        buffer.putByte(HEADER + CreateAccountEncoder.allowSelfTradeEncodingOffset(), (byte)allowSelfTrade);
    }

    private void writeDeposit(
        final long accountId, final int assetId, final long amountMinor, final byte[] ref, final byte[] reason)
    {
        writer.deposit().accountId(accountId).assetId(assetId).amountMinor(amountMinor)
            .putExternalRef(ref, 0).putReason(reason, 0);
    }

    private void createAccount()
    {
        final int r = random.nextInt(100);
        long accountId;
        int allowSelfTrade = random.nextInt(4) == 0 ? 1 : 0;
        if (r < 35 || observed.accountIds.size() >= MAX_ACCOUNTS)
        {
            accountId = orders.randomAccount();
        }
        else if (r < 50)
        {
            accountId = random.nextBoolean() ? 0 : -random.nextLong(1, 1_000);
        }
        else
        {
            accountId = random.nextLong(1_000_000, 2_000_000);
            if (r < 60)
            {
                allowSelfTrade = 2 + random.nextInt(250);
            }
        }
        writeCreateAccount(accountId, allowSelfTrade, reason());
    }

    private void deposit()
    {
        final int assetId = randomAssetId();
        final AssetSpec asset = config.asset(assetId);
        final int r = random.nextInt(100);
        long amount = asset == null ? 1_000 : largeAmount(asset) / random.nextLong(1, 1_000);
        if (r < 3)
        {
            amount = -random.nextLong(0, 1_000);
        }
        else if (r < 5)
        {
            amount = Long.MAX_VALUE - random.nextLong(0, 1_000);
        }
        if (asset != null && random.nextInt(1_000) < 3)
        {
            supplyBoundary(assetId);
            return;
        }
        writeDeposit(adminAccount(), assetId, amount, externalRef(), reason());
    }

    /**
     * Deposits exactly up to {@code Long.MAX_VALUE} of total supply (accepted) or one more (rejected); when accepted,
     * a deposit of 1 (rejected) and a withdrawal of the whole amount follow, so the run continues normally.
     */
    private void supplyBoundary(final int assetId)
    {
        final long accountId = orders.randomAccount();
        final long room = Long.MAX_VALUE - observed.supply.getOrDefault(assetId, 0L);
        final boolean over = random.nextBoolean();
        observed.stats.onPath(over ? "depositOverSupplyLimit" : "depositUpToSupplyLimit");
        writeDeposit(accountId, assetId, over ? room + 1 : room, freshRef(), textReason());
        if (!over)
        {
            scheduled.add(() -> writeDeposit(accountId, assetId, 1, freshRef(), textReason()));
            scheduled.add(() -> writer.withdraw().accountId(accountId).assetId(assetId).amountMinor(room)
                .putExternalRef(freshRef(), 0).putReason(textReason(), 0));
        }
    }

    private void withdraw()
    {
        final long accountId = adminAccount();
        final int assetId = randomAssetId();
        final long available = observed.available(accountId, assetId);
        final int r = random.nextInt(100);
        long amount = available / random.nextLong(20, 200) + 1;
        if (r < 10)
        {
            amount = available + random.nextLong(1, 1_000);
        }
        else if (r < 13)
        {
            amount = -random.nextLong(0, 1_000);
        }
        else if (r < 16)
        {
            amount = available;
        }
        writer.withdraw().accountId(accountId).assetId(assetId).amountMinor(amount)
            .putExternalRef(externalRef(), 0).putReason(reason(), 0);
    }

    private int randomSymbolId()
    {
        if (random.nextInt(100) < 5)
        {
            return random.nextBoolean() ? 0 : 31;
        }
        final List<SymbolSpec> symbols = config.symbols();
        return symbols.get(random.nextInt(symbols.size())).id();
    }

    private void haltOrResume(final boolean halt)
    {
        final int symbolId = randomSymbolId();
        if (halt)
        {
            writer.haltSymbol().symbolId(symbolId).putReason(reason(), 0);
        }
        else
        {
            writer.resumeSymbol().symbolId(symbolId).putReason(reason(), 0);
        }
    }

    private void freezeOrUnfreeze(final boolean freeze)
    {
        final long accountId = adminAccount();
        if (freeze)
        {
            writer.freezeAccount().accountId(accountId).putReason(reason(), 0);
        }
        else
        {
            writer.unfreezeAccount().accountId(accountId).putReason(reason(), 0);
        }
    }

    /**
     * A damaged buffer: too short for a header, foreign schema, unknown template, short block, truncated body; and,
     * as controls, a longer block (a later schema version) that must still be accepted.
     */
    private void malformed()
    {
        if (random.nextBoolean())
        {
            writeCancelOfSomeOrder();
        }
        else
        {
            orders.placeOrder(nowNs);
        }
        final int fullLength = writer.length();
        final int blockLength = fullLength - HEADER;
        length = fullLength;
        switch (random.nextInt(8))
        {
            case 0 -> length = random.nextInt(HEADER);
            case 1 -> putHeaderField(MessageHeaderEncoder.schemaIdEncodingOffset(), random.nextBoolean() ? 0 : 7300);
            case 2 -> putHeaderField(
                MessageHeaderEncoder.templateIdEncodingOffset(), new int[] {0, 13, 50, 56, 61, 100, 999}[random.nextInt(7)]);
            case 3 -> putHeaderField(MessageHeaderEncoder.blockLengthEncodingOffset(), random.nextInt(blockLength));
            case 4 -> length = HEADER + random.nextInt(blockLength);
            case 5 ->
            {
                final int extra = 1 + random.nextInt(16);
                Arrays.fill(buffer.byteArray(), fullLength, fullLength + extra, (byte)random.nextInt(256));
                putHeaderField(MessageHeaderEncoder.blockLengthEncodingOffset(), blockLength + extra);
                length = fullLength + extra;
            }
            case 6 ->
            {
                putHeaderField(MessageHeaderEncoder.blockLengthEncodingOffset(), blockLength + 8);
                length = fullLength + random.nextInt(8);
            }
            default -> putHeaderField(MessageHeaderEncoder.versionEncodingOffset(), random.nextInt(65_536));
        }
    }

    private void writeCancelOfSomeOrder()
    {
        final CancelOrderEncoder cancel = writer.cancelOrder();
        if (observed.openOrders.isEmpty())
        {
            cancel.accountId(orders.randomAccount()).orderId(1);
            return;
        }
        final ObservedOrder order = observed.openOrders.get(random.nextInt(observed.openOrders.size()));
        cancel.accountId(order.accountId).orderId(order.orderId);
    }

    private void putHeaderField(final int fieldOffset, final int value)
    {
        buffer.putShort(fieldOffset, (short)value, ByteOrder.LITTLE_ENDIAN);
    }
}
