-- Accounts: people who sign in, their sessions (tokens stored only as SHA-256), and failed log-ins for throttling.
-- Times are ISO-8601 UTC strings (Date.toISOString), so text order is time order.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,              -- uuid
  username      TEXT NOT NULL UNIQUE,          -- stored lower-case; log-in lower-cases what is typed
  name          TEXT NOT NULL,
  password_hash TEXT NOT NULL,                 -- scrypt$N$r$p$salt$hash (base64url), parameters kept per hash
  roles         TEXT NOT NULL,                 -- JSON array of roles
  created_at    TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,               -- hex SHA-256 of the bearer token; the token itself is never stored
  user_id      TEXT NOT NULL REFERENCES users (id),
  created_at   TEXT NOT NULL,
  last_used_at TEXT NOT NULL,                  -- sliding expiry: 30 days after this
  revoked_at   TEXT
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE login_failures (
  username TEXT NOT NULL,                      -- as typed (lower-cased), also for unknown usernames
  at       TEXT NOT NULL
);
CREATE INDEX login_failures_username_at ON login_failures (username, at);
