package io.bourse.gateway.fix;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.bourse.gateway.fix.codec.FixEncoder;
import io.bourse.gateway.fix.codec.FixTags;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** A blocking-socket FIX peer that writes and never reads unless asked: for silent and slow-consumer tests. */
final class RawFixSocket implements AutoCloseable
{
    private final Socket socket = new Socket();
    private final FixEncoder encoder = new FixEncoder();
    private final String compId;
    private OutputStream out;
    private long seqNum = 1;

    RawFixSocket(final String compId)
    {
        this.compId = compId;
    }

    RawFixSocket connect(final int port, final int receiveBufferBytes) throws IOException
    {
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        out = socket.getOutputStream();
        return this;
    }

    void logon(final long account, final int heartBtInt) throws IOException
    {
        header("A").put(FixTags.ENCRYPT_METHOD, 0L).put(FixTags.HEART_BT_INT, (long)heartBtInt)
            .put(FixTags.USERNAME, Long.toString(account)).put(FixTags.PASSWORD, "secret-" + account)
            .put(FixTags.RESET_SEQ_NUM_FLAG, 'Y');
        send();
    }

    void iocOrder(final String clOrdId) throws IOException
    {
        header("D").put(FixTags.CL_ORD_ID, clOrdId).put(FixTags.SYMBOL, "BTC-USDT").put(FixTags.SIDE, '1')
            .put(FixTags.ORD_TYPE, '2').put(FixTags.ORDER_QTY, "0.01").put(FixTags.PRICE, "27500")
            .put(FixTags.TIME_IN_FORCE, '3');
        send();
    }

    private FixEncoder header(final String msgType)
    {
        return encoder.begin(msgType).put(FixTags.SENDER_COMP_ID, compId).put(FixTags.TARGET_COMP_ID, "BOURSE")
            .put(FixTags.MSG_SEQ_NUM, seqNum++).putTimestampMs(FixTags.SENDING_TIME, System.currentTimeMillis());
    }

    private void send() throws IOException
    {
        final ByteBuf buf = Unpooled.buffer();
        encoder.writeTo(buf);
        final byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
