package io.bourse.gateway.binary;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * One client connection of the binary fuzz harness: the gateway's real handlers on an {@link EmbeddedChannel} whose
 * clock is frozen (no logon or heartbeat timer fires), allocating from its own instrumented allocator so the bytes it
 * holds can be measured, next to the {@link OrderEntryModel} of what it should do and what the client has learned
 * from it so far. Single-threaded.
 */
final class FuzzConnection
{
    final OrderEntryModel model;
    final UnpooledByteBufAllocator allocator = new UnpooledByteBufAllocator(false, true);
    final EmbeddedChannel channel = new EmbeddedChannel();
    /** From the LogonAccepted the client received; {@link io.bourse.gateway.SourceIds#NO_SOURCE} before. */
    long sessionId = io.bourse.gateway.SourceIds.NO_SOURCE;
    /** From the LogonAccepted the client received; meaningful once {@link #sessionId} is set. */
    long accountId;
    long lastSeqNo;
    int inputs;

    FuzzConnection(final BinaryGatewayContext context, final OrderEntryModel model)
    {
        this.model = model;
        channel.freezeTime();
        channel.config().setAllocator(allocator);
        BinaryServer.addHandlers(channel.pipeline(), context);
    }

    /** Bytes the channel's buffers hold: a partial frame being accumulated, replies not yet read. */
    long heldBytes()
    {
        return allocator.metric().usedHeapMemory() + allocator.metric().usedDirectMemory();
    }
}
