#pragma once
#include <map>
#include <mutex>
#include <optional>
#include <vector>
#include <string>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/jobs.hpp"
#include "platform/mailer.hpp"
#include "platform/org_service.hpp"

namespace hearth::platform {

/// The SMS provider's HTTP API (--sms-url, HEARTH_SMS_URL; HEARTH_SMS_KEY; HEARTH_SMS_SIGN).
/// Hearth POSTs {"to", "text", "sign", "ref"} as JSON with `Authorization: Bearer <key>` and
/// takes a 2xx answer {"id": "<the provider's message id>"} as accepted.
struct SmsOptions {
  std::string url;
  std::string key;
  std::string sign = "Hearth";  ///< the signature the provider puts in 【】
};

/// The WeChat official account's API (公众号模板消息): Hearth takes an access token with the
/// account's app id and secret (GET {url}/cgi-bin/token, kept until it expires) and POSTs each
/// template message to {url}/cgi-bin/message/template/send. Without an app id, WeChat messages are
/// logged as `unconfigured`.
struct WeChatOptions {
  std::string url = "https://api.weixin.qq.com";
  std::string appid;
  std::string secret;
};

/// One line of the message log.
struct Message {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string channel;
  std::string to_phone;
  std::string purpose;
  std::string text;
  std::string status;  ///< queued, sent, failed, unconfigured
  std::optional<std::string> provider_id;
  std::optional<std::string> error;
  std::int64_t attempts = 0;
  std::optional<std::string> ref_type;
  std::optional<std::int64_t> ref_id;
  std::optional<Timestamp> sent_at;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};
boost::json::object ToJson(const Message& m);

/// An SMS to send: `text` goes to the phone, `logged` is what the log keeps (a code masked).
struct Sms {
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;  ///< whose staff see it in the log
  std::string to;
  std::string purpose;  ///< "lead_consent", "handover_booking", "survey", …
  std::string text;
  std::string logged;
  std::string ref_type;
  std::int64_t ref_id = 0;
};

/// An e-mail to send through the gateway (the configured SMTP server, --smtp-url): logged as
/// `logged` (a link masked), sent as `text`.
struct Email {
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string to;
  std::string subject;
  std::string purpose;
  std::string text;
  std::string logged;
  std::string ref_type;
  std::int64_t ref_id = 0;
};

/// A WeChat template message to a follower of the official account: `fields` are the template's
/// keywords ({"first": "…", "keyword1": "…", "remark": "…"}), `link` where a tap leads; logged as
/// `logged`.
struct WeChat {
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string openid;
  std::string template_id;
  std::vector<std::pair<std::string, std::string>> fields;
  std::string link;
  std::string purpose;
  std::string logged;
  std::string ref_type;
  std::int64_t ref_id = 0;
};

/// The message gateway every module sends through: each message is logged in the caller's
/// transaction and sent by a job after it commits (retried with the job; a provider that is down
/// delays no request). Without a configured provider a message is logged as `unconfigured`.
class MessageGateway {
 public:
  MessageGateway(db::Database& db, const Clock& clock, JobScheduler& jobs, SmsOptions options, const Mailer& mailer,
                 WeChatOptions wechat = {});
  bool sms_enabled() const { return !options_.url.empty(); }
  /// Logs and queues one SMS; returns the log's id.
  std::int64_t SendSms(db::Tx& tx, const Sms& sms);
  bool email_enabled() const { return mailer_.enabled(); }
  /// Logs and queues one e-mail (channel email, the address in `to`); returns the log's id.
  std::int64_t SendEmail(db::Tx& tx, const Email& email);
  bool wechat_enabled() const { return !wechat_.appid.empty(); }
  /// Logs and queues one WeChat template message (channel wechat, the openid in `to`).
  std::int64_t SendWeChat(db::Tx& tx, const WeChat& message);
  /// How many messages of the group sent for (ref_type, ref_id) are in each status (a campaign's results).
  std::map<std::string, std::int64_t> CountsByRef(db::Tx& tx, std::int64_t tenant_id, const std::string& ref_type, std::int64_t ref_id);
  /// id → (status, error) of those of `ids` that are the group's messages (a campaign's log).
  std::map<std::int64_t, std::pair<std::string, std::optional<std::string>>> StatusesOf(db::Tx& tx, std::int64_t tenant_id,
                                                                                       const std::vector<std::int64_t>& ids);
  /// The demo's history: a message logged as sent or failed at `at` without a provider.
  void Settle(db::Tx& tx, std::int64_t id, const std::string& status, Timestamp at);
  /// GET /api/v1/messages: the log in the caller's scope (administrators and managers), newest
  /// first; phones masked unless the caller sees personal data.
  Result<Listing<Message>> Log(const RequestContext& ctx, const std::optional<std::string>& purpose,
                               const std::optional<std::string>& ref_type, std::optional<std::int64_t> ref_id,
                               const Page& page);
  static constexpr const char* kSendJob = "sms.send";
  static constexpr const char* kEmailJob = "message.email";
  static constexpr const char* kWeChatJob = "message.wechat";

 private:
  Result<void> Deliver(const Job& job);
  Result<void> DeliverEmail(const Job& job);
  Result<void> DeliverWeChat(const Job& job);
  /// The log's line of a message the provider accepted; of an attempt that failed (`last`: the
  /// message failed for good, else it stays queued for the job's next attempt).
  Result<void> MarkSent(std::int64_t id, const std::optional<std::string>& provider_id);
  void MarkAttemptFailed(std::int64_t id, const std::string& error, bool last);
  /// The account's access token, taken again when `fresh` or when the kept one has expired.
  Result<std::string> AccessToken(bool fresh);

  db::Database& db_;
  const Clock& clock_;
  JobScheduler& jobs_;
  SmsOptions options_;
  const Mailer& mailer_;
  WeChatOptions wechat_;
  std::mutex token_mutex_;
  std::string token_;
  Timestamp token_expires_{0};
};

}  // namespace hearth::platform
