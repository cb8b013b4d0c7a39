-- Screen-pop (来电弹屏): the extension each agent answers at. A call the telephone system puts
-- through to an extension opens the caller on that agent's screen.
CREATE TABLE telephony_seats (
  tenant_id BIGINT NOT NULL,
  extension TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, extension)
);
CREATE UNIQUE INDEX uq_telephony_seats_user ON telephony_seats (user_id);
