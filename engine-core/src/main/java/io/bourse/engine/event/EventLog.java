package io.bourse.engine.event;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.sbe.MessageHeaderEncoder;
import io.bourse.sbe.AccountCreatedEncoder;
import io.bourse.sbe.AccountFrozenEncoder;
import io.bourse.sbe.AccountUnfrozenEncoder;
import io.bourse.sbe.BalanceChangedEncoder;
import io.bourse.sbe.CommandRejectedEncoder;
import io.bourse.sbe.MassCancelCompletedEncoder;
import io.bourse.sbe.OrderAcceptedEncoder;
import io.bourse.sbe.OrderCancelledEncoder;
import io.bourse.sbe.OrderReplacedEncoder;
import io.bourse.sbe.StopTriggeredEncoder;
import io.bourse.sbe.SymbolHaltedEncoder;
import io.bourse.sbe.SymbolResumedEncoder;
import io.bourse.sbe.TradeExecutedEncoder;

/**
 * The reusable buffer a command's events are written into, SBE-encoded one after another (header + fixed block).
 * Each accessor appends one event and returns the wrapped flyweight encoder, so emitting an event allocates
 * nothing. Owned by one thread; {@link #reset()} before each command.
 */
public final class EventLog
{
    private static final int INITIAL_CAPACITY = 64 * 1024;

    /** Plain buffer over a byte array that grows only in {@link #begin}, so field writes pay no capacity checks. */
    private final UnsafeBuffer buffer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandRejectedEncoder commandRejected = new CommandRejectedEncoder();
    private final AccountCreatedEncoder accountCreated = new AccountCreatedEncoder();
    private final AccountFrozenEncoder accountFrozen = new AccountFrozenEncoder();
    private final AccountUnfrozenEncoder accountUnfrozen = new AccountUnfrozenEncoder();
    private final SymbolHaltedEncoder symbolHalted = new SymbolHaltedEncoder();
    private final SymbolResumedEncoder symbolResumed = new SymbolResumedEncoder();
    private final OrderAcceptedEncoder orderAccepted = new OrderAcceptedEncoder();
    private final OrderCancelledEncoder orderCancelled = new OrderCancelledEncoder();
    private final OrderReplacedEncoder orderReplaced = new OrderReplacedEncoder();
    private final StopTriggeredEncoder stopTriggered = new StopTriggeredEncoder();
    private final TradeExecutedEncoder tradeExecuted = new TradeExecutedEncoder();
    private final BalanceChangedEncoder balanceChanged = new BalanceChangedEncoder();
    private final MassCancelCompletedEncoder massCancelCompleted = new MassCancelCompletedEncoder();
    private int length;
    private int count;

    public EventLog()
    {
        this(INITIAL_CAPACITY);
    }

    public EventLog(final int initialCapacity)
    {
        buffer = new UnsafeBuffer(new byte[initialCapacity]);
    }

    /** Forgets all events; the buffer is reused. */
    public void reset()
    {
        length = 0;
        count = 0;
    }

    /** The encoded events, valid from offset 0 to {@link #length()}. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /** Bytes of encoded events. */
    public int length()
    {
        return length;
    }

    /** Number of events since the last reset. */
    public int count()
    {
        return count;
    }

    private int begin(final int blockLength)
    {
        final int offset = length;
        length += MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
        count++;
        if (length > buffer.capacity())
        {
            // A command with unusually many events (a mass cancel of a deep account): grow, keeping what is written.
            buffer.wrap(Arrays.copyOf(buffer.byteArray(), Math.max(length, buffer.capacity() * 2)));
        }
        return offset;
    }

    /** Appends a CommandRejected event and returns its encoder, wrapped in place, for the caller to fill. */
    public CommandRejectedEncoder commandRejected()
    {
        commandRejected.wrapAndApplyHeader(buffer, begin(CommandRejectedEncoder.BLOCK_LENGTH), header);
        return commandRejected;
    }

    /** Appends a AccountCreated event and returns its encoder, wrapped in place, for the caller to fill. */
    public AccountCreatedEncoder accountCreated()
    {
        accountCreated.wrapAndApplyHeader(buffer, begin(AccountCreatedEncoder.BLOCK_LENGTH), header);
        return accountCreated;
    }

    /** Appends a AccountFrozen event and returns its encoder, wrapped in place, for the caller to fill. */
    public AccountFrozenEncoder accountFrozen()
    {
        accountFrozen.wrapAndApplyHeader(buffer, begin(AccountFrozenEncoder.BLOCK_LENGTH), header);
        return accountFrozen;
    }

    /** Appends a AccountUnfrozen event and returns its encoder, wrapped in place, for the caller to fill. */
    public AccountUnfrozenEncoder accountUnfrozen()
    {
        accountUnfrozen.wrapAndApplyHeader(buffer, begin(AccountUnfrozenEncoder.BLOCK_LENGTH), header);
        return accountUnfrozen;
    }

    /** Appends a SymbolHalted event and returns its encoder, wrapped in place, for the caller to fill. */
    public SymbolHaltedEncoder symbolHalted()
    {
        symbolHalted.wrapAndApplyHeader(buffer, begin(SymbolHaltedEncoder.BLOCK_LENGTH), header);
        return symbolHalted;
    }

    /** Appends a SymbolResumed event and returns its encoder, wrapped in place, for the caller to fill. */
    public SymbolResumedEncoder symbolResumed()
    {
        symbolResumed.wrapAndApplyHeader(buffer, begin(SymbolResumedEncoder.BLOCK_LENGTH), header);
        return symbolResumed;
    }

    /** Appends a OrderAccepted event and returns its encoder, wrapped in place, for the caller to fill. */
    public OrderAcceptedEncoder orderAccepted()
    {
        orderAccepted.wrapAndApplyHeader(buffer, begin(OrderAcceptedEncoder.BLOCK_LENGTH), header);
        return orderAccepted;
    }

    /** Appends a OrderCancelled event and returns its encoder, wrapped in place, for the caller to fill. */
    public OrderCancelledEncoder orderCancelled()
    {
        orderCancelled.wrapAndApplyHeader(buffer, begin(OrderCancelledEncoder.BLOCK_LENGTH), header);
        return orderCancelled;
    }

    /** Appends a OrderReplaced event and returns its encoder, wrapped in place, for the caller to fill. */
    public OrderReplacedEncoder orderReplaced()
    {
        orderReplaced.wrapAndApplyHeader(buffer, begin(OrderReplacedEncoder.BLOCK_LENGTH), header);
        return orderReplaced;
    }

    /** Appends a StopTriggered event and returns its encoder, wrapped in place, for the caller to fill. */
    public StopTriggeredEncoder stopTriggered()
    {
        stopTriggered.wrapAndApplyHeader(buffer, begin(StopTriggeredEncoder.BLOCK_LENGTH), header);
        return stopTriggered;
    }

    /** Appends a TradeExecuted event and returns its encoder, wrapped in place, for the caller to fill. */
    public TradeExecutedEncoder tradeExecuted()
    {
        tradeExecuted.wrapAndApplyHeader(buffer, begin(TradeExecutedEncoder.BLOCK_LENGTH), header);
        return tradeExecuted;
    }

    /** Appends a BalanceChanged event and returns its encoder, wrapped in place, for the caller to fill. */
    public BalanceChangedEncoder balanceChanged()
    {
        balanceChanged.wrapAndApplyHeader(buffer, begin(BalanceChangedEncoder.BLOCK_LENGTH), header);
        return balanceChanged;
    }

    /** Appends a MassCancelCompleted event and returns its encoder, wrapped in place, for the caller to fill. */
    public MassCancelCompletedEncoder massCancelCompleted()
    {
        massCancelCompleted.wrapAndApplyHeader(buffer, begin(MassCancelCompletedEncoder.BLOCK_LENGTH), header);
        return massCancelCompleted;
    }
}
