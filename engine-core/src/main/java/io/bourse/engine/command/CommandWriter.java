package io.bourse.engine.command;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.sbe.MessageHeaderEncoder;
import io.bourse.sbe.CancelOrderEncoder;
import io.bourse.sbe.CreateAccountEncoder;
import io.bourse.sbe.DepositEncoder;
import io.bourse.sbe.FreezeAccountEncoder;
import io.bourse.sbe.HaltSymbolEncoder;
import io.bourse.sbe.MassCancelEncoder;
import io.bourse.sbe.PlaceOrderEncoder;
import io.bourse.sbe.ReplaceOrderEncoder;
import io.bourse.sbe.ResumeSymbolEncoder;
import io.bourse.sbe.TickEncoder;
import io.bourse.sbe.UnfreezeAccountEncoder;
import io.bourse.sbe.WithdrawEncoder;

/**
 * Encodes one command at a time into a buffer (its own, or one supplied such as a ring slot): pick the command,
 * fill the returned encoder, then hand {@code buffer()} from 0 to {@link #length()} to the engine. Allocates
 * nothing after construction; one thread at a time.
 */
public final class CommandWriter
{
    /** Large enough for the largest command. */
    public static final int MAX_COMMAND_LENGTH = 256;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CreateAccountEncoder createAccount = new CreateAccountEncoder();
    private final DepositEncoder deposit = new DepositEncoder();
    private final WithdrawEncoder withdraw = new WithdrawEncoder();
    private final PlaceOrderEncoder placeOrder = new PlaceOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceOrder = new ReplaceOrderEncoder();
    private final MassCancelEncoder massCancel = new MassCancelEncoder();
    private final HaltSymbolEncoder haltSymbol = new HaltSymbolEncoder();
    private final ResumeSymbolEncoder resumeSymbol = new ResumeSymbolEncoder();
    private final FreezeAccountEncoder freezeAccount = new FreezeAccountEncoder();
    private final UnfreezeAccountEncoder unfreezeAccount = new UnfreezeAccountEncoder();
    private final TickEncoder tick = new TickEncoder();
    private MutableDirectBuffer buffer;
    private int length;

    public CommandWriter()
    {
        this(new UnsafeBuffer(new byte[MAX_COMMAND_LENGTH]));
    }

    public CommandWriter(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
    }

    /** Writes subsequent commands into another buffer, at offset 0. */
    public CommandWriter wrap(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
        return this;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** Length in bytes of the command last started. */
    public int length()
    {
        return length;
    }

    /** Starts a CreateAccount command at offset 0 and returns its encoder to fill. */
    public CreateAccountEncoder createAccount()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + CreateAccountEncoder.BLOCK_LENGTH;
        return createAccount.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a Deposit command at offset 0 and returns its encoder to fill. */
    public DepositEncoder deposit()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + DepositEncoder.BLOCK_LENGTH;
        return deposit.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a Withdraw command at offset 0 and returns its encoder to fill. */
    public WithdrawEncoder withdraw()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + WithdrawEncoder.BLOCK_LENGTH;
        return withdraw.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a PlaceOrder command at offset 0 and returns its encoder to fill. */
    public PlaceOrderEncoder placeOrder()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + PlaceOrderEncoder.BLOCK_LENGTH;
        return placeOrder.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a CancelOrder command at offset 0 and returns its encoder to fill. */
    public CancelOrderEncoder cancelOrder()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + CancelOrderEncoder.BLOCK_LENGTH;
        return cancelOrder.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a ReplaceOrder command at offset 0 and returns its encoder to fill. */
    public ReplaceOrderEncoder replaceOrder()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + ReplaceOrderEncoder.BLOCK_LENGTH;
        return replaceOrder.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a MassCancel command at offset 0 and returns its encoder to fill. */
    public MassCancelEncoder massCancel()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + MassCancelEncoder.BLOCK_LENGTH;
        return massCancel.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a HaltSymbol command at offset 0 and returns its encoder to fill. */
    public HaltSymbolEncoder haltSymbol()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + HaltSymbolEncoder.BLOCK_LENGTH;
        return haltSymbol.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a ResumeSymbol command at offset 0 and returns its encoder to fill. */
    public ResumeSymbolEncoder resumeSymbol()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + ResumeSymbolEncoder.BLOCK_LENGTH;
        return resumeSymbol.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a FreezeAccount command at offset 0 and returns its encoder to fill. */
    public FreezeAccountEncoder freezeAccount()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + FreezeAccountEncoder.BLOCK_LENGTH;
        return freezeAccount.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a UnfreezeAccount command at offset 0 and returns its encoder to fill. */
    public UnfreezeAccountEncoder unfreezeAccount()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + UnfreezeAccountEncoder.BLOCK_LENGTH;
        return unfreezeAccount.wrapAndApplyHeader(buffer, 0, header);
    }

    /** Starts a Tick command at offset 0 and returns its encoder to fill. */
    public TickEncoder tick()
    {
        length = MessageHeaderEncoder.ENCODED_LENGTH + TickEncoder.BLOCK_LENGTH;
        return tick.wrapAndApplyHeader(buffer, 0, header);
    }
}
