package io.bourse.persistence.projection;

import org.agrona.DirectBuffer;

import io.bourse.sbe.CreateAccountDecoder;
import io.bourse.sbe.DepositDecoder;
import io.bourse.sbe.FreezeAccountDecoder;
import io.bourse.sbe.HaltSymbolDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.ResumeSymbolDecoder;
import io.bourse.sbe.UnfreezeAccountDecoder;
import io.bourse.sbe.WithdrawDecoder;

/**
 * Writes the audit_log row of an admin command (create account, deposit, withdraw, halt, resume, freeze, unfreeze):
 * what, on which account, symbol or asset, the amount, the operator's reason and external reference, and the result.
 * Trading commands and commands the engine found malformed are not admin actions and get no row. One thread.
 */
final class AdminAuditor
{
    private final Scales scales;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final CreateAccountDecoder createAccount = new CreateAccountDecoder();
    private final DepositDecoder deposit = new DepositDecoder();
    private final WithdrawDecoder withdraw = new WithdrawDecoder();
    private final HaltSymbolDecoder haltSymbol = new HaltSymbolDecoder();
    private final ResumeSymbolDecoder resumeSymbol = new ResumeSymbolDecoder();
    private final FreezeAccountDecoder freezeAccount = new FreezeAccountDecoder();
    private final UnfreezeAccountDecoder unfreezeAccount = new UnfreezeAccountDecoder();

    AdminAuditor(final Scales scales)
    {
        this.scales = scales;
    }

    /** Appends the command's audit row if it is a well-formed admin command; returns whether it did. */
    boolean audit(
        final DirectBuffer buffer, final int offset, final int length, final long sequence, final String engineTime,
        final String result, final StringBuilder out)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        header.wrap(buffer, offset);
        final int blockLength = header.blockLength();
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || MessageHeaderDecoder.ENCODED_LENGTH + blockLength > length)
        {
            return false;
        }
        final int version = header.version();
        switch (header.templateId())
        {
            case CreateAccountDecoder.TEMPLATE_ID:
                if (blockLength < CreateAccountDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                createAccount.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "CREATE_ACCOUNT", String.valueOf(createAccount.accountId()), CopyText.NULL,
                    CopyText.NULL, CopyText.NULL,
                    CopyText.ascii(buffer, body + CreateAccountDecoder.reasonEncodingOffset(), CreateAccountDecoder.reasonLength(), true),
                    CopyText.NULL, result);
                return true;
            case DepositDecoder.TEMPLATE_ID:
                if (blockLength < DepositDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                deposit.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "DEPOSIT", String.valueOf(deposit.accountId()), CopyText.NULL,
                    String.valueOf(deposit.assetId()), amount(deposit.amountMinor(), deposit.assetId()),
                    CopyText.ascii(buffer, body + DepositDecoder.reasonEncodingOffset(), DepositDecoder.reasonLength(), true),
                    CopyText.ascii(buffer, body + DepositDecoder.externalRefEncodingOffset(), DepositDecoder.externalRefLength(), false),
                    result);
                return true;
            case WithdrawDecoder.TEMPLATE_ID:
                if (blockLength < WithdrawDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                withdraw.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "WITHDRAW", String.valueOf(withdraw.accountId()), CopyText.NULL,
                    String.valueOf(withdraw.assetId()), amount(withdraw.amountMinor(), withdraw.assetId()),
                    CopyText.ascii(buffer, body + WithdrawDecoder.reasonEncodingOffset(), WithdrawDecoder.reasonLength(), true),
                    CopyText.ascii(buffer, body + WithdrawDecoder.externalRefEncodingOffset(), WithdrawDecoder.externalRefLength(), false),
                    result);
                return true;
            case HaltSymbolDecoder.TEMPLATE_ID:
                if (blockLength < HaltSymbolDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                haltSymbol.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "HALT_SYMBOL", CopyText.NULL, String.valueOf(haltSymbol.symbolId()),
                    CopyText.NULL, CopyText.NULL,
                    CopyText.ascii(buffer, body + HaltSymbolDecoder.reasonEncodingOffset(), HaltSymbolDecoder.reasonLength(), true),
                    CopyText.NULL, result);
                return true;
            case ResumeSymbolDecoder.TEMPLATE_ID:
                if (blockLength < ResumeSymbolDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                resumeSymbol.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "RESUME_SYMBOL", CopyText.NULL, String.valueOf(resumeSymbol.symbolId()),
                    CopyText.NULL, CopyText.NULL,
                    CopyText.ascii(buffer, body + ResumeSymbolDecoder.reasonEncodingOffset(), ResumeSymbolDecoder.reasonLength(), true),
                    CopyText.NULL, result);
                return true;
            case FreezeAccountDecoder.TEMPLATE_ID:
                if (blockLength < FreezeAccountDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                freezeAccount.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "FREEZE_ACCOUNT", String.valueOf(freezeAccount.accountId()), CopyText.NULL,
                    CopyText.NULL, CopyText.NULL,
                    CopyText.ascii(buffer, body + FreezeAccountDecoder.reasonEncodingOffset(), FreezeAccountDecoder.reasonLength(), true),
                    CopyText.NULL, result);
                return true;
            case UnfreezeAccountDecoder.TEMPLATE_ID:
                if (blockLength < UnfreezeAccountDecoder.BLOCK_LENGTH)
                {
                    return false;
                }
                unfreezeAccount.wrap(buffer, body, blockLength, version);
                row(out, sequence, engineTime, "UNFREEZE_ACCOUNT", String.valueOf(unfreezeAccount.accountId()), CopyText.NULL,
                    CopyText.NULL, CopyText.NULL,
                    CopyText.ascii(buffer, body + UnfreezeAccountDecoder.reasonEncodingOffset(), UnfreezeAccountDecoder.reasonLength(), true),
                    CopyText.NULL, result);
                return true;
            default:
                return false;
        }
    }

    /** The amount with the asset's scale; NULL for an asset the config does not know (the engine rejected it). */
    private String amount(final long amountMinor, final int assetId)
    {
        final int scale = scales.asset(assetId);
        return scale == Scales.UNKNOWN ? CopyText.NULL : CopyText.appendDecimal(new StringBuilder(24), amountMinor, scale).toString();
    }

    private static void row(
        final StringBuilder out, final long sequence, final String engineTime, final String command, final String accountId,
        final String symbolId, final String assetId, final String amount, final String reason, final String externalRef,
        final String result)
    {
        out.append(sequence).append('\t').append(engineTime).append('\t').append(command).append('\t')
            .append(accountId).append('\t').append(symbolId).append('\t').append(assetId).append('\t')
            .append(amount).append('\t').append(reason).append('\t').append(externalRef).append('\t')
            .append(result).append('\n');
    }
}
