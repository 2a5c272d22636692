/**
 * FIX 4.4 tag=value codec written for the gateway: {@link io.bourse.gateway.fix.codec.FixFramer} validates framing,
 * BodyLength and CheckSum over Netty buffers, {@link io.bourse.gateway.fix.codec.FixMessage} indexes fields without
 * copying, {@link io.bourse.gateway.fix.codec.FixEncoder} writes messages with exact BodyLength and CheckSum. No
 * decoder throws on network input; malformed bytes become a {@link io.bourse.gateway.fix.codec.FixParseError}.
 * Used by the FIX acceptor and the FIX client library.
 */
package io.bourse.gateway.fix.codec;
