#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace hearth::delivery {

/// The six steps of a handover day, in the only order they may be done: 收楼通知, 身份核验 (an
/// agent with a power of attorney), 缴费, 资料签收, 验房 (with the owner; defects become repair
/// tickets), 交钥匙 (the unit is delivered).
enum class HandoverStep { kNotice, kIdentity, kFees, kDocuments, kInspection, kKeys };
inline constexpr Vocabulary<HandoverStep, 6> kHandoverSteps{{"notice", "identity", "fees", "documents", "inspection", "keys"}};
inline constexpr Vocabulary<HandoverStep, 6> kHandoverStepLabels{{"收楼通知", "身份核验", "缴费", "资料签收", "验房", "交钥匙"}};
constexpr std::string_view WordOf(HandoverStep v) { return kHandoverSteps.Name(v); }

enum class HandoverStatus { kBooked, kInProgress, kDone, kCancelled };
inline constexpr Vocabulary<HandoverStatus, 4> kHandoverStatuses{{"booked", "in_progress", "done", "cancelled"}};
constexpr std::string_view WordOf(HandoverStatus v) { return kHandoverStatuses.Name(v); }

/// The step due after `done` steps (0–6), or nullopt when all six are done.
std::optional<HandoverStep> NextStep(int done);
/// Why `step` may not be done now, after `done` steps of a handover in `status`: "cancelled",
/// "done", "out_of_order" (an earlier step is not done, or this one is); nullopt when it may.
std::optional<std::string> StepRefusal(HandoverStatus status, int done, HandoverStep step);
/// The status once `step` is done.
HandoverStatus StatusAfter(HandoverStep step);

/// One step done, with what it recorded (the identity's document or the agent's power of
/// attorney, the fees' receipt, the meter readings at the keys…).
struct StepRecord {
  HandoverStep step = HandoverStep::kNotice;
  Timestamp at;
  std::int64_t by = 0;
  std::string by_name = {};
  std::string note;
  boost::json::object detail;
};

/// A repair opened at the inspection, and where its re-inspection (复验) stands: `pending_repair`
/// while it is worked on, `due` once resolved (the owner inspects it again), `passed` once closed,
/// `cancelled`.
struct Repair {
  std::int64_t id = 0;
  std::string title;
  std::string status;  ///< the ticket's status word
};
std::string_view ReinspectionOf(std::string_view ticket_status);

struct Handover {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> batch_id;
  std::optional<std::int64_t> customer_id;
  Timestamp slot_at;
  HandoverStatus status = HandoverStatus::kBooked;
  int steps_done = 0;
  std::optional<std::string> delivered_on;
  std::string note;
  std::optional<std::string> cancel_reason;
  std::optional<std::int64_t> slot_id;  ///< the calendar's slot whose seat it holds, if booked in one
  std::string booked_via = "staff";     ///< staff | owner (through the booking link)
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // Filled when read.
  std::string unit_code = {};
  std::string project_name = {};
  std::string customer_name = {};
  std::vector<StepRecord> steps = {};
  std::vector<std::int64_t> ticket_ids = {};  ///< repairs opened at the inspection
  std::vector<Repair> repairs = {};           ///< the same, with their status
};
boost::json::object ToJson(const Handover& h);

}  // namespace hearth::delivery
