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

/// A delivery batch (交付批次): planned, then released for handover once its gates are passed (or
/// overridden by a manager with a reason).
enum class BatchStatus { kPlanned, kReleased };
inline constexpr Vocabulary<BatchStatus, 2> kBatchStatuses{{"planned", "released"}};
constexpr std::string_view WordOf(BatchStatus v) { return kBatchStatuses.Name(v); }

/// T−90 交付风险排查, 模拟验收 (by the customer centre playing the owner), T−30 复查.
enum class InspectionKind { kRiskCheck, kSimulatedAcceptance, kRecheck };
inline constexpr Vocabulary<InspectionKind, 3> kInspectionKinds{{"risk_check", "simulated_acceptance", "recheck"}};
inline constexpr Vocabulary<InspectionKind, 3> kInspectionLabels{{"交付风险排查", "模拟验收", "复查"}};
constexpr std::string_view WordOf(InspectionKind v) { return kInspectionKinds.Name(v); }

enum class Severity { kBlocking, kMajor, kMinor };
inline constexpr Vocabulary<Severity, 3> kSeverities{{"blocking", "major", "minor"}};
inline constexpr Vocabulary<Severity, 3> kSeverityLabels{{"阻断交付", "严重", "一般"}};
constexpr std::string_view WordOf(Severity v) { return kSeverities.Name(v); }

enum class FindingStatus { kOpen, kClosed };
inline constexpr Vocabulary<FindingStatus, 2> kFindingStatuses{{"open", "closed"}};
constexpr std::string_view WordOf(FindingStatus v) { return kFindingStatuses.Name(v); }

/// Days before the planned delivery by which each inspection is due (the seeds: risks three months
/// ahead, the re-check a month ahead; the simulated acceptance between them).
int DaysAheadOf(InspectionKind kind);

/// What the batch's gates see, gathered by the service.
struct GateFacts {
  std::string planned_on;                        ///< YYYY-MM-DD
  std::string today;                             ///< YYYY-MM-DD, China time
  std::vector<InspectionKind> inspections_held;  ///< kinds with at least one inspection
  int open_blocking = 0;
  int open_other = 0;
  int raw_units = 0;       ///< 毛坯 units in the batch
  int finished_units = 0;  ///< 精装
  int raw_open_days = 0;       ///< site open days held (not vetoed) for raw units before the delivery
  int finished_open_days = 0;  ///< and for finished ones
};

/// One gate of the batch, in the order a centre works through them.
struct Gate {
  std::string key;    ///< risk_check, simulated_acceptance, recheck, open_days_raw, open_days_finished, blocking_findings
  std::string label;  ///< 交付风险排查…
  bool passed = false;
  bool blocks = false;  ///< a gate that is not passed refuses the release (409 open_risks)
  std::optional<std::string> due_on;  ///< when it should be passed by
  bool overdue = false;               ///< not passed, and its day is behind `today`
  std::string detail;                 ///< "2 个阻断问题未关闭", "还需 1 次精装开放日"
  int count = 0;   ///< open days held, or blocking findings open
  int needed = 0;  ///< open days needed (0 for the other gates)
};

/// The gates of a batch: each inspection by its day ahead, the open days the seeds ask for (at
/// least one for raw units and two for finished ones), and the open blocking findings, which alone
/// refuse the release.
std::vector<Gate> GatesOf(const GateFacts& facts);
/// True when no blocking gate fails.
bool Releasable(const std::vector<Gate>& gates);

struct Batch {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string name;
  std::string planned_on;
  BatchStatus status = BatchStatus::kPlanned;
  std::optional<Timestamp> released_at;
  std::optional<std::int64_t> released_by;
  std::optional<std::string> override_reason;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // Filled when read.
  std::string project_name = {};
  std::vector<std::int64_t> unit_ids = {};
  std::int64_t unit_count = 0;
  std::int64_t delivered_count = 0;
  std::int64_t open_blocking = 0;
  std::int64_t open_findings = 0;
  std::optional<std::string> released_by_name = std::nullopt;
  std::vector<Gate> gates = {};
};
boost::json::object ToJson(const Batch& b, bool with_units);

struct Inspection {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t batch_id = 0;
  InspectionKind kind = InspectionKind::kRiskCheck;
  std::string on;
  std::string note;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string created_by_name = {};
  std::int64_t finding_count = 0;
  std::int64_t open_count = 0;
};
boost::json::object ToJson(const Inspection& i);

struct Finding {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t inspection_id = 0;
  std::int64_t batch_id = 0;
  std::int64_t unit_id = 0;
  std::string location;
  std::optional<std::int64_t> category_id;
  std::string category;  ///< the category's path ("渗漏/屋面渗漏"), or the words given
  Severity severity = Severity::kMinor;
  std::string description;
  FindingStatus status = FindingStatus::kOpen;
  std::optional<Timestamp> closed_at;
  std::optional<std::int64_t> closed_by;
  std::string close_note;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string unit_code = {};
  InspectionKind inspection_kind = InspectionKind::kRiskCheck;
  std::string created_by_name = {};
  std::optional<std::string> closed_by_name = std::nullopt;
  std::int64_t photo_count = 0;
};
boost::json::object ToJson(const Finding& f);

}  // namespace hearth::delivery
