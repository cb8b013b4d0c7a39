#include "platform/messages.hpp"

#include <curl/curl.h>

#include <memory>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/json.hpp"
#include "core/masking.hpp"
#include "db/columns.hpp"
#include "platform/org_scope.hpp"

namespace hearth::platform {

namespace {

const db::Columns<Message> kColumns{
    {"id", &Message::id},
    {"tenant_id", &Message::tenant_id},
    {"org_unit_id", &Message::org_unit_id},
    {"channel", &Message::channel},
    {"to_phone", &Message::to_phone},
    {"purpose", &Message::purpose},
    {"text", &Message::text},
    {"status", &Message::status},
    {"provider_id", &Message::provider_id},
    {"error", &Message::error},
    {"attempts", &Message::attempts},
    {"ref_type", &Message::ref_type},
    {"ref_id", &Message::ref_id},
    {"sent_at", &Message::sent_at},
    {"version", &Message::version},
    {"created_at", &Message::created_at},
    {"updated_at", &Message::updated_at},
};
constexpr std::string_view kInsert = R"sql(
INSERT INTO messages (tenant_id, org_unit_id, channel, to_phone, purpose, text, status, ref_type, ref_id, created_at,
                      updated_at)
VALUES ($1, $2, $10, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id)sql";
const std::string kLog = "SELECT " + kColumns.List("m") + " FROM messages m" HEARTH_JOIN_ORG_UNIT("m") R"sql(
 WHERE m.tenant_id = $1 AND o.path LIKE $2 AND (CAST($3 AS BIGINT) IS NULL OR m.id < $3)
   AND (CAST($4 AS TEXT) IS NULL OR m.purpose = $4)
   AND (CAST($5 AS TEXT) IS NULL OR m.ref_type = $5) AND (CAST($6 AS BIGINT) IS NULL OR m.ref_id = $6)
 ORDER BY m.id DESC LIMIT $7)sql";
constexpr std::string_view kSent = R"sql(
UPDATE messages SET status = 'sent', provider_id = $2, error = NULL, attempts = attempts + 1, sent_at = $3,
       version = version + 1, updated_at = $3
 WHERE id = $1)sql";
constexpr std::string_view kAttemptFailed = R"sql(
UPDATE messages SET status = $2, error = $3, attempts = attempts + 1, version = version + 1, updated_at = $4 WHERE id = $1)sql";

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

}  // namespace

boost::json::object ToJson(const Message& m) {
  return {{"id", m.id},
          {"channel", m.channel},
          {"to", m.to_phone},
          {"purpose", m.purpose},
          {"text", m.text},
          {"status", m.status},
          {"provider_id", JsonOr(m.provider_id)},
          {"error", JsonOr(m.error)},
          {"attempts", m.attempts},
          {"ref_type", JsonOr(m.ref_type)},
          {"ref_id", JsonOr(m.ref_id)},
          {"sent_at", JsonTime(m.sent_at)},
          {"version", m.version},
          {"created_at", FormatRfc3339(m.created_at)},
          {"updated_at", FormatRfc3339(m.updated_at)}};
}

MessageGateway::MessageGateway(db::Database& db, const Clock& clock, JobScheduler& jobs, SmsOptions options, const Mailer& mailer)
    : db_(db), clock_(clock), jobs_(jobs), options_(std::move(options)), mailer_(mailer) {
  jobs_.RegisterIo(kSendJob, [this](const Job& job) { return Deliver(job); });
  jobs_.RegisterIo(kEmailJob, [this](const Job& job) { return DeliverEmail(job); });
}

std::int64_t MessageGateway::SendEmail(db::Tx& tx, const Email& email) {
  const Timestamp now = clock_.Now();
  const std::int64_t id = tx.Execute(kInsert, email.tenant_id, email.org_unit_id, email.to, email.purpose, email.logged,
                                     email_enabled() ? "queued" : "unconfigured", email.ref_type, email.ref_id, now, "email")
                              .front()
                              .Int(0);
  if (email_enabled()) {
    jobs_.Enqueue(tx, email.tenant_id, kEmailJob,
                  boost::json::object{{"message_id", id}, {"to", email.to}, {"subject", email.subject}, {"text", email.text}}, now);
  }
  return id;
}

Result<void> MessageGateway::DeliverEmail(const Job& job) {
  auto text = [&](const char* key) {
    const auto* v = job.payload.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  const auto* id = job.payload.if_contains("message_id");
  if (!id || !id->is_int64()) return {};
  auto sent = mailer_.Send(text("to"), text("subject"), text("text"));
  const Timestamp now = clock_.Now();
  if (sent) {
    return db_.Transact([&](db::Tx& tx) -> Result<void> {
      tx.Execute(kSent, id->as_int64(), std::optional<std::string>(), now);
      return {};
    });
  }
  const bool last = job.attempts >= JobScheduler::kMaxAttempts;
  (void)db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kAttemptFailed, id->as_int64(), last ? "failed" : "queued", "email: " + sent.error().message, now);
    return {};
  });
  return sent;
}

std::int64_t MessageGateway::SendSms(db::Tx& tx, const Sms& sms) {
  const Timestamp now = clock_.Now();
  const std::int64_t id = tx.Execute(kInsert, sms.tenant_id, sms.org_unit_id, sms.to, sms.purpose, sms.logged,
                                     sms_enabled() ? "queued" : "unconfigured", sms.ref_type, sms.ref_id, now, "sms")
                              .front()
                              .Int(0);
  if (sms_enabled()) {
    jobs_.Enqueue(tx, sms.tenant_id, kSendJob,
                  boost::json::object{{"message_id", id}, {"to", sms.to}, {"text", sms.text}}, now);
  }
  return id;
}

Result<void> MessageGateway::Deliver(const Job& job) {
  const auto* id = job.payload.if_contains("message_id");
  const auto* to = job.payload.if_contains("to");
  const auto* text = job.payload.if_contains("text");
  if (!id || !to || !text || !id->is_int64() || !to->is_string() || !text->is_string()) return {};
  const std::string body = boost::json::serialize(boost::json::object{
      {"to", to->as_string()}, {"text", text->as_string()}, {"sign", options_.sign}, {"ref", "hearth-" + std::to_string(id->as_int64())}});
  std::string answer;
  long status = 0;
  CURLcode rc = CURLE_FAILED_INIT;
  {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (curl) {
      curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8");
      const std::string auth = "Authorization: Bearer " + options_.key;
      if (!options_.key.empty()) headers = curl_slist_append(headers, auth.c_str());
      curl_easy_setopt(curl.get(), CURLOPT_URL, options_.url.c_str());
      curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
      curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Collect);
      curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer);
      curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 10L);
      curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
      rc = curl_easy_perform(curl.get());
      curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
      curl_slist_free_all(headers);
    }
  }
  const Timestamp now = clock_.Now();
  if (rc == CURLE_OK && status >= 200 && status < 300) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(answer, ec);
    std::optional<std::string> provider_id;
    if (!ec && parsed.is_object()) {
      if (const auto* pid = parsed.as_object().if_contains("id"); pid && pid->is_string()) provider_id = std::string(pid->as_string());
    }
    return db_.Transact([&](db::Tx& tx) -> Result<void> {
      tx.Execute(kSent, id->as_int64(), provider_id, now);
      return {};
    });
  }
  const std::string error = rc != CURLE_OK ? std::string("sms: ") + curl_easy_strerror(rc)
                                           : "sms: the provider answered " + std::to_string(status) + " " + answer.substr(0, 200);
  // The last attempt marks the message failed; before it, the job tries again.
  const bool last = job.attempts >= JobScheduler::kMaxAttempts;
  (void)db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kAttemptFailed, id->as_int64(), last ? "failed" : "queued", error, now);
    return {};
  });
  return Fail(ErrorCode::kUnavailable, "unavailable", error);
}

Result<Listing<Message>> MessageGateway::Log(const RequestContext& ctx, const std::optional<std::string>& purpose,
                                             const std::optional<std::string>& ref_type, std::optional<std::int64_t> ref_id,
                                             const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead) || !actor.IsManager()) return Forbidden("the message log is for managers");
  return db_.Read([&](db::Tx& tx) -> Result<Listing<Message>> {
    Listing<Message> out;
    auto rows = tx.Execute(kLog, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", page.after_id,
                           purpose, ref_type, ref_id, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Message& m) { return m.id; });
    if (!actor.Can(Permission::kPersonalDataView)) {
      for (auto& m : out.items) {
        // An address keeps its first character and its domain ("l***@example.com").
        const auto at = m.to_phone.find('@');
        m.to_phone = m.channel == "email" && at != std::string::npos ? m.to_phone.substr(0, 1) + "***" + m.to_phone.substr(at)
                                                                     : MaskPhone(m.to_phone);
      }
    }
    return out;
  });
}

}  // namespace hearth::platform
