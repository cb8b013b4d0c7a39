-- The message gateway sends e-mail too (survey invitations): the log's channel takes 'email', and
-- `to_phone` holds the address for it.
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_channel_check;
ALTER TABLE messages ADD CONSTRAINT ck_messages_channel CHECK (channel IN ('sms', 'email'));
