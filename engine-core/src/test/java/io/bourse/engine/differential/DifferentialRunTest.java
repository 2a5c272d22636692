package io.bourse.engine.differential;


import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import io.bourse.engine.ExchangeStateMachine;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.reference.ReferenceExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The differential harness itself: it passes two equal machines and, for a machine that goes wrong at one command,
 * fails with the seed, the command index, the command and both event streams with the first difference marked.
 */
class DifferentialRunTest
{
    private static final long SEED = 5L;
    private final ExchangeConfig config = TestConfigs.standard();

    @Test
    void shouldPassWhenBothSidesAgree()
    {
        final StreamStats stats = new DifferentialRun(
            SEED, config, "twin", new ReferenceExchange(config), new ReferenceExchange(config)).run(10_000);

        assertThat(stats.commands()).isEqualTo(10_000);
    }

    @Test
    void shouldMarkFirstDifferingEvent()
    {
        final Faulty faulty = new Faulty(new ReferenceExchange(config), 3_000, false);

        assertThatThrownBy(() -> new DifferentialRun(SEED, config, "faulty", faulty, new ReferenceExchange(config))
            .run(10_000))
            .hasMessageContaining("seed 5, command #" + faulty.corruptedIndex)
            .hasMessageContaining("-Dbourse.diff.seed=5")
            .hasMessageContaining("event streams differ at event 1")
            .hasMessageContaining(">>   1 ")
            .hasMessageContaining("faulty events")
            .hasMessageContaining("reference events")
            .hasMessageContaining("command at nowNs=");
    }

    @Test
    void shouldReportStateHashDifference()
    {
        final Faulty faulty = new Faulty(new ReferenceExchange(config), 2_500, true);

        assertThatThrownBy(() -> new DifferentialRun(SEED, config, "faulty", faulty, new ReferenceExchange(config))
            .run(10_000))
            .hasMessageContaining("seed 5, command #2999")
            .hasMessageContaining("state hash differs");
    }

    /** Delegates to a reference but, from one command on, flips an event byte or the state hash. */
    private static final class Faulty extends ForwardingView implements ExchangeStateMachine
    {
        private final ExchangeStateMachine delegate;
        private final int fromIndex;
        private final boolean hashOnly;
        private int index;
        private int corruptedIndex = -1;

        Faulty(final ExchangeStateMachine delegate, final int fromIndex, final boolean hashOnly)
        {
            super(delegate);
            this.delegate = delegate;
            this.fromIndex = fromIndex;
            this.hashOnly = hashOnly;
        }

        @Override
        public void process(
            final DirectBuffer command, final int offset, final int length, final long nowNs, final EventLog events)
        {
            delegate.process(command, offset, length, nowNs, events);
            if (!hashOnly && index >= fromIndex && corruptedIndex < 0 && events.count() >= 2)
            {
                corruptedIndex = index;
                final MutableDirectBuffer buffer = (MutableDirectBuffer)events.buffer();
                final int lastByte = events.length() - 1;
                buffer.putByte(lastByte, (byte)(buffer.getByte(lastByte) ^ 1));
            }
            index++;
        }

        @Override
        public long stateHash()
        {
            return hashOnly && index > fromIndex ? delegate.stateHash() ^ 1 : delegate.stateHash();
        }
    }
}
