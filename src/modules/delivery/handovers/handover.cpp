#include "modules/delivery/handovers/handover.hpp"

#include "core/json.hpp"

namespace hearth::delivery {

std::optional<HandoverStep> NextStep(int done) {
  if (done < 0 || done >= static_cast<int>(kHandoverSteps.size())) return std::nullopt;
  return static_cast<HandoverStep>(done);
}

std::optional<std::string> StepRefusal(HandoverStatus status, int done, HandoverStep step) {
  if (status == HandoverStatus::kCancelled) return "cancelled";
  if (status == HandoverStatus::kDone) return "done";
  const auto next = NextStep(done);
  if (!next || *next != step) return "out_of_order";
  return std::nullopt;
}

HandoverStatus StatusAfter(HandoverStep step) {
  return step == HandoverStep::kKeys ? HandoverStatus::kDone : HandoverStatus::kInProgress;
}

std::string_view ReinspectionOf(std::string_view ticket_status) {
  if (ticket_status == "resolved") return "due";
  if (ticket_status == "closed") return "passed";
  if (ticket_status == "cancelled") return "cancelled";
  return "pending_repair";
}

boost::json::object ToJson(const Handover& h) {
  boost::json::array steps;
  for (const auto& s : h.steps) {
    steps.push_back(boost::json::object{{"step", kHandoverSteps.Name(s.step)},
                                        {"label", kHandoverStepLabels.Name(s.step)},
                                        {"at", FormatRfc3339(s.at)},
                                        {"by", s.by},
                                        {"by_name", s.by_name},
                                        {"note", s.note},
                                        {"detail", s.detail}});
  }
  boost::json::array repairs;
  for (const auto& r : h.repairs) {
    repairs.push_back(boost::json::object{{"id", r.id}, {"title", r.title}, {"status", r.status}, {"reinspection", ReinspectionOf(r.status)}});
  }
  const auto next = h.status == HandoverStatus::kCancelled ? std::nullopt : NextStep(h.steps_done);
  return {{"id", h.id},
          {"project_id", h.project_id},
          {"project_name", h.project_name},
          {"unit_id", h.unit_id},
          {"unit_code", h.unit_code},
          {"batch_id", JsonOr(h.batch_id)},
          {"customer_id", JsonOr(h.customer_id)},
          {"customer_name", h.customer_name},
          {"slot_at", FormatRfc3339(h.slot_at)},
          {"status", kHandoverStatuses.Name(h.status)},
          {"steps_done", h.steps_done},
          {"next_step", next ? boost::json::value(kHandoverSteps.Name(*next)) : boost::json::value(nullptr)},
          {"steps", std::move(steps)},
          {"ticket_ids", boost::json::array(h.ticket_ids.begin(), h.ticket_ids.end())},
          {"repairs", std::move(repairs)},
          {"slot_id", JsonOr(h.slot_id)},
          {"booked_via", h.booked_via},
          {"delivered_on", JsonOr(h.delivered_on)},
          {"note", h.note},
          {"cancel_reason", JsonOr(h.cancel_reason)},
          {"version", h.version},
          {"created_at", FormatRfc3339(h.created_at)},
          {"updated_at", FormatRfc3339(h.updated_at)}};
}

}  // namespace hearth::delivery
