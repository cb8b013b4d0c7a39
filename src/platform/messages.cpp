#include "platform/messages.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>

#include <fmt/format.h>

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

struct CallResult {
  CURLcode rc = CURLE_FAILED_INIT;
  long status = 0;
  std::string answer;
};

/// One HTTP call to a provider: POST `body` as JSON (GET when `body` is empty), ten seconds at most.
CallResult Call(const std::string& url, const std::string& body, const std::string& auth_header = "") {
  CallResult out;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return out;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8");
  if (!auth_header.empty()) headers = curl_slist_append(headers, auth_header.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  if (!body.empty()) {
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &out.answer);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  out.rc = curl_easy_perform(curl.get());
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &out.status);
  curl_slist_free_all(headers);
  return out;
}

/// A query-string value escaped (the app id and secret).
std::string Escaped(const std::string& v) {
  std::string out;
  for (unsigned char c : v) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
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

MessageGateway::MessageGateway(db::Database& db, const Clock& clock, JobScheduler& jobs, SmsOptions options, const Mailer& mailer,
                               WeChatOptions wechat)
    : db_(db), clock_(clock), jobs_(jobs), options_(std::move(options)), mailer_(mailer), wechat_(std::move(wechat)) {
  while (!wechat_.url.empty() && wechat_.url.back() == '/') wechat_.url.pop_back();
  jobs_.RegisterIo(kSendJob, [this](const Job& job) { return Deliver(job); });
  jobs_.RegisterIo(kEmailJob, [this](const Job& job) { return DeliverEmail(job); });
  jobs_.RegisterIo(kWeChatJob, [this](const Job& job) { return DeliverWeChat(job); });
}

std::int64_t MessageGateway::SendWeChat(db::Tx& tx, const WeChat& m) {
  const Timestamp now = clock_.Now();
  const std::int64_t id = tx.Execute(kInsert, m.tenant_id, m.org_unit_id, m.openid, m.purpose, m.logged,
                                     wechat_enabled() ? "queued" : "unconfigured", m.ref_type, m.ref_id, now, "wechat")
                              .front()
                              .Int(0);
  if (wechat_enabled()) {
    boost::json::object data;
    for (const auto& [key, value] : m.fields) data[key] = boost::json::object{{"value", value}};
    boost::json::object message{{"touser", m.openid}, {"template_id", m.template_id}, {"data", std::move(data)}};
    if (!m.link.empty()) message["url"] = m.link;
    jobs_.Enqueue(tx, m.tenant_id, kWeChatJob, boost::json::object{{"message_id", id}, {"message", std::move(message)}}, now);
  }
  return id;
}

Result<std::string> MessageGateway::AccessToken(bool fresh) {
  std::lock_guard lock(token_mutex_);
  const Timestamp now = clock_.Now();
  if (!fresh && !token_.empty() && now.ms < token_expires_.ms) return token_;
  const auto got = Call(fmt::format("{}/cgi-bin/token?grant_type=client_credential&appid={}&secret={}", wechat_.url,
                                    Escaped(wechat_.appid), Escaped(wechat_.secret)),
                        "");
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(got.answer, ec);
  const auto* token = !ec && parsed.is_object() ? parsed.as_object().if_contains("access_token") : nullptr;
  if (got.rc != CURLE_OK || !token || !token->is_string()) {
    return Fail(ErrorCode::kUnavailable, "unavailable",
                got.rc != CURLE_OK ? std::string("wechat token: ") + curl_easy_strerror(got.rc)
                                   : "wechat token: " + got.answer.substr(0, 200));
  }
  std::int64_t seconds = 7200;
  if (const auto* e = parsed.as_object().if_contains("expires_in"); e && e->is_int64()) seconds = e->as_int64();
  token_ = std::string(token->as_string());
  token_expires_ = Timestamp{now.ms + std::max<std::int64_t>(seconds - 300, 60) * 1000};  // renewed five minutes early
  return token_;
}

Result<void> MessageGateway::DeliverWeChat(const Job& job) {
  const auto* id = job.payload.if_contains("message_id");
  const auto* message = job.payload.if_contains("message");
  if (!id || !id->is_int64() || !message || !message->is_object()) return {};
  const std::string body = boost::json::serialize(*message);
  std::string error;
  bool permanent = false;
  // An expired or revoked token (40001, 40014, 42001) is taken again once.
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto token = AccessToken(attempt > 0);
    if (!token) {
      error = token.error().message;
      break;
    }
    const auto sent = Call(wechat_.url + "/cgi-bin/message/template/send?access_token=" + Escaped(*token), body);
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(sent.answer, ec);
    const auto* code = !ec && parsed.is_object() ? parsed.as_object().if_contains("errcode") : nullptr;
    if (sent.rc != CURLE_OK || !code || !code->is_int64()) {
      error = sent.rc != CURLE_OK ? std::string("wechat: ") + curl_easy_strerror(sent.rc)
                                  : "wechat: the API answered " + std::to_string(sent.status) + " " + sent.answer.substr(0, 200);
      break;
    }
    if (code->as_int64() == 0) {
      std::optional<std::string> provider_id;
      if (const auto* msgid = parsed.as_object().if_contains("msgid"); msgid && msgid->is_int64()) {
        provider_id = std::to_string(msgid->as_int64());
      }
      return MarkSent(id->as_int64(), provider_id);
    }
    error = "wechat: " + std::to_string(code->as_int64()) + " " + boost::json::serialize(parsed.as_object().contains("errmsg") ? parsed.as_object().at("errmsg") : boost::json::value(""));
    const std::int64_t c = code->as_int64();
    if (c == 40001 || c == 40014 || c == 42001) continue;
    // 43004: the customer no longer follows the account; 40003: not a follower's id; 40037: no such
    // template. Trying again changes nothing.
    permanent = c == 43004 || c == 40003 || c == 40037;
    break;
  }
  MarkAttemptFailed(id->as_int64(), error, permanent || job.attempts >= JobScheduler::kMaxAttempts);
  if (permanent) return {};
  return Fail(ErrorCode::kUnavailable, "unavailable", error);
}

Result<void> MessageGateway::MarkSent(std::int64_t id, const std::optional<std::string>& provider_id) {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kSent, id, provider_id, now);
    return {};
  });
}

void MessageGateway::MarkAttemptFailed(std::int64_t id, const std::string& error, bool last) {
  // The last attempt marks the message failed; before it, the job tries again.
  const Timestamp now = clock_.Now();
  (void)db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kAttemptFailed, id, last ? "failed" : "queued", error, now);
    return {};
  });
}

std::map<std::string, std::int64_t> MessageGateway::CountsByRef(db::Tx& tx, std::int64_t tenant_id, const std::string& ref_type,
                                                                std::int64_t ref_id) {
  std::map<std::string, std::int64_t> out;
  for (const auto& r : tx.Execute("SELECT status, count(*) FROM messages WHERE ref_type = $1 AND ref_id = $2 AND tenant_id = $3 GROUP BY status",
                                  ref_type, ref_id, tenant_id)) {
    out[r.Text(0)] = r.Int(1);
  }
  return out;
}

std::map<std::int64_t, std::pair<std::string, std::optional<std::string>>> MessageGateway::StatusesOf(
    db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::pair<std::string, std::optional<std::string>>> out;
  db::SelectIn(tx, "SELECT id, status, error FROM messages WHERE tenant_id = $1 AND id IN ({})", {tenant_id}, ids,
               [&](const db::Row& r) { out[r.Int(0)] = {r.Text(1), r.OptText(2)}; });
  return out;
}

void MessageGateway::Settle(db::Tx& tx, std::int64_t id, const std::string& status, Timestamp at) {
  if (status == "sent") {
    tx.Execute(kSent, id, std::optional<std::string>(fmt::format("demo-{}", id)), at);
  } else {
    tx.Execute(kAttemptFailed, id, status, std::string("demo: the number is out of service"), at);
  }
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
  if (sent) return MarkSent(id->as_int64(), std::nullopt);
  MarkAttemptFailed(id->as_int64(), "email: " + sent.error().message, job.attempts >= JobScheduler::kMaxAttempts);
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
  const auto [rc, status, answer] =
      Call(options_.url, body, options_.key.empty() ? std::string() : "Authorization: Bearer " + options_.key);
  if (rc == CURLE_OK && status >= 200 && status < 300) {
    boost::system::error_code ec;
    const auto parsed = boost::json::parse(answer, ec);
    std::optional<std::string> provider_id;
    if (!ec && parsed.is_object()) {
      if (const auto* pid = parsed.as_object().if_contains("id"); pid && pid->is_string()) provider_id = std::string(pid->as_string());
    }
    return MarkSent(id->as_int64(), provider_id);
  }
  const std::string error = rc != CURLE_OK ? std::string("sms: ") + curl_easy_strerror(rc)
                                           : "sms: the provider answered " + std::to_string(status) + " " + answer.substr(0, 200);
  MarkAttemptFailed(id->as_int64(), error, job.attempts >= JobScheduler::kMaxAttempts);
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
        if (m.channel == "wechat") {  // an openid keeps its first four characters
          m.to_phone = m.to_phone.substr(0, 4) + "***";
        } else {
          m.to_phone = m.channel == "email" && at != std::string::npos ? m.to_phone.substr(0, 1) + "***" + m.to_phone.substr(at)
                                                                       : MaskPhone(m.to_phone);
        }
      }
    }
    return out;
  });
}

}  // namespace hearth::platform
