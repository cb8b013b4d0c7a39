#pragma once
#include "db/database.hpp"
#include "modules/campaigns/campaign_service.hpp"
#include "modules/club/club_module.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/inventory/inventory_module.hpp"
#include "modules/segments/segments_module.hpp"
#include "platform/manifest.hpp"
#include "platform/platform_module.hpp"

namespace hearth::campaigns {

/// Campaigns (营销活动): messages to a segment, a project's owners, a club tier, everyone or picked
/// customers, by SMS, e-mail or WeChat template through the platform's gateway, with consent and
/// opt-outs honoured. It stands after the segments and the club, whose audiences it reads through
/// their services; none of them knows it (docs/adr/0017-campaigns.md).
struct CampaignsModule {
  CampaignsModule(db::Database& db, const Clock& clock, platform::Platform& platform, customers::CustomersModule& customers,
                  inventory::InventoryModule& inventory, segments::SegmentsModule& segments, club::ClubModule& club)
      : db(db),
        customers(customers.service),
        inventory(inventory.service),
        segments(segments.models),
        club(club.members),
        campaigns(db, clock, platform.audit, platform.jobs, platform.messages, customers.service, inventory.service, segments.models,
                  club.members) {}
  db::Database& db;
  customers::CustomerService& customers;
  inventory::InventoryService& inventory;
  segments::SegmentService& segments;
  club::ClubService& club;
  CampaignService campaigns;
  platform::LoginThrottle links{{.unknown_names_per_address = 30}};
};

/// `hearth demo`, the campaigns part: campaigns sent to segments, a project's owners and the club,
/// with their logs; a draft; opt-outs and WeChat followers.
Result<void> AddDemoCampaigns(CampaignsModule& module, platform::Demo& demo);

/// What the module adds to the server (routes, tables, the sending job); it must outlive the server.
platform::Manifest BuildManifest(CampaignsModule& module);

}  // namespace hearth::campaigns
