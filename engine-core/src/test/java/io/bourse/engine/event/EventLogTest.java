package io.bourse.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.bourse.sbe.BalanceChangedDecoder;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.MessageHeaderDecoder;

class EventLogTest
{
    @Test
    void shouldKeepEveryEventWhenTheBufferGrowsMidCommand()
    {
        final EventLog log = new EventLog(128);
        final int events = 10_000;
        for (int i = 0; i < events; i++)
        {
            log.balanceChanged().accountId(i).assetId(1).deltaAvailableMinor(i).deltaHeldMinor(-i)
                .availableMinor(2L * i).heldMinor(3L * i).reason(BalanceReason.TRADE).referenceId(7L * i);
        }

        assertThat(log.count()).isEqualTo(events);
        assertThat(log.length()).isEqualTo(events * (MessageHeaderDecoder.ENCODED_LENGTH + BalanceChangedDecoder.BLOCK_LENGTH));
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final BalanceChangedDecoder decoder = new BalanceChangedDecoder();
        int offset = 0;
        for (int i = 0; i < events; i++)
        {
            header.wrap(log.buffer(), offset);
            assertThat(header.templateId()).isEqualTo(BalanceChangedDecoder.TEMPLATE_ID);
            decoder.wrap(log.buffer(), offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            assertThat(decoder.accountId()).isEqualTo(i);
            assertThat(decoder.heldMinor()).isEqualTo(3L * i);
            assertThat(decoder.referenceId()).isEqualTo(7L * i);
            offset += MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
        }
    }

    @Test
    void shouldStartAgainAfterReset()
    {
        final EventLog log = new EventLog(64);
        log.symbolHalted().symbolId(1);
        log.symbolResumed().symbolId(1);
        log.reset();

        log.accountFrozen().accountId(9);

        assertThat(log.count()).isEqualTo(1);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(log.buffer(), 0);
        assertThat(header.templateId()).isEqualTo(io.bourse.sbe.AccountFrozenDecoder.TEMPLATE_ID);
    }
}
