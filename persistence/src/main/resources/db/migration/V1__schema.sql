-- Bourse read side: the journal projected into PostgreSQL by the sidecar (issue #5).
--
-- Amounts are exact NUMERIC written with their asset's scale (a BTC amount has 8 decimals, USDT 6):
-- the sidecar converts the engine's long minor units by moving the decimal point, never through a float.
-- Prices are in quote units per one whole base unit, quantities in base units.
-- Engine time (the stamp of the journal entry) is the only clock: no column is filled from now().
-- Hot append-only tables carry no foreign keys (COPY speed); their ids are the engine's own.

CREATE TABLE assets
(
    asset_id INTEGER PRIMARY KEY CHECK (asset_id > 0),
    code     TEXT    NOT NULL UNIQUE,
    scale    INTEGER NOT NULL CHECK (scale BETWEEN 0 AND 18)
);

CREATE TABLE symbols
(
    symbol_id      INTEGER PRIMARY KEY CHECK (symbol_id > 0),
    code           TEXT    NOT NULL UNIQUE,
    base_asset_id  INTEGER NOT NULL REFERENCES assets (asset_id),
    quote_asset_id INTEGER NOT NULL REFERENCES assets (asset_id),
    tick_size      NUMERIC NOT NULL CHECK (tick_size > 0),
    lot_size       NUMERIC NOT NULL CHECK (lot_size > 0),
    maker_fee_bps  INTEGER NOT NULL CHECK (maker_fee_bps BETWEEN 0 AND 10000),
    taker_fee_bps  INTEGER NOT NULL CHECK (taker_fee_bps BETWEEN 0 AND 10000),
    halted         BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK (base_asset_id <> quote_asset_id)
);

CREATE TABLE accounts
(
    account_id       BIGINT PRIMARY KEY CHECK (account_id >= 0),
    allow_self_trade BOOLEAN NOT NULL,
    frozen           BOOLEAN NOT NULL DEFAULT FALSE,
    -- NULL for the fee account 0, which exists from the start.
    created_seq      BIGINT,
    created_at       TIMESTAMPTZ
);

CREATE TABLE orders
(
    order_id        BIGINT PRIMARY KEY CHECK (order_id > 0),
    account_id      BIGINT      NOT NULL,
    symbol_id       INTEGER     NOT NULL,
    client_order_id TEXT,
    side            TEXT        NOT NULL CHECK (side IN ('BUY', 'SELL')),
    order_type      TEXT        NOT NULL CHECK (order_type IN ('LIMIT', 'MARKET', 'STOP', 'STOP_LIMIT')),
    time_in_force   TEXT        NOT NULL CHECK (time_in_force IN ('GTC', 'IOC', 'FOK', 'GTD')),
    post_only       BOOLEAN     NOT NULL,
    -- NULL for MARKET and STOP orders (no limit price) and for LIMIT and MARKET stop prices.
    price           NUMERIC CHECK (price > 0),
    stop_price      NUMERIC CHECK (stop_price > 0),
    -- The total quantity; an amend sets it (an amend to at most the filled quantity ends the order).
    qty             NUMERIC     NOT NULL CHECK (qty > 0),
    filled_qty      NUMERIC     NOT NULL CHECK (filled_qty >= 0),
    leaves_qty      NUMERIC     NOT NULL CHECK (leaves_qty >= 0),
    -- Sum of price x quantity over the fills, in the quote asset: avg_price = filled_quote / filled_qty.
    filled_quote    NUMERIC     NOT NULL CHECK (filled_quote >= 0),
    avg_price       NUMERIC GENERATED ALWAYS AS (CASE WHEN filled_qty > 0 THEN round(filled_quote / filled_qty, 18) END) STORED,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING_STOP', 'NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'EXPIRED')),
    -- Why a CANCELLED or EXPIRED order ended: a CancelReason name, or AMEND for an amend to at most the filled quantity.
    end_reason      TEXT,
    expire_time     TIMESTAMPTZ,
    created_seq     BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_seq     BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX orders_account_idx ON orders (account_id, order_id);
CREATE INDEX orders_open_idx ON orders (symbol_id, order_id) WHERE status IN ('PENDING_STOP', 'NEW', 'PARTIALLY_FILLED');

CREATE TABLE trades
(
    trade_id         BIGINT PRIMARY KEY CHECK (trade_id > 0),
    symbol_id        INTEGER     NOT NULL,
    price            NUMERIC     NOT NULL CHECK (price > 0),
    qty              NUMERIC     NOT NULL CHECK (qty > 0),
    quote_qty        NUMERIC     NOT NULL CHECK (quote_qty > 0),
    aggressor_side   TEXT        NOT NULL CHECK (aggressor_side IN ('BUY', 'SELL')),
    maker_order_id   BIGINT      NOT NULL,
    maker_account_id BIGINT      NOT NULL,
    maker_fee        NUMERIC     NOT NULL CHECK (maker_fee >= 0),
    taker_order_id   BIGINT      NOT NULL,
    taker_account_id BIGINT      NOT NULL,
    taker_fee        NUMERIC     NOT NULL CHECK (taker_fee >= 0),
    engine_seq       BIGINT      NOT NULL,
    executed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX trades_symbol_time_idx ON trades (symbol_id, executed_at);

-- One row per BalanceChanged event: every movement of every balance, with the balance after it.
CREATE TABLE ledger_entries
(
    engine_seq      BIGINT      NOT NULL,
    -- Position of the event within its journal entry: (engine_seq, event_index) is unique and ordered.
    event_index     INTEGER     NOT NULL,
    account_id      BIGINT      NOT NULL,
    asset_id        INTEGER     NOT NULL,
    delta_available NUMERIC     NOT NULL,
    delta_held      NUMERIC     NOT NULL,
    available       NUMERIC     NOT NULL CHECK (available >= 0),
    held            NUMERIC     NOT NULL CHECK (held >= 0),
    reason          TEXT        NOT NULL CHECK (reason IN ('DEPOSIT', 'WITHDRAWAL', 'ORDER_HOLD', 'ORDER_RELEASE', 'AMEND', 'TRADE', 'FEE')),
    -- Order id (holds, releases, amends), trade id (trades, fees), 0 (deposits, withdrawals).
    reference_id    BIGINT      NOT NULL,
    engine_time     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (engine_seq, event_index),
    CHECK (delta_available <> 0 OR delta_held <> 0)
);
CREATE INDEX ledger_account_time_idx ON ledger_entries (account_id, engine_time);

CREATE TABLE balances
(
    account_id  BIGINT      NOT NULL,
    asset_id    INTEGER     NOT NULL,
    available   NUMERIC     NOT NULL CHECK (available >= 0),
    held        NUMERIC     NOT NULL CHECK (held >= 0),
    updated_seq BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, asset_id)
);

-- OHLCV per symbol and interval, from TradeExecuted by engine time; open_time is the interval's start (UTC;
-- weeks start on Monday).
CREATE TABLE candles
(
    symbol_id    INTEGER     NOT NULL,
    interval     TEXT        NOT NULL CHECK (interval IN ('1m', '5m', '15m', '1h', '4h', '1d', '1w')),
    open_time    TIMESTAMPTZ NOT NULL,
    open         NUMERIC     NOT NULL CHECK (open > 0),
    high         NUMERIC     NOT NULL,
    low          NUMERIC     NOT NULL,
    close        NUMERIC     NOT NULL,
    base_volume  NUMERIC     NOT NULL CHECK (base_volume > 0),
    quote_volume NUMERIC     NOT NULL CHECK (quote_volume > 0),
    trade_count  BIGINT      NOT NULL CHECK (trade_count > 0),
    PRIMARY KEY (symbol_id, interval, open_time),
    CHECK (low > 0 AND low <= open AND low <= close AND high >= open AND high >= close)
);

-- Every admin command, accepted or rejected: the audit trail.
CREATE TABLE audit_log
(
    engine_seq   BIGINT PRIMARY KEY,
    engine_time  TIMESTAMPTZ NOT NULL,
    command      TEXT        NOT NULL,
    account_id   BIGINT,
    symbol_id    INTEGER,
    asset_id     INTEGER,
    amount       NUMERIC,
    reason       TEXT,
    external_ref TEXT,
    -- ACCEPTED, or the RejectReason name.
    result       TEXT        NOT NULL
);
CREATE INDEX audit_account_idx ON audit_log (account_id, engine_seq) WHERE account_id IS NOT NULL;

-- What the sidecar has applied: written in the same transaction as the rows of the entries up to it.
CREATE TABLE sidecar_checkpoint
(
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    engine_seq    BIGINT NOT NULL CHECK (engine_seq >= 0),
    -- Chronicle Queue index of that entry; -1 before the first.
    journal_index BIGINT NOT NULL,
    engine_time   TIMESTAMPTZ
);
INSERT INTO sidecar_checkpoint (id, engine_seq, journal_index, engine_time) VALUES (1, 0, -1, NULL);
