package io.bourse.persistence.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.DirectBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.journal.JournalEntryView;
import io.bourse.engine.journal.JournalReader;
import io.bourse.engine.snapshot.LoadedSnapshot;
import io.bourse.engine.snapshot.SnapshotStore;
import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * The engine's side of a reconciliation, up to a given sequence: the engine state rebuilt by re-executing the
 * journaled commands (from a snapshot when one is given), checking that re-execution reproduces the journaled events,
 * plus totals read from the journaled events (trades per symbol, deposits minus withdrawals per asset). One thread.
 */
final class JournalTruth
{
    final ExchangeEngine engine;
    final Map<Integer, long[]> tradesBySymbol = new TreeMap<>();
    final Map<Integer, Long> netDepositsByAsset = new TreeMap<>();
    final long snapshotSequence;
    long lastSequence;
    long divergentEntries;
    long firstDivergentSequence;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeExecutedDecoder trade = new TradeExecutedDecoder();
    private final BalanceChangedDecoder balance = new BalanceChangedDecoder();

    private JournalTruth(final ExchangeEngine engine, final long snapshotSequence)
    {
        this.engine = engine;
        this.snapshotSequence = snapshotSequence;
    }

    /**
     * Rebuilds the state after entry {@code untilSequence}.
     *
     * @param snapshotDir a snapshot directory to start from, or null to re-execute from the first entry.
     */
    static JournalTruth build(final ExchangeConfig config, final Path journalDir, final Path snapshotDir, final long untilSequence)
        throws IOException
    {
        final JournalTruth truth;
        if (snapshotDir != null)
        {
            final LoadedSnapshot snapshot = new SnapshotStore(snapshotDir, Integer.MAX_VALUE).loadNewestValid(config, untilSequence);
            truth = new JournalTruth(snapshot.engine(), snapshot.engineSequence());
        }
        else
        {
            truth = new JournalTruth(new ExchangeEngine(config), SnapshotStore.NO_SNAPSHOT);
        }
        final EventLog events = new EventLog();
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            reader.seek(1);
            while (truth.lastSequence < untilSequence && reader.poll())
            {
                final JournalEntryView entry = reader.entry();
                truth.lastSequence = entry.engineSequence();
                truth.count(entry.eventsBuffer(), entry.eventsOffset(), entry.eventsLength(), entry.eventCount());
                if (entry.engineSequence() > truth.snapshotSequence)
                {
                    events.reset();
                    truth.engine.process(entry.commandBuffer(), entry.commandOffset(), entry.commandLength(), entry.engineTimeNs(), events);
                    if (!sameBytes(events.buffer(), events.length(), entry.eventsBuffer(), entry.eventsOffset(), entry.eventsLength()))
                    {
                        if (truth.divergentEntries++ == 0)
                        {
                            truth.firstDivergentSequence = entry.engineSequence();
                        }
                    }
                }
            }
        }
        return truth;
    }

    /** [count, base volume minor, quote volume minor] of a symbol's journaled trades. */
    long[] trades(final int symbolId)
    {
        return tradesBySymbol.getOrDefault(symbolId, new long[3]);
    }

    private void count(final DirectBuffer buffer, final int offset, final int length, final int eventCount)
    {
        int position = offset;
        for (int i = 0; i < eventCount && position < offset + length; i++)
        {
            header.wrap(buffer, position);
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            if (header.templateId() == TradeExecutedDecoder.TEMPLATE_ID)
            {
                trade.wrap(buffer, body, header.blockLength(), header.version());
                final long[] totals = tradesBySymbol.computeIfAbsent(trade.symbolId(), id -> new long[3]);
                totals[0]++;
                totals[1] = Math.addExact(totals[1], trade.qtyMinor());
                totals[2] = Math.addExact(totals[2], trade.quoteQtyMinor());
            }
            else if (header.templateId() == BalanceChangedDecoder.TEMPLATE_ID)
            {
                balance.wrap(buffer, body, header.blockLength(), header.version());
                final short reason = balance.reasonRaw();
                if (reason == BalanceReason.DEPOSIT.value() || reason == BalanceReason.WITHDRAWAL.value())
                {
                    netDepositsByAsset.merge(balance.assetId(), balance.deltaAvailableMinor(), Math::addExact);
                }
            }
            position = body + header.blockLength();
        }
    }

    private static boolean sameBytes(
        final DirectBuffer a, final int aLength, final DirectBuffer b, final int bOffset, final int bLength)
    {
        if (aLength != bLength)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a.getByte(i) != b.getByte(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }
}
