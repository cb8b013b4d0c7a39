#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/surveys/builder/questionnaire.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"

namespace hearth::surveys {

/// A questionnaire as the builder edits it: the draft, and the number of its latest published
/// version (0 before the first). A published version never changes; editing a published survey
/// changes its draft, which the next publish freezes as the next version.
struct Survey {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;  ///< whose survey (the group's reaches every company)
  std::string title;
  std::string description;
  std::vector<Question> questions;
  std::optional<CallbackRule> callback_rule;
  std::string status;  ///< draft | published | archived
  std::int64_t published_version = 0;
  bool draft_changed = true;  ///< the draft differs from the latest version
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string org_unit_name = {};
  std::string created_by_name = {};
  bool editable = false;  ///< the caller may change it (it is in their own subtree)
  std::int64_t wave_count = 0;
  std::int64_t response_count = 0;  ///< of the caller's projects
};
boost::json::object ToJson(const Survey& s);

/// One published version, frozen: what waves send and answers keep.
struct SurveyVersion {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t survey_id = 0;
  std::int64_t number = 0;
  std::string title;
  std::string description;
  std::vector<Question> questions;
  std::optional<CallbackRule> callback_rule;
  std::int64_t published_by = 0;
  Timestamp published_at;
  std::string published_by_name = {};
};
boost::json::object ToJson(const SurveyVersion& v);

struct SurveyInput {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::vector<Question>> questions;
  std::optional<std::optional<CallbackRule>> callback_rule;  ///< set to none by null
  std::optional<std::int64_t> org_unit_id;                   ///< create: the caller's unit by default
};

/// The questionnaire builder: surveys and their versions. Customer relations (delivery.work) build
/// and publish; everyone who reads records sees the surveys of their subtree and those of the units
/// above them (a group's survey is every company's).
class SurveyService {
 public:
  SurveyService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::OrgService& orgs);

  Result<Survey> Create(const RequestContext& ctx, const SurveyInput& input);
  Result<Survey> Get(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Survey>> List(const RequestContext& ctx, const Page& page);
  /// How many surveys the caller sees (the list's count).
  Result<std::int64_t> Count(const RequestContext& ctx);
  Result<Survey> Update(const RequestContext& ctx, std::int64_t id, const SurveyInput& input, std::optional<std::int64_t> expected_version);
  /// Freezes the draft as the next version (409 unchanged when the draft is the latest version).
  Result<Survey> Publish(const RequestContext& ctx, std::int64_t id);
  /// No more waves; the results stay (409 invalid_transition when already archived).
  Result<Survey> Archive(const RequestContext& ctx, std::int64_t id);
  Result<std::vector<SurveyVersion>> Versions(const RequestContext& ctx, std::int64_t id);

  // For the module's other parts, in the caller's transaction.
  /// The survey if the actor sees it (404 otherwise).
  Result<Survey> SurveyFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  /// The survey's latest published version (409 not_published before the first).
  Result<SurveyVersion> LatestVersion(db::Tx& tx, const Survey& s);
  /// A version by id (no scope check: the caller holds a wave or an invitation naming it).
  std::optional<SurveyVersion> VersionById(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// The same, parsed once and kept: a published version never changes, and the owners' page reads
  /// one on every view and answer.
  std::shared_ptr<const SurveyVersion> CachedVersion(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);

 private:
  std::optional<Survey> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  void Decorate(db::Tx& tx, const Actor& actor, std::vector<Survey>& surveys);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::OrgService& orgs_;
  std::mutex versions_mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const SurveyVersion>> versions_;
};

}  // namespace hearth::surveys
