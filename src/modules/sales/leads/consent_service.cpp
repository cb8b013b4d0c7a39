#include "modules/sales/leads/consent_service.hpp"

#include <sodium.h>

#include <fmt/format.h>

#include "core/hash.hpp"
#include "core/json.hpp"
#include "core/masking.hpp"
#include "db/columns.hpp"
#include "platform/directory.hpp"
#include "platform/password.hpp"

namespace hearth::sales {

namespace {

const db::Columns<Consent> kColumns{
    {"id", &Consent::id},
    {"tenant_id", &Consent::tenant_id},
    {"project_id", &Consent::project_id},
    {"org_unit_id", &Consent::org_unit_id},
    {"customer_id", &Consent::customer_id},
    {"consultant_id", &Consent::consultant_id},
    {"method", &Consent::method, kConsentMethods},
    {"code_hash", &Consent::code_hash},
    {"token_hash", &Consent::token_hash},
    {"attempts", &Consent::attempts},
    {"status", &Consent::status, kConsentStatuses},
    {"expires_at", &Consent::expires_at},
    {"confirmed_at", &Consent::confirmed_at},
    {"lead_id", &Consent::lead_id},
    {"message_id", &Consent::message_id},
    {"version", &Consent::version},
    {"created_at", &Consent::created_at},
    {"updated_at", &Consent::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM lead_consents WHERE id = $1 AND tenant_id = $2";
const std::string kFindByToken = "SELECT " + kColumns.List() + " FROM lead_consents WHERE token_hash = $1";
constexpr std::string_view kInsert = R"sql(
INSERT INTO lead_consents (tenant_id, project_id, org_unit_id, customer_id, consultant_id, method, token_hash, status,
                           expires_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $9) RETURNING id)sql";
constexpr std::string_view kSetCode = "UPDATE lead_consents SET code_hash = $2, message_id = $3 WHERE id = $1";
constexpr std::string_view kRecent = R"sql(
SELECT count(*) FROM lead_consents WHERE project_id = $1 AND customer_id = $2 AND created_at > $3)sql";
constexpr std::string_view kAttempt = R"sql(
UPDATE lead_consents SET attempts = attempts + 1, status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END,
       version = version + 1, updated_at = $2
 WHERE id = $1 AND status = 'waiting')sql";
constexpr std::string_view kConfirmed = R"sql(
UPDATE lead_consents SET status = 'confirmed', confirmed_at = $2, lead_id = $3, version = version + 1, updated_at = $2
 WHERE id = $1 AND status = 'waiting')sql";

std::string CodeHash(std::int64_t id, const std::string& code) { return Sha256Hex(std::to_string(id) + ":" + code); }

Error Refused(std::string slug, std::string message) { return Error{ErrorCode::kConflict, std::move(slug), std::move(message), {}, {}}; }

}  // namespace

boost::json::object ToJson(const Consent& c, std::string_view now_status) {
  boost::json::object o{{"id", c.id},
                        {"project_id", c.project_id},
                        {"project_name", c.project_name},
                        {"customer_id", c.customer_id},
                        {"customer_name", c.customer_name},
                        {"phone", c.phone},
                        {"consultant_id", c.consultant_id},
                        {"consultant_name", c.consultant_name},
                        {"method", WordOf(c.method)},
                        {"status", now_status},
                        {"attempts_left", std::max<std::int64_t>(0, ConsentService::kMaxAttempts - c.attempts)},
                        {"expires_at", FormatRfc3339(c.expires_at)},
                        {"confirmed_at", JsonTime(c.confirmed_at)},
                        {"lead_id", JsonOr(c.lead_id)},
                        {"version", c.version},
                        {"created_at", FormatRfc3339(c.created_at)},
                        {"updated_at", FormatRfc3339(c.updated_at)}};
  if (c.token) o["token"] = *c.token;
  return o;
}

ConsentService::ConsentService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                               platform::MessageGateway& messages, customers::CustomerService& customers,
                               inventory::InventoryService& inventory, LeadService& leads)
    : db_(db), clock_(clock), audit_(audit), messages_(messages), customers_(customers), inventory_(inventory),
      leads_(leads) {}

std::optional<Consent> ConsentService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

void ConsentService::Name(db::Tx& tx, Consent& c) {
  const auto cards = customers_.CardsOf(tx, c.tenant_id, {c.customer_id});
  if (auto it = cards.find(c.customer_id); it != cards.end()) {
    c.customer_name = it->second.name;
    c.phone = MaskPhone(it->second.phone);
  }
  const auto projects = inventory_.NamesOfProjects(tx, c.tenant_id);
  if (auto it = projects.find(c.project_id); it != projects.end()) c.project_name = it->second;
  c.consultant_name = leads_.ConsultantName(tx, c.tenant_id, c.consultant_id);
}

Result<Consent> ConsentService::Request(const RequestContext& ctx, const ConsentInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not register leads");
  const std::int64_t consultant_id = in.consultant_id.value_or(actor.user_id);
  if (consultant_id != actor.user_id) return FailField("consultant_id", "not_allowed");
  if (in.method == ConsentMethod::kSms && !messages_.sms_enabled()) {
    return Fail(ErrorCode::kUnavailable, "sms_unavailable", "no SMS provider is configured: use the QR code at the desk");
  }
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Consent> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    auto customer = customers_.CustomerFor(tx, actor, in.customer_id);
    if (!customer) return FailField("customer_id", "not_found");
    if (in.method == ConsentMethod::kSms && customer->phones.empty()) return FailField("customer_id", "no_phone");
    // Nothing is sent for a customer someone else holds.
    if (auto lead = leads_.LeadOf(tx, in.project_id, in.customer_id); lead && Protected(*lead, now) && lead->consultant_id != consultant_id) {
      return Fail(leads_.ProtectedError(tx, *lead));
    }
    if (tx.Execute(kRecent, in.project_id, in.customer_id, Timestamp{now.ms - 60'000}).front().Int(0) > 0) {
      Error e{ErrorCode::kRateLimited, "rate_limited", "a consent was asked for this customer less than a minute ago", {}, {}};
      e.extra.emplace_back("retry_after", "60");
      return Fail(std::move(e));
    }
    std::optional<std::string> token;
    std::optional<std::string> token_hash;
    if (in.method == ConsentMethod::kQr) {
      token = platform::RandomToken();
      token_hash = Sha256Hex(*token);
    }
    const std::int64_t id = tx.Execute(kInsert, actor.tenant_id, in.project_id, project->org_unit_id, in.customer_id,
                                       consultant_id, in.method, token_hash, Timestamp{now.ms + kLifetimeMs}, now)
                                .front()
                                .Int(0);
    Consent c = *Find(tx, actor.tenant_id, id);
    Name(tx, c);
    if (in.method == ConsentMethod::kSms) {
      const std::string code = fmt::format("{:06}", randombytes_uniform(1000000));
      const std::string text = fmt::format("{}为您登记了{}的购房意向。验证码 {}，10分钟内有效；请告知置业顾问以确认。如非本人意愿，请忽略本短信。",
                                           c.consultant_name, c.project_name, code);
      const std::string logged = fmt::format("{}为您登记了{}的购房意向。验证码 ******，10分钟内有效；请告知置业顾问以确认。如非本人意愿，请忽略本短信。",
                                             c.consultant_name, c.project_name);
      const std::int64_t message = messages_.SendSms(
          tx, {actor.tenant_id, project->org_unit_id, customer->phones.front().phone, "lead_consent", text, logged, "lead_consent", id});
      tx.Execute(kSetCode, id, CodeHash(id, code), message);
    }
    audit_.Record(tx, ctx, "lead_consent.requested", "lead_consent", id, nullptr,
                  boost::json::object{{"customer_id", in.customer_id}, {"project_id", in.project_id}, {"method", WordOf(in.method)}});
    c.token = token;
    return c;
  });
}

Result<Consent> ConsentService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Consent> {
    auto c = Find(tx, actor.tenant_id, id);
    if (!c || !inventory_.ProjectFor(tx, actor, c->project_id)) return NotFound("no such consent");
    Name(tx, *c);
    return *c;
  });
}

Result<Consent> ConsentService::Register(db::Tx& tx, const std::optional<RequestContext>& caller, Consent c) {
  // The lead is the consultant's, registered in their name (the public page has no caller).
  RequestContext as;
  if (caller) {
    as = *caller;
  } else {
    auto consultant = platform::directory::ActorOf(tx, c.tenant_id, c.consultant_id);
    if (!consultant) return Fail(Refused("consent_failed", "the consultant who asked can no longer register leads"));
    as.actor = *consultant;
  }
  LeadInput li;
  li.project_id = c.project_id;
  li.customer_id = c.customer_id;
  li.source = LeadSource::kAgent;
  HEARTH_ASSIGN(const Registered registered, leads_.Register(as, li));
  const Timestamp now = clock_.Now();
  tx.Execute(kConfirmed, c.id, now, registered.lead.id);
  audit_.Record(tx, as, "lead_consent.confirmed", "lead_consent", c.id, nullptr,
                boost::json::object{{"lead_id", registered.lead.id}, {"method", WordOf(c.method)}});
  c = *Find(tx, c.tenant_id, c.id);
  Name(tx, c);
  return c;
}

Result<Consent> ConsentService::Confirm(const RequestContext& ctx, std::int64_t id, const std::string& code) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not register leads");
  const Timestamp now = clock_.Now();
  // A wrong code counts even though the answer is an error: the try is written in its own transaction.
  std::optional<Error> refused;
  auto done = db_.Transact([&](db::Tx& tx) -> Result<Consent> {
    auto found = Find(tx, actor.tenant_id, id);
    if (!found || !inventory_.ProjectFor(tx, actor, found->project_id)) return NotFound("no such consent");
    Consent c = *found;
    if (c.consultant_id != actor.user_id) return Forbidden("the consent was asked by another consultant");
    if (c.method != ConsentMethod::kSms) return FailField("code", "not_by_sms");
    if (c.status == ConsentStatus::kConfirmed) return Fail(Refused("consent_confirmed", "the customer has confirmed already"));
    if (c.status == ConsentStatus::kFailed) return Fail(Refused("consent_failed", "too many wrong codes: ask again"));
    if (c.expires_at.ms <= now.ms) return Fail(Refused("consent_expired", "the code has expired: ask again"));
    if (!c.code_hash || *c.code_hash != CodeHash(c.id, code)) {
      tx.Execute(kAttempt, c.id, now, kMaxAttempts);
      const std::int64_t left = std::max<std::int64_t>(0, kMaxAttempts - c.attempts - 1);
      Error e{ErrorCode::kInvalidArgument, "validation_failed", "the code does not match", {{"code", "mismatch"}}, {}};
      e.extra.emplace_back("attempts_left", std::to_string(left));
      refused = std::move(e);
      return c;  // commits the try
    }
    return Register(tx, ctx, c);
  });
  if (refused) return Fail(std::move(*refused));
  return done;
}

Result<Consent> ConsentService::Show(const std::string& token) {
  if (token.size() > 100) return NotFound("no such consent");
  return db_.Read([&](db::Tx& tx) -> Result<Consent> {
    auto rows = tx.Execute(kFindByToken, Sha256Hex(token));
    if (rows.empty()) return NotFound("no such consent");
    Consent c = kColumns.Read(rows.front());
    Name(tx, c);
    return c;
  });
}

Result<Consent> ConsentService::Agree(const std::string& token) {
  if (token.size() > 100) return NotFound("no such consent");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Consent> {
    auto rows = tx.Execute(kFindByToken, Sha256Hex(token));
    if (rows.empty()) return NotFound("no such consent");
    Consent c = kColumns.Read(rows.front());
    if (c.status == ConsentStatus::kConfirmed) {
      Name(tx, c);
      return c;  // agreeing twice is agreeing
    }
    if (c.status != ConsentStatus::kWaiting || c.expires_at.ms <= now.ms) {
      return Fail(Refused("consent_expired", "the link has expired: ask the consultant for a new one"));
    }
    return Register(tx, std::nullopt, c);
  });
}

}  // namespace hearth::sales
