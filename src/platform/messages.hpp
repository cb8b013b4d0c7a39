#pragma once
#include <optional>
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

/// The message gateway every module sends through: each message is logged in the caller's
/// transaction and sent by a job after it commits (retried with the job; a provider that is down
/// delays no request). Without a configured provider a message is logged as `unconfigured`.
class MessageGateway {
 public:
  MessageGateway(db::Database& db, const Clock& clock, JobScheduler& jobs, SmsOptions options, const Mailer& mailer);
  bool sms_enabled() const { return !options_.url.empty(); }
  /// Logs and queues one SMS; returns the log's id.
  std::int64_t SendSms(db::Tx& tx, const Sms& sms);
  bool email_enabled() const { return mailer_.enabled(); }
  /// Logs and queues one e-mail (channel email, the address in `to`); returns the log's id.
  std::int64_t SendEmail(db::Tx& tx, const Email& email);
  /// GET /api/v1/messages: the log in the caller's scope (administrators and managers), newest
  /// first; phones masked unless the caller sees personal data.
  Result<Listing<Message>> Log(const RequestContext& ctx, const std::optional<std::string>& purpose,
                               const std::optional<std::string>& ref_type, std::optional<std::int64_t> ref_id,
                               const Page& page);
  static constexpr const char* kSendJob = "sms.send";
  static constexpr const char* kEmailJob = "message.email";

 private:
  Result<void> Deliver(const Job& job);
  Result<void> DeliverEmail(const Job& job);

  db::Database& db_;
  const Clock& clock_;
  JobScheduler& jobs_;
  SmsOptions options_;
  const Mailer& mailer_;
};

}  // namespace hearth::platform
