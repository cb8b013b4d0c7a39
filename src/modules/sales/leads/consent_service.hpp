#pragma once
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/leads/lead_service.hpp"
#include "platform/audit.hpp"
#include "platform/messages.hpp"

namespace hearth::sales {

enum class ConsentMethod { kSms, kQr };
inline constexpr Vocabulary<ConsentMethod, 2> kConsentMethods{{"sms", "qr"}};
constexpr std::string_view WordOf(ConsentMethod v) { return kConsentMethods.Name(v); }

enum class ConsentStatus { kWaiting, kConfirmed, kFailed };
inline constexpr Vocabulary<ConsentStatus, 3> kConsentStatuses{{"waiting", "confirmed", "failed"}};
constexpr std::string_view WordOf(ConsentStatus v) { return kConsentStatuses.Name(v); }

/// A pre-registration waiting for the customer's consent (报备).
struct Consent {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t consultant_id = 0;
  ConsentMethod method = ConsentMethod::kSms;
  std::optional<std::string> code_hash;
  std::optional<std::string> token_hash;
  std::int64_t attempts = 0;
  ConsentStatus status = ConsentStatus::kWaiting;
  Timestamp expires_at;
  std::optional<Timestamp> confirmed_at;
  std::optional<std::int64_t> lead_id;
  std::optional<std::int64_t> message_id;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // For people, when read.
  std::string customer_name = {};
  std::string phone = {};          ///< masked
  std::string project_name = {};
  std::string consultant_name = {};
  std::optional<std::string> token = {};  ///< only in the answer that created a QR consent
};
/// `with_token`: the answer to its creator (the QR's link).
boost::json::object ToJson(const Consent& c, std::string_view now_status);

struct ConsentInput {
  std::int64_t project_id = 0;
  std::int64_t customer_id = 0;
  ConsentMethod method = ConsentMethod::kSms;
  std::optional<std::int64_t> consultant_id;
  Intent intent = Intent::kC;
  std::string needs;
};

/// 报备 with the customer's consent: the code by SMS through the message gateway, or the desk's QR
/// code the customer opens and agrees on; the lead is registered (source agent) only when they do.
/// Codes and links last 10 minutes; a code allows 5 tries; one request per customer and project a
/// minute.
class ConsentService {
 public:
  ConsentService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::MessageGateway& messages,
                 customers::CustomerService& customers, inventory::InventoryService& inventory, LeadService& leads);

  /// 409 lead_protected before anything is sent when another consultant holds the customer; 422
  /// customer_id no_phone; 503 sms_unavailable without a provider; 429 while one was sent in the
  /// last minute.
  Result<Consent> Request(const RequestContext& ctx, const ConsentInput& input);
  Result<Consent> Get(const RequestContext& ctx, std::int64_t id);
  /// The code the customer read out: 422 code mismatch (tries left in `attempts_left`), 409
  /// consent_expired / consent_failed / consent_confirmed; on success the lead, registered.
  Result<Consent> Confirm(const RequestContext& ctx, std::int64_t id, const std::string& code);
  /// The public page of a QR consent (no sign-in): what the customer agrees to.
  Result<Consent> Show(const std::string& token);
  Result<Consent> Agree(const std::string& token);

  /// `waiting` once its time is up reads `expired`.
  std::string_view StatusOf(const Consent& c) const {
    return c.status == ConsentStatus::kWaiting && c.expires_at.ms <= clock_.Now().ms ? "expired" : WordOf(c.status);
  }

  static constexpr std::int64_t kLifetimeMs = 10LL * 60 * 1000;
  static constexpr std::int64_t kMaxAttempts = 5;

 private:
  std::optional<Consent> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  void Name(db::Tx& tx, Consent& c);
  /// Registers the lead as the consent's consultant and marks the consent confirmed.
  Result<Consent> Register(db::Tx& tx, const std::optional<RequestContext>& caller, Consent c);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::MessageGateway& messages_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  LeadService& leads_;
};

}  // namespace hearth::sales
