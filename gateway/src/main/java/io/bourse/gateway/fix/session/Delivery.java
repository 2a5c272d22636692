package io.bourse.gateway.fix.session;

import java.util.ArrayList;

import io.bourse.gateway.fix.order.OrderReport;

/**
 * The reports of one engine command for one session, built on the reply thread and handled on the session's event loop.
 * {@code sourced} marks the reply to a command this session published itself.
 */
public final class Delivery
{
    private final FixSession session;
    private final boolean sourced;
    private final ArrayList<OrderReport> reports = new ArrayList<>(4);

    public Delivery(final FixSession session, final boolean sourced)
    {
        this.session = session;
        this.sourced = sourced;
    }

    public FixSession session()
    {
        return session;
    }

    public boolean sourced()
    {
        return sourced;
    }

    public ArrayList<OrderReport> reports()
    {
        return reports;
    }
}
