package io.bourse.benchmarks;

import org.agrona.DirectBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.TimeInForce;

/**
 * An engine with its event log, a command writer and a clock, for benchmark setup: runs commands one at a time and
 * fails loudly when one is rejected, so a fixture never silently measures a broken book. Not for measured code.
 */
public final class EngineDriver
{
    /** Engine time of the first command; each command is stamped one nanosecond later than the one before. */
    public static final long START_NS = 1_700_000_000_000_000_000L;

    private final ExchangeEngine engine;
    private final EventLog events = new EventLog();
    private final CommandWriter writer = new CommandWriter();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private long nowNs = START_NS;

    public EngineDriver(final ExchangeConfig config)
    {
        engine = new ExchangeEngine(config);
    }

    public ExchangeEngine engine()
    {
        return engine;
    }

    public EventLog events()
    {
        return events;
    }

    public CommandWriter writer()
    {
        return writer;
    }

    /** Engine time of the last command run. */
    public long nowNs()
    {
        return nowNs;
    }

    /** Runs one encoded command and returns its events. */
    public EventLog process(final DirectBuffer command, final int offset, final int length)
    {
        events.reset();
        engine.process(command, offset, length, ++nowNs, events);
        return events;
    }

    /** Runs the command last written into {@link #writer()}. */
    public EventLog processWritten()
    {
        return process(writer.buffer(), 0, writer.length());
    }

    /** Creates accounts {@code 1..count}, each funded with {@code btcMinor} BTC and {@code usdtMinor} USDT. */
    public void createFundedAccounts(final int count, final long btcMinor, final long usdtMinor)
    {
        for (int id = 1; id <= count; id++)
        {
            expectNoReject(processWritten(Commands.createAccount(writer, id)));
            expectNoReject(processWritten(Commands.deposit(writer, id, BenchmarkConfigs.BTC, btcMinor, "btc-" + id)));
            expectNoReject(processWritten(Commands.deposit(writer, id, BenchmarkConfigs.USDT, usdtMinor, "usdt-" + id)));
        }
    }

    /** Places a BTC-USDT limit order and returns its engine id; fails if it is rejected. */
    public long placeLimit(
        final long accountId,
        final Side side,
        final TimeInForce timeInForce,
        final long priceTicks,
        final long qtyLots,
        final CharSequence clientOrderId)
    {
        Commands.placeLimit(writer, accountId, side, timeInForce, priceTicks, qtyLots, clientOrderId);
        return acceptedOrderId(processWritten());
    }

    /** Cancels an order by engine id; fails unless it is cancelled. */
    public void cancel(final long accountId, final long orderId)
    {
        Commands.cancel(writer, accountId, orderId);
        if (firstTemplateId(processWritten()) != OrderCancelledDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("cancel of order " + orderId + " failed: " + describeFirst(events));
        }
    }

    /** The id of the first {@code OrderAccepted} of {@code log}; fails if the command was rejected or none. */
    public long acceptedOrderId(final EventLog log)
    {
        if (log.count() == 0 || firstTemplateId(log) != OrderAcceptedDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("order not accepted: " + describeFirst(log));
        }
        return accepted.wrapAndApplyHeader(log.buffer(), 0, header).orderId();
    }

    /** Number of events of {@code templateId} in {@code log}. */
    public int count(final EventLog log, final int templateId)
    {
        int found = 0;
        int offset = 0;
        while (offset < log.length())
        {
            header.wrap(log.buffer(), offset);
            if (header.templateId() == templateId)
            {
                found++;
            }
            offset += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
        }
        return found;
    }

    /** Template id of the first event of {@code log}, or -1 when it has none. */
    public int firstTemplateId(final EventLog log)
    {
        return log.count() == 0 ? -1 : header.wrap(log.buffer(), 0).templateId();
    }

    private EventLog processWritten(final CommandWriter written)
    {
        return process(written.buffer(), 0, written.length());
    }

    private void expectNoReject(final EventLog log)
    {
        if (firstTemplateId(log) == CommandRejectedDecoder.TEMPLATE_ID)
        {
            throw new IllegalStateException("setup command rejected: " + describeFirst(log));
        }
    }

    private String describeFirst(final EventLog log)
    {
        if (log.count() == 0)
        {
            return "no events";
        }
        if (firstTemplateId(log) == CommandRejectedDecoder.TEMPLATE_ID)
        {
            return "rejected " + rejected.wrapAndApplyHeader(log.buffer(), 0, header).reason();
        }
        return "first event template " + firstTemplateId(log);
    }
}
