package io.bourse.gateway.fix.codec;

/**
 * Why bytes from the network are not a usable FIX message. Framing errors ({@link #isFraming()}) leave no reliable
 * message boundary, so the session disconnects; the others concern one well-framed message.
 */
public enum FixParseError
{
    NONE(false),
    /** The message does not start with {@code 8=FIX.4.4<SOH>}. */
    BAD_BEGIN_STRING(true),
    /** BodyLength(9) is missing, not a number, or does not end where CheckSum(10) starts. */
    BAD_BODY_LENGTH(true),
    /** BodyLength(9) or the buffered bytes exceed the configured maximum message size. */
    MESSAGE_TOO_LARGE(true),
    /** CheckSum(10) is not three digits followed by SOH. */
    BAD_CHECKSUM_FIELD(true),
    /** CheckSum(10) is well formed but does not match: per FIX, the garbled message is ignored. */
    CHECKSUM_MISMATCH(false),
    /** A tag is not a positive number followed by '='. */
    INVALID_TAG(false),
    /** A field has no value. */
    EMPTY_VALUE(false),
    /** More fields than the decoder indexes. */
    TOO_MANY_FIELDS(false),
    /** The third field is not MsgType(35). */
    MSG_TYPE_NOT_THIRD(false);

    private final boolean framing;

    FixParseError(final boolean framing)
    {
        this.framing = framing;
    }

    public boolean isFraming()
    {
        return framing;
    }
}
