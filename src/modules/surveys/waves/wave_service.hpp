#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "core/table_file.hpp"
#include "db/database.hpp"
#include "db/group_writer.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/service/tickets/ticket_service.hpp"
#include "modules/surveys/builder/survey_service.hpp"
#include "modules/surveys/waves/cohort.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "platform/messages.hpp"

namespace hearth::surveys {

struct WaveInput {
  std::optional<std::string> name;
  std::vector<std::int64_t> project_ids;
  std::vector<Cohort> cohorts;
  std::int64_t sample_per_project = 0;
  std::map<Cohort, std::int64_t> quotas;  ///< per project and cohort, instead of an even split
  std::string channel;                    ///< link | sms | email
  std::int64_t exclude_days = 90;         ///< not those invited to any survey in the last N days
  bool exclude_no_consent = false;        ///< not those without marketing consent
  std::int64_t send_per_minute = 300;
  std::optional<std::string> closes_on;  ///< the last day answers are taken (default: in 30 days)
};

/// One survey wave (一轮调查): the owners sampled from its projects' cohorts, an invitation each.
struct Wave {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t survey_id = 0;
  std::int64_t version_id = 0;
  std::int64_t org_unit_id = 0;
  std::string name;
  std::string channel;
  std::vector<std::int64_t> project_ids;
  std::vector<std::string> cohorts;
  std::int64_t sample_per_project = 0;
  std::int64_t exclude_days = 0;
  bool exclude_no_consent = false;
  std::int64_t send_per_minute = 0;
  std::string closes_on;
  std::string status;  ///< open | closed
  std::int64_t population = 0;
  std::int64_t invited = 0;
  std::string sampling_text;     ///< as stored
  boost::json::object sampling;  ///< {"excluded": {reason: n}, "plan": [{project_id, cohort, population, quota, sampled}]}, read by Decorate
  std::string origin;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // Read with it.
  std::string survey_title = {};
  std::int64_t version_number = 0;
  std::string created_by_name = {};
  /// status → count (queued, sent, no_contact, answered), and opened, reminded.
  std::map<std::string, std::int64_t> counts = {};
  /// Per project and cohort: invited, answered.
  boost::json::array progress = {};
};
boost::json::object ToJson(const Wave& w, const std::string& today);

/// An owner's invitation as the centre follows it.
struct Invitation {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;  ///< read with a token
  std::int64_t wave_id = 0;
  std::int64_t survey_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string org_path;  ///< the project's, for the scope of its response
  std::int64_t company_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t customer_id = 0;
  std::string cohort;
  std::string token;
  std::string status;  ///< queued | sent | no_contact | answered
  std::optional<std::int64_t> message_id;
  std::optional<Timestamp> sent_at;
  std::optional<Timestamp> opened_at;
  std::optional<Timestamp> answered_at;
  std::int64_t reminders = 0;
  std::optional<Timestamp> reminded_at;
  std::optional<std::string> draft;
  Timestamp created_at;
  std::string customer_name = {};
  std::string customer_phone = {};  ///< masked
  std::string unit_code = {};
  std::string project_name = {};
  std::string url = {};
};
boost::json::object ToJson(const Invitation& i);

struct InvitationFilter {
  std::optional<std::string> status;  ///< queued | sent | no_contact | answered | opened (sent and opened)
  std::optional<std::int64_t> project_id;
  std::optional<std::string> cohort;
};

/// What asking for reminders did.
struct RemindReport {
  std::int64_t queued = 0;
  std::int64_t too_soon = 0;     ///< reminded or invited in the last 3 days
  std::int64_t max_reached = 0;  ///< reminded twice already
};

/// The owner's page behind a link.
struct PublicSurvey {
  std::string state;  ///< open | answered | closed
  std::string title;
  std::string description;
  std::shared_ptr<const std::vector<Question>> questions;  ///< the version's, shared (none once answered)
  std::string project_name;
  std::string owner;  ///< the owner's initial ("钱**")
  std::string closes_on;
  boost::json::value draft;  ///< the answers saved so far, or null
  bool opted_out = false;
};
boost::json::object ToJson(const PublicSurvey& p);

/// Waves of a published survey: sampling the owners of projects by tenure cohort (from Hearth's
/// own contracts and deliveries) with quotas and exclusions, an invitation per owner with an
/// unguessable token, sending by link, SMS or e-mail (throttled, by a job), reminders, and the
/// owner's page that takes one answer per token and feeds the indices, the customer's timeline
/// and, for a very low answer, a call-back ticket.
class WaveService {
 public:
  WaveService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
              platform::MessageGateway& messages, customers::CustomerService& customers, inventory::InventoryService& inventory,
              service::TicketService& tickets, SurveyService& surveys);

  static constexpr const char* kSendJob = "survey.send";
  static constexpr std::int64_t kMaxReminders = 2;
  static constexpr std::int64_t kRemindAfterDays = 3;

  std::string Today() const;
  Timestamp Now() const { return clock_.Now(); }

  /// Samples and invites (origin: the address owners open, "https://crm.example.com").
  Result<Wave> Create(const RequestContext& ctx, std::int64_t survey_id, const WaveInput& input, const std::string& origin);
  Result<Wave> Get(const RequestContext& ctx, std::int64_t id);
  Result<std::vector<Wave>> OfSurvey(const RequestContext& ctx, std::int64_t survey_id);
  Result<platform::Listing<Invitation>> Invitations(const RequestContext& ctx, std::int64_t wave_id, const InvitationFilter& filter,
                                                    const Page& page);
  /// The invitations with their links (for CSV and XLSX): project, unit, owner, cohort, state, link.
  Result<Table> Links(const RequestContext& ctx, std::int64_t wave_id);
  Result<RemindReport> Remind(const RequestContext& ctx, std::int64_t wave_id);
  Result<Wave> Close(const RequestContext& ctx, std::int64_t wave_id);

  /// Sends a page of the wave's queued invitations and reminders, then comes again in a minute
  /// while some are left (the throttle).
  Result<void> OnSendJob(db::Tx& tx, const platform::Job& job);

  // The owner's side (no login; 404 for an unknown token).
  Result<PublicSurvey> PublicView(const std::string& token);
  /// Keeps the answers so far (resumable), checked but not for completeness.
  Result<PublicSurvey> SaveDraft(const std::string& token, const boost::json::value& answers);
  /// One answer per token: 409 already_answered for a second, 409 survey_closed after the wave.
  Result<PublicSurvey> Answer(const std::string& token, const boost::json::value& answers, const std::string& remote_address);
  /// Another module's step when an owner answers, in the answer's transaction (the club's points):
  /// the group, the customer, the response and the survey's title.
  using AnswerHook = std::function<void(db::Tx&, std::int64_t tenant_id, std::int64_t customer_id, std::int64_t response_id,
                                        const std::string& survey_title)>;
  void AddAnswerHook(AnswerHook hook) { answer_hooks_.push_back(std::move(hook)); }
  /// No more surveys for this owner (PIPL): every later wave leaves them out.
  Result<PublicSurvey> OptOut(const std::string& token);
  /// The staff's preview of a survey's draft, as owners will see it.
  Result<PublicSurvey> Preview(const RequestContext& ctx, std::int64_t survey_id);

 private:
  Result<Wave> WaveFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  std::optional<Wave> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// The wave's figures for `actor`: counts, progress and plan of the projects they see only.
  void Decorate(db::Tx& tx, const Actor& actor, Wave& w);
  /// The wave's projects in the actor's scope (none: the wave is not theirs to see).
  std::set<std::int64_t> VisibleProjects(db::Tx& tx, const Actor& actor, const Wave& w);
  std::optional<Invitation> ByToken(db::Tx& tx, const std::string& token);
  Result<PublicSurvey> ViewIn(db::Tx& tx, const Invitation& inv);
  bool Closed(const Wave& w) const;
  /// What the answer page needs of a wave and a project, kept a few seconds (the page reads them on
  /// every answer of a wave that thousands answer in an evening); closing a wave forgets it here.
  struct WaveBrief {
    std::int64_t version_id = 0;
    std::string closes_on;
    std::string status;
  };
  std::optional<WaveBrief> BriefOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t wave_id);
  std::string ProjectNameOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  platform::MessageGateway& messages_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  service::TicketService& tickets_;
  SurveyService& surveys_;
  /// The owners' answers, committed together when they come at once (a quarter's wave is answered
  /// by thousands in the evening): each answer is a few rows on pages its neighbours share.
  db::GroupWriter<std::int64_t> answers_{db_};
  std::mutex cache_mutex_;
  std::unordered_map<std::int64_t, std::pair<WaveBrief, std::chrono::steady_clock::time_point>> briefs_;
  std::unordered_map<std::int64_t, std::pair<std::string, std::chrono::steady_clock::time_point>> project_names_;
  std::vector<AnswerHook> answer_hooks_;
};

}  // namespace hearth::surveys
