// The delivery module's manifest: its tables and constraint names, and the routes of each part.
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

platform::Manifest BuildManifest(DeliveryModule& module) {
  platform::Manifest m{.name = "delivery", .folder = "modules/delivery", .tables = {
      {"delivery_batches"}, {"delivery_batch_units", "batch_id IN (SELECT id FROM delivery_batches WHERE tenant_id = $1)"},
      {"delivery_inspections"}, {"delivery_findings"}, {"open_days"}, {"handovers"},
      {"handover_steps", "handover_id IN (SELECT id FROM handovers WHERE tenant_id = $1)"},
      {"handover_tickets", "handover_id IN (SELECT id FROM handovers WHERE tenant_id = $1)"}, {"adverse_factors"},
      {"disclosure_acks"}, {"journey_touches"}, {"journey_tasks"}, {"journey_runs"}, {"handover_slots"},
      {"handover_invites"}, {"journey_funds"}, {"fund_proposals"}, {"fund_entries"}, {"open_day_signups"}, {"open_day_invites"}, {"title_certificates"}}};
  // A unit is in one batch; one handover of a unit at a time.
  m.constraints.push_back({"uq_delivery_batch_units_unit", {"unit_ids", "in_another_batch", ErrorCode::kConflict, "unit_in_batch"}});
  m.constraints.push_back({"uq_handovers_open_unit", {"unit_id", "booked", ErrorCode::kConflict, "handover_exists"}});
  // One sign-up per household and open day.
  m.constraints.push_back({"uq_open_day_signups_unit", {"unit_id", "signed_up", ErrorCode::kConflict, "already_signed_up"}});
  m.demo = [&module](platform::Demo& demo) { return AddDemoDelivery(module, demo); };
  AddDisclosureRoutes(m, module.disclosures);
  AddBatchRoutes(m, module.batches);
  AddSignupRoutes(m, module.signups, module.booking_links);
  AddHandoverRoutes(m, module.handovers);
  AddBookingRoutes(m, module.booking, module.booking_links);
  AddJourneyRoutes(m, module.journey);
  AddFundRoutes(m, module.fund);
  AddTitleRoutes(m, module.titles);
  AddReportRoutes(m, module.reports);
  JourneyService& journey = module.journey;
  m.seed = [&journey] { return journey.SeedDefaults(); };
  m.jobs.push_back({JourneyService::kMakeJob, [&journey](db::Tx& tx, const platform::Job& job) { return journey.OnMakeJob(tx, job); }});
  return m;
}

}  // namespace hearth::delivery
