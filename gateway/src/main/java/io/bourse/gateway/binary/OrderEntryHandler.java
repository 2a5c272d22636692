package io.bourse.gateway.binary;

import io.bourse.gateway.sbe.CancelOrderDecoder;
import io.bourse.gateway.sbe.LogonDecoder;
import io.bourse.gateway.sbe.MassCancelDecoder;
import io.bourse.gateway.sbe.NewOrderDecoder;
import io.bourse.gateway.sbe.ReplaceOrderDecoder;

/**
 * Typed client-to-gateway messages, as decoded by {@link OrderEntryAdapter}. Each decoder is wrapped on a message whose
 * block is known to be complete, and is valid only during the call. Read enum fields with their {@code *Raw()} getters:
 * the typed getters throw on values outside the schema.
 */
public interface OrderEntryHandler
{
    void onLogon(LogonDecoder logon);

    void onLogout();

    void onHeartbeat();

    void onNewOrder(NewOrderDecoder newOrder);

    void onCancelOrder(CancelOrderDecoder cancelOrder);

    void onReplaceOrder(ReplaceOrderDecoder replaceOrder);

    void onMassCancel(MassCancelDecoder massCancel);

    /**
     * A message that could not be decoded: unknown template, another schema, or a block shorter than the template's.
     *
     * @param reason an {@code io.bourse.gateway.sbe.RejectReason} value.
     */
    void onMalformed(int templateId, short reason);
}
