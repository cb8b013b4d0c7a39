-- The message gateway sends WeChat template messages too (campaigns): the log's channel takes
-- 'wechat', and `to_phone` holds the follower's openid for it.
ALTER TABLE messages DROP CONSTRAINT IF EXISTS ck_messages_channel;
ALTER TABLE messages ADD CONSTRAINT ck_messages_channel CHECK (channel IN ('sms', 'email', 'wechat'));
