/**
 * FIX application messages: {@link io.bourse.gateway.fix.order.FixOrderEntry} turns D/F/G/q into engine commands for
 * the session's account; {@link io.bourse.gateway.fix.order.FixReplyRouter} (the reply listener) turns the journaled
 * events into {@link io.bourse.gateway.fix.order.OrderReport}s for the sessions concerned;
 * {@link io.bourse.gateway.fix.order.FixReportWriter} writes them as ExecutionReport, OrderCancelReject and
 * OrderMassCancelReport. Used by the FIX session layer only.
 */
package io.bourse.gateway.fix.order;
