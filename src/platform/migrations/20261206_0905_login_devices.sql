-- The devices each user signed in on (issue 13): a login from one of them is not held back by
-- the account's back-off or lock-out, which hold back every other device (platform/auth_service.hpp).
-- The browser keeps a random device id in an HttpOnly cookie; only its SHA-256 is stored.
CREATE TABLE login_devices (
  user_id BIGINT NOT NULL,
  device_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, device_hash),
  CONSTRAINT fk_login_devices_user FOREIGN KEY (user_id) REFERENCES users (id)
);
