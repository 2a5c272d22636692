/**
 * Who owns what: accounts with per-asset available and held balances and their open orders, the client order id
 * index, and the set of external references that makes deposits and withdrawals idempotent. Engine thread only.
 */
package io.bourse.engine.account;
