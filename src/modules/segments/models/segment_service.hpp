#pragma once
// Segment models (客户细分): kept as data (a name and segments with rules), computed over the
// group's customers a page at a time (customers and their homes read through those modules'
// services), the counts kept per city and per project for each caller's scope, each segment's
// profile, and each customer's segment computed live for their page.
#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/segments/models/fact_reader.hpp"
#include "modules/segments/rules/model.hpp"
#include "modules/segments/value/value_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"

namespace hearth::segments {

struct SegmentModel {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string org_unit_name;
  std::optional<std::string> preset;
  std::string name;
  std::string description;
  ModelDef def;
  int version = 1;
  int computed_version = 0;
  std::optional<Timestamp> computed_at;
  std::optional<std::int64_t> computed_ms;
  std::int64_t customers = 0;
  std::string org_path;       ///< its unit's materialised path
  std::string profiles_json;  ///< a JSON array, one profile per segment then 未归类 ("[]" before the first computation)
  bool editable = false;      ///< the caller may change it
  Timestamp created_at;
  Timestamp updated_at;
};

/// What a client sends to create or change a model.
struct ModelInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> preset;  ///< create from a preset (its segments unless given)
  std::optional<std::vector<SegmentDef>> segments;
};

/// A segment's count in a share table: the segment (-1: 未归类), its sub-class (-1: the
/// segment's total), customers.
struct ShareCell {
  int segment = -1;
  int sub = -1;
  std::int64_t customers = 0;
  std::int64_t owners = 0;  ///< the households with a home, whose value is summed below
  ValueParts value;         ///< their lifetime value's parts, summed
};

/// One row of shares: all customers, a city or a project.
struct ShareRow {
  std::string key;   ///< '' for all, the city, or the project's id
  std::string name;  ///< 全部, the city, the project's name
  std::int64_t customers = 0;
  std::vector<ShareCell> cells;  ///< per segment (sub -1) and per sub-class
};

struct Shares {
  std::string by;  ///< all | city | project
  std::vector<ShareRow> rows;
};

/// A preview: the shares a definition gives over a sample of the customers, before saving.
struct Preview {
  std::int64_t sampled = 0;
  bool whole = false;  ///< every customer was read (fewer than twice kPreviewSample)
  std::vector<ShareCell> cells;
};

/// A customer's place in one model, with the facts the model's rules read.
struct CustomerPlacement {
  std::int64_t model_id = 0;
  std::string model_name;
  Placement placement;
  std::string segment_code;
  std::string segment_name;
  std::string sub_code;
  std::string sub_name;
  std::vector<std::pair<std::string, FactValue>> facts;  ///< code → value, the ones the rules read
};

/// Segments as a client sends them (or as a model keeps them): every fault named by its path
/// (`segments[2].subs[0].code`) in `errors`.
std::vector<SegmentDef> ReadSegmentsInput(const boost::json::value& v, std::vector<FieldError>& errors);

class SegmentService {
 public:
  static constexpr const char* kNightlyJob = "segments.recompute";
  static constexpr int kPreviewSample = 20'000;
  static constexpr int kPage = 5'000;

  SegmentService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                 customers::CustomerService& customers, inventory::InventoryService& inventory, FactReader& facts);

  Result<std::vector<SegmentModel>> List(const RequestContext& ctx);
  /// The ids of the group's models (the demo and the nightly job compute each).
  std::vector<std::int64_t> ModelIds(std::int64_t tenant_id);
  Result<SegmentModel> Get(const RequestContext& ctx, std::int64_t id);
  Result<SegmentModel> Create(const RequestContext& ctx, const ModelInput& in);
  Result<SegmentModel> Update(const RequestContext& ctx, std::int64_t id, const ModelInput& in, std::optional<int> if_match);
  /// Computes the model over its customers now and keeps the counts and profiles.
  Result<SegmentModel> Recompute(const RequestContext& ctx, std::int64_t id);
  Result<Preview> PreviewOf(const RequestContext& ctx, const ModelInput& in);
  Result<Shares> SharesOf(const RequestContext& ctx, std::int64_t id, const std::string& by);
  /// The customer's segment in each model the caller sees, computed from today's facts.
  Result<std::vector<CustomerPlacement>> OfCustomer(const RequestContext& ctx, std::int64_t customer_id);

  /// For other modules, in the caller's transaction: the model when the actor sees it (404 else).
  Result<SegmentModel> ModelFor(db::Tx& tx, const Actor& actor, std::int64_t id) { return Visible(tx, actor, id); }
  /// The group's model (no scope check: a job working for whoever checked it).
  std::optional<SegmentModel> ModelOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) { return Find(tx, tenant_id, id); }
  /// The customers the model's last computation put in one of `segments` (indices; -1 未归类),
  /// after `after_customer_id` in customer order (campaign audiences; no scope check).
  std::vector<std::int64_t> MembersAfter(db::Tx& tx, std::int64_t model_id, const std::vector<int>& segments,
                                         std::int64_t after_customer_id, int limit);

  /// The presets copied into every group on first start, and the nightly job scheduled.
  Result<void> Seed();
  /// The nightly job: every model of the group computed again, then the next night's job; with a
  /// `model_id`, that model alone (enqueued when a model is made or changed); with `all`, every
  /// model once (the value assumptions changed).
  Result<void> OnNightlyJob(db::Tx& tx, const platform::Job& job);
  /// Computes a model (no scope check): the job's and Recompute's work.
  void Compute(std::int64_t tenant_id, std::int64_t model_id);

 private:
  /// The group's models (or the one with `id`), in one query.
  std::vector<SegmentModel> Models(db::Tx& tx, std::int64_t tenant_id, std::optional<std::int64_t> id);
  std::optional<SegmentModel> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<SegmentModel> Visible(db::Tx& tx, const Actor& actor, std::int64_t id);
  std::vector<SegmentModel> VisibleModels(db::Tx& tx, const Actor& actor);
  /// The model's rules compiled, kept by id and version (nullptr: a rule no longer compiles).
  std::shared_ptr<const CompiledModel> CompiledOf(const SegmentModel& m);
  Result<ModelDef> CheckDefinition(const ModelInput& in, const std::optional<ModelDef>& base);
  std::string Today() const;

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  FactReader& facts_;
  std::mutex compute_mutex_;
  std::mutex compiled_mutex_;
  std::map<std::int64_t, std::pair<int, std::shared_ptr<const CompiledModel>>> compiled_;  ///< id → (version, rules)
};

}  // namespace hearth::segments
