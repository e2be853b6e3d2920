-- Log-in failures are counted per username and client address, so someone guessing from elsewhere cannot lock a
-- person out; the addresses a person signed in from lately are kept so the per-username limit spares their devices.
-- Failures are dropped after 15 minutes and known addresses after 30 days (src/server/auth/loginThrottle.ts).
ALTER TABLE login_failures ADD COLUMN address text NOT NULL DEFAULT '';
CREATE INDEX login_failures_username_address_at ON login_failures (username, address, at);

CREATE TABLE login_addresses (
  username text NOT NULL,
  address  text NOT NULL,
  at       text NOT NULL,                      -- the last successful log-in from this address
  PRIMARY KEY (username, address)
);
