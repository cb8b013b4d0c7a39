#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "modules/sales/deals/deal.hpp"

namespace hearth::sales {

enum class DunningStatus { kOpen, kPromised, kClosed };
inline constexpr Vocabulary<DunningStatus, 3> kDunningStatuses{{"open", "promised", "closed"}};
constexpr std::string_view WordOf(DunningStatus v) { return kDunningStatuses.Name(v); }

enum class ContactKind { kCall, kSms, kVisit, kLetter, kOther };
inline constexpr Vocabulary<ContactKind, 5> kContactKinds{{"call", "sms", "visit", "letter", "other"}};
inline constexpr Vocabulary<ContactKind, 5> kContactKindLabels{{"电话", "短信", "上门", "催款函", "其他"}};
constexpr std::string_view WordOf(ContactKind v) { return kContactKinds.Name(v); }

/// The stage of dunning after `days` overdue: 1 (提醒) up to 7 days, 2 (催告) up to 30, 3 (法务) beyond.
int DunningStage(std::int64_t days_overdue);
/// The days from the stage's start to the next stage (8 and 31 days after the due date), or none.
std::optional<std::int64_t> NextStageDay(int stage);

/// What is left to pay on `plan` as of `today` (YYYY-MM-DD), by age past its due date.
struct Ageing {
  std::int64_t not_due = 0;   ///< due today or later
  std::int64_t d1_30 = 0;
  std::int64_t d31_60 = 0;
  std::int64_t d61_90 = 0;
  std::int64_t d90_plus = 0;
  std::int64_t overdue() const { return d1_30 + d31_60 + d61_90 + d90_plus; }
  void Add(const Ageing& o);
};
Ageing AgeOf(const std::vector<Instalment>& plan, std::string_view today);
/// The earliest due date of an unpaid instalment before `today`.
std::optional<std::string> OldestOverdue(const std::vector<Instalment>& plan, std::string_view today);
/// Whole days from `from` to `to` (dates YYYY-MM-DD); 0 when either is malformed.
std::int64_t DaysBetween(std::string_view from, std::string_view to);

struct DunningTask {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t contract_id = 0;
  std::int64_t consultant_id = 0;
  std::int64_t stage = 1;
  std::int64_t overdue_cents = 0;
  std::string oldest_due_on;
  DunningStatus status = DunningStatus::kOpen;
  std::optional<std::string> promised_on;
  std::optional<Timestamp> last_contact_at;
  std::optional<Timestamp> closed_at;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // For people, when read.
  std::string contract_no = {};
  std::string unit_code = {};
  std::string project_name = {};
  std::string consultant_name = {};
  std::vector<Buyer> buyers = {};
};
/// With `days_overdue` as of `today`.
boost::json::object ToJson(const DunningTask& t, std::string_view today);

struct DunningNote {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  ContactKind kind = ContactKind::kCall;
  std::string note;
  std::optional<std::string> promised_on;
  std::int64_t actor_id = 0;
  Timestamp at;
  std::string actor_name = {};
};
boost::json::object ToJson(const DunningNote& n);

}  // namespace hearth::sales
