-- Accounts: people who sign in, their sessions (tokens stored only as SHA-256), and failed log-ins for throttling.
-- The PostgreSQL form of src/server/migrations/001_accounts.sql. Times are ISO-8601 UTC strings (Date.toISOString)
-- on both engines, so text order is time order and the rules compare the same values whichever engine runs.

CREATE TABLE users (
  id            text PRIMARY KEY,              -- uuid
  username      text NOT NULL UNIQUE,          -- stored lower-case; log-in lower-cases what is typed
  name          text NOT NULL,
  password_hash text NOT NULL,                 -- scrypt$N$r$p$salt$hash (base64url), parameters kept per hash
  roles         jsonb NOT NULL CHECK (jsonb_typeof(roles) = 'array'),
  created_at    text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false
);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,               -- hex SHA-256 of the bearer token; the token itself is never stored
  user_id      text NOT NULL REFERENCES users (id),
  created_at   text NOT NULL,
  last_used_at text NOT NULL,                  -- sliding expiry: 30 days after this
  revoked_at   text
);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE login_failures (
  username text NOT NULL,                      -- as typed (lower-cased), also for unknown usernames
  at       text NOT NULL
);
CREATE INDEX login_failures_username_at ON login_failures (username, at);
