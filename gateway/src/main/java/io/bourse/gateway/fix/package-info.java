/**
 * The FIX 4.4 acceptor: {@link io.bourse.gateway.fix.FixGateway} wires the Netty
 * {@link io.bourse.gateway.fix.FixAcceptor}, the sessions and the reply router;
 * {@link io.bourse.gateway.fix.FixServerExtension} runs it inside {@code bourse server}. Codec, session layer and
 * order translation live in the {@code codec}, {@code session} and {@code order} subpackages.
 */
package io.bourse.gateway.fix;
