// `hearth demo`, the campaigns part: the first company's campaigns of the last month — an SMS to two
// of Vanke's five segments, a WeChat message to a project's owners (some of whom follow the official
// account), an e-mail to the club's members — with their delivery logs (most delivered, a few
// failed), owners who unsubscribed by the link, and a draft to everyone waiting to be sent.
#include <fmt/format.h>

#include <random>

#include "modules/campaigns/campaigns_module.hpp"
#include "platform/jobs.hpp"

namespace hearth::campaigns {

Result<void> AddDemoCampaigns(CampaignsModule& module, platform::Demo& demo) {
  if (demo.tenant_id == 0 || demo.companies.empty()) return {};
  CampaignService& s = module.campaigns;
  const std::int64_t company = demo.companies.front();
  const Timestamp now = s.Now();
  const auto days_ago = [&](int d) { return Timestamp{now.ms - d * 86'400'000LL}; };
  std::mt19937_64 rng(demo.seed + 17);

  std::int64_t manager = 0, vanke5 = 0, project = 0;
  std::string project_name;
  HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
    const auto managers = platform::Notifications::UsersWithRole(tx, company, {"manager"});
    if (!managers.empty()) manager = managers.front();
    for (auto id : module.segments.ModelIds(demo.tenant_id)) {
      auto m = module.segments.ModelOf(tx, demo.tenant_id, id);
      if (m && m->preset == "vanke5") vanke5 = id;
    }
    // The company's first project with owners; a third of them follow the official account.
    const auto names = module.inventory.NamesOfProjects(tx, demo.tenant_id);
    for (const auto& [id, name] : names) {
      const auto homes = module.inventory.OwnedHomes(tx, demo.tenant_id, id);
      if (homes.size() < 20) continue;
      project = id, project_name = name;
      for (const auto& h : homes) {
        if (rng() % 3 != 0) continue;
        tx.Execute("INSERT INTO wechat_followers (tenant_id, customer_id, openid, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                   demo.tenant_id, h.customer_id, fmt::format("oHearthDemo{:017}", h.customer_id), days_ago(60).ms);
      }
      break;
    }
    return {};
  }));

  std::vector<std::int64_t> sent;
  if (vanke5 != 0) {
    CampaignInput in;
    in.name = "学区房与养老社区品鉴会邀约";
    in.channel = Channel::kSms;
    Audience a;
    a.kind = AudienceKind::kSegment;
    a.model_id = vanke5;
    a.segments = {"child_first", "healthy_ageing"};
    in.audience = a;
    in.text = "{name}您好，万科诚邀您本周六参加学区与康养社区品鉴会，现场有专属优惠。";
    HEARTH_ASSIGN(auto id, s.DemoCampaign(demo.tenant_id, company, manager, in, "万科五类客户：望子成龙、健康养老", "done", days_ago(28), 25));
    sent.push_back(id);
  }
  if (project != 0) {
    CampaignInput in;
    in.name = "交付一周年业主答谢";
    in.channel = Channel::kWeChat;
    Audience a;
    a.kind = AudienceKind::kProject;
    a.project_id = project;
    in.audience = a;
    in.text = "{name}您好，感谢您一年来的陪伴";
    in.wechat_template_id = "TM00001-owner-care";
    in.wechat_fields = std::vector<std::pair<std::string, std::string>>{{"keyword1", project_name + " 业主答谢会"}, {"keyword2", "本月 20 日 14:00"}};
    HEARTH_ASSIGN(auto id, s.DemoCampaign(demo.tenant_id, company, manager, in, project_name + " 业主", "done", days_ago(10), 40));
    sent.push_back(id);
  }
  {
    CampaignInput in;
    in.name = "万客会会员新春礼遇";
    in.channel = Channel::kEmail;
    Audience a;
    a.kind = AudienceKind::kTier;  // every member
    in.audience = a;
    in.subject = "万客会会员专属新春礼遇";
    in.text = "{name}您好：\n\n新春将至，万客会为会员准备了合作商家专属礼遇，凭会员号到店即可领取。\n\n万客会";
    HEARTH_ASSIGN(auto id, s.DemoCampaign(demo.tenant_id, company, manager, in, "万客会全体会员", "done", days_ago(3), 30));
    sent.push_back(id);
  }
  {
    CampaignInput in;
    in.name = "年终业主满意度回访预告";
    in.channel = Channel::kSms;
    in.audience = Audience{};
    in.text = "{name}您好，万科物业将于下周开展年终回访，感谢您的支持。";
    HEARTH_TRY(s.DemoCampaign(demo.tenant_id, company, manager, in, "全部客户", "draft", days_ago(1), 0));
  }
  // A few recipients of each campaign unsubscribed by their link.
  std::int64_t unsubscribed = 0;
  HEARTH_TRY(module.db.Transact([&](db::Tx& tx) -> Result<void> {
    for (auto id : sent) {
      const auto rows = tx.Execute("SELECT customer_id, sent_at FROM campaign_recipients WHERE campaign_id = $1 AND status = 'sent' ORDER BY id", id);
      for (const auto& r : rows) {
        if (rng() % 50 != 0) continue;
        unsubscribed += tx.Execute(R"sql(INSERT INTO marketing_opt_outs (tenant_id, customer_id, channel, source, campaign_id, created_at)
SELECT tenant_id, $2, channel, 'link', id, $3 FROM campaigns WHERE id = $1 ON CONFLICT DO NOTHING)sql",
                                   id, r.Int(0), r.Int(1) + 3'600'000)
                            .affected;
      }
    }
    return {};
  }));
  demo.made.push_back(fmt::format("{} campaigns ({} unsubscribed)", sent.size() + 1, unsubscribed));
  return {};
}

}  // namespace hearth::campaigns
