package io.bourse.engine.differential;

import org.agrona.DirectBuffer;

import io.bourse.engine.ExchangeStateMachine;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.event.MessageFormatter;
import io.bourse.sbe.MessageHeaderDecoder;

/**
 * Runs one seeded generator stream through a candidate state machine and the reference side by side: after every
 * command the event bytes must be identical and both sides must pass the {@link InvariantChecker}; state hashes
 * must agree every {@link #HASH_INTERVAL} commands and at the end. A failure names the seed, the command index,
 * the command and both event streams with the first difference marked.
 */
public final class DifferentialRun
{
    /** Commands between state hash comparisons. */
    public static final int HASH_INTERVAL = 1_000;

    private final long seed;
    private final ExchangeStateMachine candidate;
    private final ExchangeStateMachine reference;
    private final String candidateName;
    private final RandomCommandGenerator generator;
    private final InvariantChecker candidateChecker;
    private final InvariantChecker referenceChecker;
    private final EventLog candidateEvents = new EventLog();
    private final EventLog referenceEvents = new EventLog();

    public DifferentialRun(
        final long seed,
        final ExchangeConfig config,
        final String candidateName,
        final ExchangeStateMachine candidate,
        final ExchangeStateMachine reference)
    {
        this.seed = seed;
        this.candidateName = candidateName;
        this.candidate = candidate;
        this.reference = reference;
        this.generator = new RandomCommandGenerator(seed, config);
        this.candidateChecker = new InvariantChecker(config);
        this.referenceChecker = new InvariantChecker(config);
    }

    /** Runs {@code commands} commands; returns what they exercised, or throws {@link AssertionError}. */
    public StreamStats run(final int commands)
    {
        for (int i = 0; i < commands; i++)
        {
            generator.next();
            candidateEvents.reset();
            referenceEvents.reset();
            try
            {
                candidate.process(generator.buffer(), 0, generator.length(), generator.nowNs(), candidateEvents);
            }
            catch (final RuntimeException | Error ex)
            {
                throw new AssertionError(where(i) + candidateName + " threw " + ex + describeCommand(), ex);
            }
            try
            {
                reference.process(generator.buffer(), 0, generator.length(), generator.nowNs(), referenceEvents);
            }
            catch (final RuntimeException | Error ex)
            {
                throw new AssertionError(where(i) + "the reference threw " + ex + describeCommand(), ex);
            }
            compareEvents(i);
            generator.onEvents(referenceEvents.buffer(), referenceEvents.length());
            checkInvariants(i, candidateName, candidate, candidateChecker, candidateEvents);
            checkInvariants(i, "reference", reference, referenceChecker, referenceEvents);
            if ((i + 1) % HASH_INTERVAL == 0)
            {
                compareHashes(i);
            }
        }
        compareHashes(commands - 1);
        return generator.stats();
    }

    private String where(final int index)
    {
        return "seed " + seed + ", command #" + index + " (rerun: -Dbourse.diff.seed=" + seed + "): ";
    }

    private String describeCommand()
    {
        final StringBuilder out = new StringBuilder("\ncommand at nowNs=").append(generator.nowNs()).append(": ");
        try
        {
            if (generator.length() >= MessageHeaderDecoder.ENCODED_LENGTH)
            {
                new MessageFormatter().append(generator.buffer(), 0, out);
            }
            else
            {
                out.append("(shorter than a header)");
            }
        }
        catch (final RuntimeException ex)
        {
            out.append("(unformattable: ").append(ex).append(')');
        }
        out.append("\ncommand bytes (").append(generator.length()).append("): ");
        for (int i = 0; i < generator.length(); i++)
        {
            out.append(String.format("%02x", generator.buffer().getByte(i)));
        }
        return out.toString();
    }

    private void checkInvariants(
        final int index,
        final String side,
        final ExchangeStateMachine machine,
        final InvariantChecker checker,
        final EventLog events)
    {
        try
        {
            checker.check(machine, events.buffer(), events.length(), index);
        }
        catch (final AssertionError ex)
        {
            throw new AssertionError(where(index) + side + ": " + ex.getMessage() + describeCommand() + "\nevents:\n"
                + new MessageFormatter().formatEvents(events.buffer(), events.length()), ex);
        }
    }

    private void compareHashes(final int index)
    {
        final long candidateHash = candidate.stateHash();
        final long referenceHash = reference.stateHash();
        if (candidateHash != referenceHash)
        {
            throw new AssertionError(where(index) + "state hash differs after this command: " + candidateName + " "
                + Long.toHexString(candidateHash) + ", reference " + Long.toHexString(referenceHash)
                + " (event streams were identical; compare stateHash() inputs, docs/semantics.md §11)");
        }
    }

    private void compareEvents(final int index)
    {
        final DirectBuffer a = candidateEvents.buffer();
        final DirectBuffer b = referenceEvents.buffer();
        final int length = candidateEvents.length();
        if (length == referenceEvents.length())
        {
            boolean same = true;
            for (int i = 0; i < length && same; i++)
            {
                same = a.getByte(i) == b.getByte(i);
            }
            if (same)
            {
                return;
            }
        }
        final int firstDifference = firstDifferingEvent();
        throw new AssertionError(where(index) + "event streams differ at event " + firstDifference + describeCommand()
            + "\n" + candidateName + " events (" + candidateEvents.count() + "):\n"
            + formatMarked(candidateEvents, firstDifference)
            + "reference events (" + referenceEvents.count() + "):\n"
            + formatMarked(referenceEvents, firstDifference));
    }

    /** Index of the first event whose bytes differ (or that only one stream has). */
    private int firstDifferingEvent()
    {
        final int[] candidateOffsets = eventOffsets(candidateEvents);
        final int[] referenceOffsets = eventOffsets(referenceEvents);
        final int common = Math.min(candidateOffsets.length, referenceOffsets.length) - 1;
        for (int e = 0; e < common; e++)
        {
            final int start = candidateOffsets[e];
            final int size = candidateOffsets[e + 1] - start;
            if (size != referenceOffsets[e + 1] - referenceOffsets[e] || start != referenceOffsets[e])
            {
                return e;
            }
            for (int i = 0; i < size; i++)
            {
                if (candidateEvents.buffer().getByte(start + i) != referenceEvents.buffer().getByte(start + i))
                {
                    return e;
                }
            }
        }
        return common;
    }

    /** Start offsets of each event, plus the end. */
    private static int[] eventOffsets(final EventLog events)
    {
        final int[] offsets = new int[events.count() + 1];
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        int offset = 0;
        for (int e = 0; e < events.count(); e++)
        {
            offsets[e] = offset;
            header.wrap(events.buffer(), offset);
            offset += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
        }
        offsets[events.count()] = offset;
        return offsets;
    }

    private static String formatMarked(final EventLog events, final int marked)
    {
        final MessageFormatter formatter = new MessageFormatter();
        final int[] offsets = eventOffsets(events);
        final StringBuilder out = new StringBuilder();
        for (int e = 0; e < events.count(); e++)
        {
            out.append(e == marked ? ">> " : "   ").append(String.format("%3d ", e));
            formatter.append(events.buffer(), offsets[e], out).append('\n');
        }
        if (marked >= events.count())
        {
            out.append(">>     (no more events)\n");
        }
        return out.toString();
    }
}
