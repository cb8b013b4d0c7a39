#pragma once
#include "db/database.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/sales/sales_module.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "modules/segments/models/segment_service.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth::segments {

/// Segments (客户细分): segment models as data in a small rule language, the presets vanke5 and
/// pulte11, their computation over the group's customers with shares per city and project and
/// each segment's profile, and each customer's segment. It reads the customers, inventory, sales
/// (need types, referrals) and surveys (the latest answer's indices) modules through their
/// services; none of them knows it (docs/adr/0015-segments.md).
struct SegmentsModule {
  SegmentsModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
                 inventory::InventoryModule& inventory, sales::SalesModule& sales, surveys::SurveysModule& surveys)
      : facts(inventory.service, sales.leads, sales.referrals, surveys.results),
        value(db, clock, platform.audit, platform.jobs, customers.service, facts),
        models(db, clock, platform.audit, platform.jobs, customers.service, inventory.service, facts) {}
  FactReader facts;
  ValueService value;
  SegmentService models;
};

/// `hearth demo`, the segments part: the presets in the new group, computed over its customers.
Result<void> AddDemoSegments(SegmentsModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, the nightly job); it must outlive the server.
platform::Manifest BuildManifest(SegmentsModule& module);

}  // namespace hearth::segments
