package io.bourse.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.CreateAccountEncoder;
import io.bourse.sbe.MessageHeaderEncoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.PlaceOrderEncoder;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Bytes that are not a command become one MALFORMED_COMMAND rejection with every echoed field empty
 * (docs/semantics.md §4 step 2).
 */
class MalformedCommandBehaviourTest extends BehaviourTestSupport
{
    private static final Event.Rejected MALFORMED =
        new Event.Rejected(CommandType.UNKNOWN, 0, 0, 0, "", RejectReason.MALFORMED_COMMAND);
    private static final int SCHEMA_ID = 7301;

    private static byte[] header(final int blockLength, final int templateId, final int schemaId)
    {
        final byte[] bytes = new byte[256];
        new MessageHeaderEncoder().wrap(new UnsafeBuffer(bytes), 0)
            .blockLength(blockLength).templateId(templateId).schemaId(schemaId).version(1);
        return bytes;
    }

    /** A valid PlaceOrder of Bob (buy 1@99 GTC) whose header then claims {@code blockLength}. */
    private static byte[] placeOrder(final int blockLength)
    {
        final byte[] bytes = new byte[256];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        new PlaceOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .accountId(BOB).symbolId(SYMBOL).clientOrderId("").side(Side.BUY).orderType(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC).stpMode(StpMode.CANCEL_TAKER).postOnly(BooleanType.FALSE)
            .priceMinor(99).stopPriceMinor(0).qtyMinor(1).expireTimeNs(0);
        new MessageHeaderEncoder().wrap(buffer, 0).blockLength(blockLength);
        return bytes;
    }

    @ContractTest
    void shouldRejectBufferShorterThanTheHeader(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(x.raw(header(0, 12, SCHEMA_ID), MessageHeaderEncoder.ENCODED_LENGTH - 1)).containsExactly(MALFORMED);
        assertThat(x.raw(new byte[0], 0)).containsExactly(MALFORMED);
    }

    @ContractTest
    void shouldRejectAnotherSchemaId(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(x.raw(header(0, 12, SCHEMA_ID + 1), MessageHeaderEncoder.ENCODED_LENGTH)).containsExactly(MALFORMED);
    }

    @ContractTest
    void shouldRejectUnknownTemplateIds(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);

        assertThat(x.raw(header(0, 99, SCHEMA_ID), 64)).containsExactly(MALFORMED);
        assertThat(x.raw(header(0, 0, SCHEMA_ID), 64)).containsExactly(MALFORMED);
        assertThat(x.raw(header(0, 13, SCHEMA_ID), 64)).containsExactly(MALFORMED);
    }

    @ContractTest
    void shouldRejectBlockLengthShorterThanTheTemplates(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        final int fullLength = MessageHeaderEncoder.ENCODED_LENGTH + PlaceOrderEncoder.BLOCK_LENGTH;

        assertThat(x.raw(placeOrder(PlaceOrderEncoder.BLOCK_LENGTH - 1), fullLength)).containsExactly(MALFORMED);
        assertThat(x.raw(header(CreateAccountEncoder.BLOCK_LENGTH - 1, CreateAccountEncoder.TEMPLATE_ID, SCHEMA_ID),
            MessageHeaderEncoder.ENCODED_LENGTH + CreateAccountEncoder.BLOCK_LENGTH)).containsExactly(MALFORMED);
        assertThat(x.raw(header(0, PlaceOrderEncoder.TEMPLATE_ID, SCHEMA_ID), fullLength)).containsExactly(MALFORMED);
    }

    @ContractTest
    void shouldChangeNothingOnMalformedCommands(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        final int fullLength = MessageHeaderEncoder.ENCODED_LENGTH + PlaceOrderEncoder.BLOCK_LENGTH;
        assertThat(x.raw(placeOrder(10), fullLength)).containsExactly(MALFORMED);

        // the same bytes with the right block length are an ordinary order, and it is order 1
        final List<Event> events =
            x.raw(placeOrder(PlaceOrderEncoder.BLOCK_LENGTH), fullLength);
        assertThat(acceptedId(events)).isEqualTo(1);
        assertThat(x.available(BOB, QUOTE)).isEqualTo(QUOTE_FUNDS - 100);
    }

    @ContractTest
    void shouldAcceptBlockLengthLongerThanTheTemplates(final Implementation impl)
    {
        final ExchangeDriver x = simpleExchange(impl);
        // only a shorter block is malformed: a longer one is a later schema version's extension
        final int blockLength = PlaceOrderEncoder.BLOCK_LENGTH + 8;

        assertThat(story(x.raw(placeOrder(blockLength), MessageHeaderEncoder.ENCODED_LENGTH + blockLength)))
            .containsExactly("accepted 1");
    }
}
