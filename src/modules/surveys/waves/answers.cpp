// The owner's side of a wave: the page behind a link, the saved draft, the one answer, opting out.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "modules/delivery/booking/slot.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "modules/surveys/waves/response_row.hpp"
#include "modules/surveys/waves/wave_service.hpp"

namespace hearth::surveys {

namespace {

constexpr std::string_view kOpened = "UPDATE survey_invitations SET opened_at = $2 WHERE id = $1 AND opened_at IS NULL";
constexpr std::string_view kSaveDraft = "UPDATE survey_invitations SET draft = $2 WHERE id = $1 AND status <> 'answered'";
// Compare-and-set: of two answers sent at once on one token, one wins.
constexpr std::string_view kAnswered = R"sql(
UPDATE survey_invitations SET status = 'answered', answered_at = $2, draft = NULL, remind_due = FALSE
 WHERE id = $1 AND status <> 'answered')sql";
constexpr std::string_view kSetTicket = "UPDATE survey_responses SET ticket_id = $2 WHERE id = $1";
constexpr std::string_view kIsOptedOut = "SELECT 1 FROM survey_opt_outs WHERE tenant_id = $1 AND customer_id = $2";
constexpr std::string_view kOptOut = R"sql(
INSERT INTO survey_opt_outs (tenant_id, customer_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, customer_id) DO NOTHING)sql";

}  // namespace

Result<PublicSurvey> WaveService::ViewIn(db::Tx& tx, const Invitation& inv) {
  const auto wave = BriefOf(tx, inv.tenant_id, inv.wave_id);
  auto version = wave ? surveys_.CachedVersion(tx, inv.tenant_id, wave->version_id) : nullptr;
  if (!wave || !version) return NotFound("no such survey");
  PublicSurvey p;
  p.state = inv.status == "answered" ? "answered" : wave->status == "closed" || wave->closes_on < Today() ? "closed" : "open";
  p.title = version->title;
  p.description = version->description;
  p.questions = std::shared_ptr<const std::vector<Question>>(version, &version->questions);
  p.closes_on = wave->closes_on;
  p.project_name = ProjectNameOf(tx, inv.tenant_id, inv.project_id);
  const auto names = customers_.NamesOf(tx, inv.tenant_id, {inv.customer_id});
  p.owner = names.contains(inv.customer_id) ? delivery::InitialOnly(names.at(inv.customer_id)) : std::string("业主");
  p.draft = nullptr;
  if (inv.draft && p.state == "open") {
    boost::system::error_code ec;
    auto d = boost::json::parse(*inv.draft, ec);
    if (!ec) p.draft = std::move(d);
  }
  p.opted_out = !tx.Execute(kIsOptedOut, inv.tenant_id, inv.customer_id).empty();
  return p;
}

Result<PublicSurvey> WaveService::PublicView(const std::string& token) {
  const Timestamp now = clock_.Now();
  HEARTH_ASSIGN(auto seen, db_.Read([&](db::Tx& tx) -> Result<std::pair<Invitation, PublicSurvey>> {
    auto inv = ByToken(tx, token);
    if (!inv) return NotFound("no such survey link");
    HEARTH_ASSIGN(auto view, ViewIn(tx, *inv));
    return std::make_pair(std::move(*inv), std::move(view));
  }));
  // The first opening is remembered (a write only then).
  if (!seen.first.opened_at) {
    HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<void> {
      tx.Execute(kOpened, seen.first.id, now);
      return {};
    }));
  }
  return std::move(seen.second);
}

Result<PublicSurvey> WaveService::SaveDraft(const std::string& token, const boost::json::value& answers) {
  return db_.Transact([&](db::Tx& tx) -> Result<PublicSurvey> {
    auto inv = ByToken(tx, token);
    if (!inv) return NotFound("no such survey link");
    HEARTH_ASSIGN(PublicSurvey view, ViewIn(tx, *inv));
    if (view.state == "answered") return Fail(ErrorCode::kConflict, "already_answered", "this survey has been answered");
    if (view.state == "closed") return Fail(ErrorCode::kConflict, "survey_closed", "this survey has closed");
    HEARTH_ASSIGN(auto checked, CheckAnswers(*view.questions, answers, false));
    const std::string text = boost::json::serialize(checked);
    tx.Execute(kSaveDraft, inv->id, text);
    view.draft = std::move(checked);
    return view;
  });
}

Result<PublicSurvey> WaveService::Answer(const std::string& token, const boost::json::value& answers, const std::string& remote_address) {
  const Timestamp now = clock_.Now();
  // Everything the answer needs is read first, outside the write: the link, its wave, the frozen
  // version (kept in memory), the page's words. The write is then four statements.
  struct Loaded {
    Invitation inv;
    std::shared_ptr<const SurveyVersion> version;
    std::string project_name;
    bool closed = false;
  };
  HEARTH_ASSIGN(Loaded l, db_.Read([&](db::Tx& tx) -> Result<Loaded> {
    auto inv = ByToken(tx, token);
    if (!inv) return NotFound("no such survey link");
    const auto brief = BriefOf(tx, inv->tenant_id, inv->wave_id);
    auto version = brief ? surveys_.CachedVersion(tx, inv->tenant_id, brief->version_id) : nullptr;
    if (!version) return NotFound("no such survey link");
    const bool closed = brief->status == "closed" || brief->closes_on < Today();
    std::string project = ProjectNameOf(tx, inv->tenant_id, inv->project_id);
    return Loaded{std::move(*inv), std::move(version), std::move(project), closed};
  }));
  if (l.inv.status == "answered") return Fail(ErrorCode::kConflict, "already_answered", "this survey has been answered");
  if (l.closed) return Fail(ErrorCode::kConflict, "survey_closed", "this survey has closed");
  const Invitation& inv = l.inv;
  const SurveyVersion& version = *l.version;
  HEARTH_ASSIGN(auto checked, CheckAnswers(version.questions, answers, true));
  const Scored s = Score(version.questions, checked);
  std::string summary = fmt::format("回答满意度调查「{}」", version.title);
  if (s.overall_raw) summary += fmt::format("：总体满意度 {} 分", *s.overall_raw);
  if (s.nps) summary += fmt::format("，推荐意愿 {} 分", *s.nps);
  const bool low = version.callback_rule && s.overall_raw && *s.overall_raw <= version.callback_rule->at_most;
  HEARTH_TRY(answers_.Submit([&](db::Tx& tx) -> Result<std::int64_t> {
    if (tx.Execute(kAnswered, inv.id, now).affected == 0) {
      return Fail(ErrorCode::kConflict, "already_answered", "this survey has been answered");
    }
    const std::int64_t response =
        InsertResponse(tx, {inv.tenant_id, inv.survey_id, version.id, inv.wave_id, inv.id, inv.project_id, inv.org_unit_id, inv.org_path,
                            inv.company_id, inv.cohort, inv.customer_id, boost::json::serialize(checked), now},
                       s);
    // The customer's timeline says what they answered where it matters.
    customers_.AppendTimeline(tx, inv.tenant_id, {0, inv.customer_id, now, "survey", "survey", inv.survey_id, summary}, std::nullopt);
    for (const auto& hook : answer_hooks_) hook(tx, inv.tenant_id, inv.customer_id, response, version.title);
    // A very low answer opens a ticket for a call-back (the survey's rule).
    if (low) {
      const RequestContext owner = delivery::OwnerContext(inv.tenant_id, "survey-link:" + std::to_string(inv.id), remote_address);
      service::TicketInput ticket;
      ticket.kind = service::TicketKind::kComplaint;
      ticket.channel = service::TicketChannel::kWeb;
      ticket.customer_id = inv.customer_id;
      ticket.unit_id = inv.unit_id;
      ticket.project_id = inv.project_id;
      ticket.title = fmt::format("满意度调查低分回访：总体满意度 {} 分", *s.overall_raw);
      std::string detail = fmt::format("业主在「{}」中给出总体满意度 {} 分，请致电回访。", version.title, *s.overall_raw);
      for (const auto& q : version.questions) {
        if (q.kind != QuestionKind::kText && q.kind != QuestionKind::kMulti) continue;
        const auto* a = checked.if_contains(q.key);
        if (!a) continue;
        std::string said;
        if (a->is_string()) said = std::string(a->as_string());
        for (const auto& e : a->is_array() ? a->as_array() : boost::json::array{}) said += (said.empty() ? "" : "、") + std::string(e.as_string());
        if (!said.empty()) detail += fmt::format("\n{} {}", q.text, said);
      }
      ticket.description = detail.substr(0, 3000);
      HEARTH_ASSIGN(const auto opened, tickets_.CreateIn(tx, owner, ticket));
      tx.Execute(kSetTicket, response, opened.id);
    }
    return response;
  }));
  // The page, answered: the thanks need no questions and no greeting.
  PublicSurvey done;
  done.state = "answered";
  done.title = version.title;
  done.description = version.description;
  done.project_name = std::move(l.project_name);
  done.draft = nullptr;
  return done;
}

Result<PublicSurvey> WaveService::OptOut(const std::string& token) {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<PublicSurvey> {
    auto inv = ByToken(tx, token);
    if (!inv) return NotFound("no such survey link");
    tx.Execute(kOptOut, inv->tenant_id, inv->customer_id, now.ms);
    customers_.AppendTimeline(tx, inv->tenant_id, {0, inv->customer_id, now, "survey", "survey", inv->survey_id, "退订满意度调查"},
                              std::nullopt);
    return ViewIn(tx, *inv);
  });
}

Result<PublicSurvey> WaveService::Preview(const RequestContext& ctx, std::int64_t survey_id) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<PublicSurvey> {
    HEARTH_ASSIGN(const Survey s, surveys_.SurveyFor(tx, actor, survey_id));
    PublicSurvey p;
    p.state = "preview";
    p.title = s.title;
    p.description = s.description;
    p.questions = std::make_shared<const std::vector<Question>>(s.questions);
    p.project_name = "示例项目";
    p.owner = "王**";
    p.closes_on = FormatIsoDate(ParseIsoDate(Today()).value_or(0) + 30);
    p.draft = nullptr;
    return p;
  });
}

}  // namespace hearth::surveys
