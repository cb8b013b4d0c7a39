#pragma once
// Campaigns (营销活动): a message to an audience by SMS, e-mail or WeChat template, through the
// platform's message gateway. The audience is read a chunk at a time by a job (each chunk its own
// transaction, resumed where it stopped after a crash) and queued per recipient; a second job
// sends a throttled number a minute outside the quiet hours. Marketing consent and opt-outs are
// checked when a recipient is queued and again when their message goes (docs/adr/0017-campaigns.md).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/campaigns/campaign.hpp"
#include "modules/club/members/club_service.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/segments/models/segment_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "platform/messages.hpp"

namespace hearth::campaigns {

/// What became of a campaign's messages so far.
struct Results {
  std::int64_t queued = 0;             ///< recipients waiting for their turn
  std::int64_t handed = 0;             ///< messages handed to the gateway
  std::int64_t delivered = 0;          ///< accepted by the provider
  std::int64_t failed = 0;             ///< refused by the provider after every attempt
  std::int64_t pending = 0;            ///< with the gateway, not yet accepted
  std::int64_t unconfigured = 0;       ///< logged only: no provider configured for the channel
  std::int64_t skipped_at_send = 0;    ///< consent withdrawn or opted out between queueing and sending
  std::int64_t cancelled = 0;          ///< still queued when the campaign was cancelled
  std::int64_t unsubscribed = 0;       ///< opted out by this campaign's link
};

struct Campaign {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string org_unit_name;
  std::string name;
  Channel channel = Channel::kSms;
  Audience audience;
  std::string audience_label;  ///< in words: 「万科五分法：务实之家、富贵之家」
  std::optional<std::string> subject;
  std::string text;  ///< the template
  std::optional<std::string> wechat_template_id;
  std::vector<std::pair<std::string, std::string>> wechat_fields;
  int rate_per_minute = 600;
  bool quiet_hours = true;
  std::string status;  ///< draft, queuing, sending, done, cancelled
  std::optional<Timestamp> send_at;
  std::int64_t audience_count = 0;
  std::int64_t queued_count = 0;
  std::int64_t skipped_no_consent = 0;
  std::int64_t skipped_opted_out = 0;
  std::int64_t skipped_no_address = 0;
  std::optional<Timestamp> queued_at;
  std::optional<Timestamp> finished_at;
  std::optional<std::int64_t> created_by;
  std::optional<std::string> created_by_name;
  std::string link_base;  ///< where the unsubscribe links point (the staff app's origin)
  std::int64_t queued_through = 0;  ///< the audience read up to this customer id
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<Results> results;  ///< on a single campaign's read
};

/// What a client sends to make or change a draft.
struct CampaignInput {
  std::optional<std::string> name;
  std::optional<Channel> channel;
  std::optional<Audience> audience;
  std::optional<std::string> subject;
  std::optional<std::string> text;
  std::optional<std::string> wechat_template_id;
  std::optional<std::vector<std::pair<std::string, std::string>>> wechat_fields;
  std::optional<int> rate_per_minute;
  std::optional<bool> quiet_hours;
};

/// An audience counted before sending.
struct AudienceCount {
  std::string label;
  std::int64_t audience = 0;
  std::int64_t eligible = 0;
  std::int64_t no_consent = 0;
  std::int64_t opted_out = 0;
  std::int64_t no_address = 0;
};

struct Recipient {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string customer_name;
  std::string status;  ///< queued, sent, skipped, cancelled
  std::optional<std::string> reason;
  std::optional<std::string> address;  ///< masked unless the caller sees personal data
  std::optional<std::string> message_status;  ///< the gateway's: queued, sent, failed, unconfigured
  std::optional<std::string> message_error;
  std::optional<Timestamp> sent_at;
};

struct RecipientPage {
  std::vector<Recipient> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

struct CampaignPage {
  std::vector<Campaign> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

/// A customer's marketing preferences as staff see them.
struct MarketingPrefs {
  bool consent_marketing = false;
  struct OptOut {
    std::string channel;
    std::string source;
    std::optional<std::string> campaign_name;
    Timestamp at;
  };
  std::vector<OptOut> opt_outs;
  std::optional<std::string> wechat_openid;  ///< masked unless the caller sees personal data
};

/// The owner's unsubscribe page.
struct Unsubscribe {
  std::string company;
  std::string campaign;
  Channel channel = Channel::kSms;
  bool opted_out = false;      ///< from this channel (or all)
  bool opted_out_all = false;
};

class CampaignService {
 public:
  static constexpr const char* kQueueJob = "campaign.queue";
  static constexpr const char* kSendJob = "campaign.send";
  static constexpr int kChunk = 5'000;

  CampaignService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                  platform::MessageGateway& gateway, customers::CustomerService& customers, inventory::InventoryService& inventory,
                  segments::SegmentService& segments, club::ClubService& club);

  Result<CampaignPage> List(const RequestContext& ctx, const std::optional<std::string>& status, const Page& page);
  Result<Campaign> Get(const RequestContext& ctx, std::int64_t id);
  Result<Campaign> Create(const RequestContext& ctx, const CampaignInput& in);
  Result<Campaign> Update(const RequestContext& ctx, std::int64_t id, const CampaignInput& in, std::optional<std::int64_t> if_match);
  /// Counts an audience as sending it would (no write).
  Result<AudienceCount> Count(const RequestContext& ctx, const Audience& audience, Channel channel);
  /// Starts sending a draft (at `send_at` when later than now); links lead to `origin`.
  Result<Campaign> Send(const RequestContext& ctx, std::int64_t id, std::optional<Timestamp> send_at, const std::string& origin,
                        std::optional<std::int64_t> if_match);
  Result<Campaign> Cancel(const RequestContext& ctx, std::int64_t id);
  Result<RecipientPage> Recipients(const RequestContext& ctx, std::int64_t id, const std::optional<std::string>& status,
                                   const Page& page);

  Result<MarketingPrefs> PrefsOf(const RequestContext& ctx, std::int64_t customer_id);
  /// Staff record that a customer said no more (or yes again) on a channel ('all' for every one).
  Result<MarketingPrefs> SetOptOut(const RequestContext& ctx, std::int64_t customer_id, const std::string& channel, bool opted_out);
  /// Staff bind (or with nullopt unbind) the customer's WeChat follower id.
  Result<MarketingPrefs> SetWeChat(const RequestContext& ctx, std::int64_t customer_id, const std::optional<std::string>& openid);

  Result<Unsubscribe> UnsubscribeView(const std::string& token);
  /// The owner's "no more": this channel, or every channel when `all`.
  Result<Unsubscribe> UnsubscribeNow(const std::string& token, bool all);

  /// The jobs: reading the audience into recipients; sending a batch.
  Result<void> OnQueueJob(const platform::Job& job);
  Result<void> OnSendJob(db::Tx& tx, const platform::Job& job);

  Timestamp Now() const { return clock_.Now(); }
  /// `hearth demo`: a campaign made at `at` (a draft, or read, queued and sent in one transaction,
  /// its messages settled as the provider would have: every `fail_every`th failed).
  Result<std::int64_t> DemoCampaign(std::int64_t tenant_id, std::int64_t org_unit_id, std::int64_t user_id, const CampaignInput& in,
                                    const std::string& label, const std::string& status, Timestamp at, int fail_every);

 private:
  std::optional<Campaign> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<Campaign> Visible(db::Tx& tx, const Actor& actor, std::int64_t id);
  Result<void> CheckManager(const Actor& actor) const;
  /// The audience checked against what the actor sees, and its label in words.
  Result<std::string> LabelOf(db::Tx& tx, const Actor& actor, const Audience& audience);
  /// The next chunk of the audience after `after` with how to reach each; empty when done.
  std::vector<std::pair<std::int64_t, customers::CustomerContact>> NextChunk(db::Tx& tx, std::int64_t tenant_id,
                                                                            const std::string& path, const Audience& audience,
                                                                            std::int64_t after, int limit);
  /// Who of `ids` opted out of `channel` (or of all), and the WeChat followers' ids.
  std::map<std::int64_t, bool> OptedOut(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids, Channel channel);
  std::map<std::int64_t, std::string> Followers(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  /// Counts a chunk of the audience into `counts` (in scope, without consent, opted out, without an
  /// address on the channel, eligible) and answers the eligible ones: queueing's and counting's rule.
  std::vector<std::int64_t> Classify(db::Tx& tx, std::int64_t tenant_id, Channel channel,
                                     const std::vector<std::pair<std::int64_t, customers::CustomerContact>>& chunk,
                                     AudienceCount& counts);
  /// Queues one chunk: counts and inserts; returns the last customer id read (0 when none was left).
  std::int64_t QueueChunk(db::Tx& tx, const Campaign& c, const std::string& path, int limit);
  /// Sends up to `limit` queued recipients now; returns how many were taken.
  std::int64_t SendBatch(db::Tx& tx, const Campaign& c, int limit);
  std::string PathOf(db::Tx& tx, const Campaign& c);
  MarketingPrefs PrefsIn(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, bool unmasked);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  platform::MessageGateway& gateway_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
  segments::SegmentService& segments_;
  club::ClubService& club_;
};

}  // namespace hearth::campaigns
