package io.bourse.gateway.fix;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.bourse.gateway.client.fix.FixClientListener;
import io.bourse.gateway.fix.codec.FixMessage;

/** Copies every message a {@link io.bourse.gateway.client.fix.FixClient} receives into tag maps for assertions. */
final class RecordingFixListener implements FixClientListener
{
    final LinkedBlockingQueue<Map<Integer, String>> messages = new LinkedBlockingQueue<>();
    final CountDownLatch disconnected = new CountDownLatch(1);

    @Override
    public void onMessage(final char msgType, final FixMessage message)
    {
        messages.add(copy(message));
    }

    @Override
    public void onSessionMessage(final char msgType, final FixMessage message)
    {
        messages.add(copy(message));
    }

    @Override
    public void onDisconnected()
    {
        disconnected.countDown();
    }

    private static Map<Integer, String> copy(final FixMessage message)
    {
        final Map<Integer, String> fields = new HashMap<>();
        for (int i = 0; i < message.fieldCount(); i++)
        {
            fields.putIfAbsent(message.tagAt(i), message.getString(message.tagAt(i)));
        }
        return fields;
    }

    Map<Integer, String> await(final Predicate<Map<Integer, String>> predicate) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline)
        {
            for (final Map<Integer, String> message : messages)
            {
                if (predicate.test(message))
                {
                    messages.remove(message);
                    return message;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no matching message in " + messages);
    }

    boolean awaitDisconnect() throws InterruptedException
    {
        return disconnected.await(10, TimeUnit.SECONDS);
    }

    static Predicate<Map<Integer, String>> msgType(final String type)
    {
        return m -> type.equals(m.get(35));
    }

    static Predicate<Map<Integer, String>> report(final String clOrdId, final String execType)
    {
        return m -> "8".equals(m.get(35)) && clOrdId.equals(m.get(11)) && execType.equals(m.get(150));
    }
}
