-- Account lock-out: consecutive failed logins are counted in the database (so every server sees
-- them), and the account locks at the limit until an administrator unlocks it.
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_at BIGINT;
